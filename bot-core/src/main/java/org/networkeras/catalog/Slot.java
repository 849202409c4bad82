package org.networkeras.catalog;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/** The moments of the week events fit into. */
public enum Slot {
  /** A weekday morning, before work. */
  BREAKFAST,
  /** A weekday evening, after work. */
  EVENING,
  /** A whole Saturday (barcamps). */
  SATURDAY,
  /** Anything else (a lunch, a Sunday afternoon). */
  OTHER;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Slot fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }

  /**
   * The slot an event falls in, from its local start and length, as the scene's week has them
   * ({@code DOMAIN.md}): a Saturday event starting 06:00–16:59 (daytime: a barcamp, whatever its
   * length), or any Saturday event of five hours or more, is {@link #SATURDAY}; one starting
   * 06:00–10:59 on a weekday (Monday to Friday) is {@link #BREAKFAST}; one starting 17:00–23:59 is
   * {@link #EVENING}; the rest (a Sunday morning, a lunch) is {@link #OTHER}.
   */
  public static Slot derive(Instant start, Instant end, ZoneId zone) {
    ZonedDateTime local = start.atZone(zone);
    LocalTime time = local.toLocalTime();
    boolean daytime = !time.isBefore(LocalTime.of(6, 0)) && time.isBefore(LocalTime.of(17, 0));
    DayOfWeek day = local.getDayOfWeek();
    if (day == DayOfWeek.SATURDAY
        && (daytime || Duration.between(start, end).compareTo(Duration.ofHours(5)) >= 0)) {
      return SATURDAY;
    }
    boolean weekday = day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    if (weekday && !time.isBefore(LocalTime.of(6, 0)) && time.isBefore(LocalTime.of(11, 0))) {
      return BREAKFAST;
    }
    if (!time.isBefore(LocalTime.of(17, 0))) {
      return EVENING;
    }
    return OTHER;
  }
}
