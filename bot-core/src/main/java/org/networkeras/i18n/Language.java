package org.networkeras.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the bot speaks. */
public enum Language {
  EN(Locale.ENGLISH),
  FR(Locale.FRENCH);

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The language of a locale (or a code such as {@code fr}, {@code en-GB}), if spoken. */
  public static Optional<Language> of(Locale locale) {
    if (locale == null) {
      return Optional.empty();
    }
    return switch (locale.getLanguage()) {
      case "fr" -> Optional.of(FR);
      case "en" -> Optional.of(EN);
      default -> Optional.empty();
    };
  }

  /** Parses {@code en}, {@code fr}, {@code fr-FR}, {@code en_US}. */
  public static Optional<Language> parse(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return of(Locale.forLanguageTag(code.strip().replace('_', '-')));
  }
}
