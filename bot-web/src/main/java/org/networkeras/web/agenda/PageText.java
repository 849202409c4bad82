package org.networkeras.web.agenda;

import java.util.Objects;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/**
 * The bundles' texts in the language of one page, for templates: {@code t.get("web.filter.city")}.
 *
 * @param messages the bundles
 * @param language the page's language
 */
public record PageText(Messages messages, Language language) {

  public PageText {
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(language, "language");
  }

  /** The text of {@code key}, with ICU arguments. */
  public String get(String key, Object... arguments) {
    return messages.get(language, key, arguments);
  }
}
