package org.networkeras.web.agenda;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.networkeras.i18n.Language;

/**
 * The language of a page: the one the visitor chose with the switch ({@code ?lang=}, then
 * remembered in a cookie), else the first of their browser's {@code Accept-Language} the bot
 * speaks, else the community's, else English.
 */
final class PageLanguage {

  /** The cookie that remembers the switch. */
  static final String COOKIE = "nw_lang";

  private PageLanguage() {}

  static Language choose(
      String asked, String remembered, String acceptLanguage, Language community) {
    return Language.parse(asked)
        .or(() -> Language.parse(remembered))
        .or(() -> fromHeader(acceptLanguage))
        .orElse(community == null ? Language.EN : community);
  }

  /** The first language of the header, by weight, that the bot speaks. */
  static Optional<Language> fromHeader(String header) {
    if (header == null || header.isBlank() || header.length() > 500) {
      return Optional.empty();
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = new ArrayList<>(Locale.LanguageRange.parse(header));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (Locale.LanguageRange range : ranges) {
      if (range.getWeight() <= 0 || range.getRange().startsWith("*")) {
        continue;
      }
      Optional<Language> language = Language.parse(range.getRange());
      if (language.isPresent()) {
        return language;
      }
    }
    return Optional.empty();
  }
}
