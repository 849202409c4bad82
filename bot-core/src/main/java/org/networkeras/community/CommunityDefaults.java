package org.networkeras.community;

import java.time.ZoneId;
import java.util.Objects;
import org.networkeras.i18n.Language;

/**
 * The settings a community starts with.
 *
 * @param zone the time zone (Europe/Paris unless configured)
 * @param language the reply language, or {@code null} to follow each member's locale
 * @param fallbackLanguage the language used when neither the community nor the member has one
 * @param city the default city, or {@code null}
 */
public record CommunityDefaults(
    ZoneId zone, Language language, Language fallbackLanguage, String city) {
  public CommunityDefaults {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(fallbackLanguage, "fallbackLanguage");
  }

  public static CommunityDefaults paris() {
    return new CommunityDefaults(ZoneId.of("Europe/Paris"), null, Language.EN, null);
  }
}
