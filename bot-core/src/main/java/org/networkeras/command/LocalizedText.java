package org.networkeras.command;

import java.util.Objects;
import org.networkeras.i18n.Language;

/** A text in every language the bot speaks. */
public record LocalizedText(String en, String fr) {
  public LocalizedText {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(fr, "fr");
  }

  public String in(Language language) {
    return language == Language.FR ? fr : en;
  }
}
