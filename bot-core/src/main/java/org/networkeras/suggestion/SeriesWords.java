package org.networkeras.suggestion;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Map;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/** A series' rule and dates in words, for replies about a change of the series. */
final class SeriesWords {

  private SeriesWords() {}

  /**
   * "every Friday" or "every other Thursday" for a weekly rule on one day, "every date" for any
   * other rule; the day is the one {@code first} falls on.
   */
  static String rule(
      Messages messages, Language language, String rule, Instant first, ZoneId zone) {
    Map<String, String> parts = new HashMap<>();
    for (String part : rule.split(";")) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        parts.put(part.substring(0, equals), part.substring(equals + 1));
      }
    }
    String byDay = parts.getOrDefault("BYDAY", "");
    boolean oneDay = byDay.matches("[A-Z]{2}");
    String interval = parts.getOrDefault("INTERVAL", "1");
    if (!"WEEKLY".equals(parts.get("FREQ")) || !oneDay && !byDay.isEmpty()) {
      return messages.get(language, "series.every_date");
    }
    DayOfWeek day = first.atZone(zone).getDayOfWeek();
    String name = day.getDisplayName(TextStyle.FULL, language.locale());
    return switch (interval) {
      case "1" -> messages.get(language, "series.every", name);
      case "2" -> messages.get(language, "series.every_other", name);
      default -> messages.get(language, "series.every_date");
    };
  }

  /** "4 December" / "4 décembre". */
  static String day(Language language, Instant instant, ZoneId zone) {
    return DateTimeFormatter.ofPattern("d MMMM", language.locale()).format(instant.atZone(zone));
  }
}
