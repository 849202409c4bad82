package org.networkeras.command;

import java.util.Objects;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/** A text in every language the bot speaks. */
public record LocalizedText(String en, String fr) {
  public LocalizedText {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(fr, "fr");
  }

  /** The text of {@code key} in every language. */
  public static LocalizedText of(Messages messages, String key) {
    return new LocalizedText(messages.get(Language.EN, key), messages.get(Language.FR, key));
  }

  public String in(Language language) {
    return language == Language.FR ? fr : en;
  }
}
