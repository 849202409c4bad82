package org.networkeras.catalog;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/**
 * A series' repeat rule in words, in the member's language: "every other Thursday, 19:00–21:00,
 * until 17 December" / "un jeudi sur deux, 19h–21h, jusqu’au 17 décembre". Reads the RFC 5545
 * {@code RRULE} shapes a chat sentence states ({@code TIME-PHRASES.md} Part 2: weekly on one or
 * more days, every n weeks, the n-th or last weekday of the month, a day of the month, Monday to
 * Friday, daily, yearly, each with an {@code UNTIL} or a {@code COUNT}); any other rule reads "at
 * regular dates". Every word comes from the bundles (ICU plurals and ordinals). Stateless.
 */
public final class RepeatWords {

  private static final Pattern POSITIONED_DAY = Pattern.compile("([+-]?\\d{0,2})([A-Z]{2})");
  private static final List<String> WEEKDAYS = List.of("MO", "TU", "WE", "TH", "FR");

  private RepeatWords() {}

  /**
   * The whole repeat: the rule, the local hours of a date, and its end when the rule has one.
   *
   * @param rule the {@code RRULE} value ({@code FREQ=WEEKLY;BYDAY=TH}), without {@code RRULE:}
   * @param start the first date's start (gives the day and hours where the rule does not)
   * @param end the first date's end, or {@code null} when none is known yet (the start alone)
   * @param zone the community's zone, where the rule is read
   */
  public static String describe(
      Messages messages, Language language, String rule, Instant start, Instant end, ZoneId zone) {
    Map<String, String> parts = parts(rule);
    ZonedDateTime first = start.atZone(zone);
    // A rule pinned to a time of day (a first date in a spring gap) says the time every date keeps.
    LocalTime from = pinned(parts, first.toLocalTime());
    String hours =
        end == null
            ? clock(messages, language, from)
            : messages.get(
                language,
                "repeat.hours",
                clock(messages, language, from),
                clock(messages, language, from.plus(Duration.between(start, end))));
    String words = rule(messages, language, parts, first);
    String until = ending(messages, language, parts, first, zone);
    return until == null
        ? messages.get(language, "repeat.described", words, hours)
        : messages.get(language, "repeat.described_until", words, hours, until);
  }

  /** The rule alone: "every Friday", "le premier mardi du mois". */
  public static String rule(
      Messages messages, Language language, String rule, Instant start, ZoneId zone) {
    return rule(messages, language, parts(rule), start.atZone(zone));
  }

  /** "17 December" / "1er décembre", with the year when it is not {@code reference}'s. */
  public static String day(
      Messages messages, Language language, LocalDate day, LocalDate reference) {
    String month = day.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, language.locale());
    return day.getYear() == reference.getYear()
        ? messages.get(language, "repeat.day", day.getDayOfMonth(), month)
        : messages.get(
            language,
            "repeat.day_year",
            day.getDayOfMonth(),
            month,
            Integer.toString(day.getYear()));
  }

  private static String rule(
      Messages messages, Language language, Map<String, String> parts, ZonedDateTime first) {
    int interval = interval(parts);
    String frequency = parts.getOrDefault("FREQ", "");
    List<String> days = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (String day : list(parts.get("BYDAY"))) {
      Matcher m = POSITIONED_DAY.matcher(day);
      if (!m.matches()) {
        return other(messages, language);
      }
      days.add(m.group(2));
      positions.add(m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1)));
    }
    // One BYHOUR and BYMINUTE pin the time of day (Recurrences.seeded): the time is said apart.
    if (has(parts, "BYSECOND", "BYWEEKNO", "BYYEARDAY", "BYMONTH")
        || list(parts.get("BYHOUR")).size() > 1
        || list(parts.get("BYMINUTE")).size() > 1) {
      return other(messages, language);
    }
    String firstDay = code(first.getDayOfWeek());
    return switch (frequency) {
      case "DAILY" ->
          days.isEmpty() && !has(parts, "BYMONTHDAY", "BYSETPOS")
              ? messages.get(language, "repeat.daily", interval)
              : other(messages, language);
      case "WEEKLY" ->
          weekly(
              messages,
              language,
              interval,
              days.isEmpty() ? List.of(firstDay) : days,
              positions,
              parts);
      case "MONTHLY" -> monthly(messages, language, interval, days, positions, parts, first);
      case "YEARLY" ->
          days.isEmpty() && !has(parts, "BYMONTHDAY", "BYSETPOS")
              ? messages.get(
                  language,
                  "repeat.yearly",
                  interval,
                  day(messages, language, first.toLocalDate(), first.toLocalDate()))
              : other(messages, language);
      default -> other(messages, language);
    };
  }

  private static String weekly(
      Messages messages,
      Language language,
      int interval,
      List<String> days,
      List<Integer> positions,
      Map<String, String> parts) {
    if (positions.stream().anyMatch(p -> p != 0) || has(parts, "BYMONTHDAY", "BYSETPOS")) {
      return other(messages, language);
    }
    if (interval == 1 && days.size() == WEEKDAYS.size() && days.containsAll(WEEKDAYS)) {
      return messages.get(language, "repeat.weekdays");
    }
    List<String> ordered = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      if (days.contains(code(day))) {
        ordered.add(code(day));
      }
    }
    if (interval == 1) {
      return messages.get(
          language, "repeat.weekly", names(messages, language, "repeat.days.", ordered));
    }
    return messages.get(
        language,
        "repeat.weekly_interval",
        names(messages, language, "repeat.day.", ordered),
        interval,
        ordered.size());
  }

  private static String monthly(
      Messages messages,
      Language language,
      int interval,
      List<String> days,
      List<Integer> positions,
      Map<String, String> parts,
      ZonedDateTime first) {
    List<String> monthDays = list(parts.get("BYMONTHDAY"));
    List<String> setPositions = list(parts.get("BYSETPOS"));
    if (days.size() == 1 && monthDays.isEmpty()) {
      int position = positions.get(0);
      if (position == 0 && setPositions.size() == 1) {
        position = Integer.parseInt(setPositions.get(0));
      } else if (!setPositions.isEmpty()) {
        return other(messages, language);
      }
      if (position == 0 || position < -1 || position > 5) {
        return other(messages, language);
      }
      return messages.get(
          language,
          "repeat.monthly_weekday",
          position == -1 ? "last" : Integer.toString(position),
          messages.get(language, "repeat.day." + days.get(0)),
          interval);
    }
    if (!days.isEmpty() || !setPositions.isEmpty() || monthDays.size() > 1) {
      return other(messages, language);
    }
    int day = monthDays.isEmpty() ? first.getDayOfMonth() : Integer.parseInt(monthDays.get(0));
    if (day == -1) {
      return messages.get(language, "repeat.monthly_last_day", interval);
    }
    if (day < 1) {
      return other(messages, language);
    }
    return messages.get(language, "repeat.monthly_day", day, interval);
  }

  /** "until 17 December", "4 times", or {@code null} for a rule without an end. */
  private static String ending(
      Messages messages,
      Language language,
      Map<String, String> parts,
      ZonedDateTime first,
      ZoneId zone) {
    if (parts.containsKey("COUNT")) {
      try {
        return messages.get(language, "repeat.count", Integer.parseInt(parts.get("COUNT")));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    String until = parts.get("UNTIL");
    if (until == null) {
      return null;
    }
    LocalDate last = untilDay(until, zone);
    return last == null
        ? null
        : messages.get(
            language, "repeat.until", day(messages, language, last, first.toLocalDate()));
  }

  /** The local day of an {@code UNTIL} value: a date, a local date-time or a UTC one. */
  static LocalDate untilDay(String until, ZoneId zone) {
    try {
      if (until.length() == 8) {
        return LocalDate.parse(until, DateTimeFormatter.BASIC_ISO_DATE);
      }
      LocalDateTime local =
          LocalDateTime.parse(
              until.endsWith("Z") ? until.substring(0, until.length() - 1) : until,
              DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
      return until.endsWith("Z")
          ? local.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate()
          : local.toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String clock(Messages messages, Language language, LocalTime time) {
    return messages.get(language, "repeat.clock", time.getHour(), time.getMinute());
  }

  private static String names(
      Messages messages, Language language, String prefix, List<String> codes) {
    List<String> names = codes.stream().map(c -> messages.get(language, prefix + c)).toList();
    return ListFormatter.getInstance(ULocale.forLocale(language.locale())).format(names);
  }

  private static String other(Messages messages, Language language) {
    return messages.get(language, "repeat.other");
  }

  private static String code(DayOfWeek day) {
    return day.name().substring(0, 2);
  }

  private static int interval(Map<String, String> parts) {
    try {
      return Math.max(1, Integer.parseInt(parts.getOrDefault("INTERVAL", "1")));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static boolean has(Map<String, String> parts, String... keys) {
    for (String key : keys) {
      if (parts.containsKey(key)) {
        return true;
      }
    }
    return false;
  }

  /** The time of day a rule's one {@code BYHOUR} and {@code BYMINUTE} pin, else {@code time}. */
  private static LocalTime pinned(Map<String, String> parts, LocalTime time) {
    List<String> hour = list(parts.get("BYHOUR"));
    List<String> minute = list(parts.get("BYMINUTE"));
    if (hour.size() != 1) {
      return time;
    }
    try {
      return LocalTime.of(
          Integer.parseInt(hour.get(0)), minute.size() == 1 ? Integer.parseInt(minute.get(0)) : 0);
    } catch (RuntimeException e) {
      return time;
    }
  }

  private static List<String> list(String value) {
    return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
  }

  private static Map<String, String> parts(String rule) {
    Map<String, String> parts = new HashMap<>();
    String text = rule.startsWith("RRULE:") ? rule.substring("RRULE:".length()) : rule;
    for (String part : text.split(";")) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        parts.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
      }
    }
    return parts;
  }
}
