package org.networkeras.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.networkeras.time.Sentence.Rule;
import org.networkeras.time.Sentence.Rule.Frequency;

/**
 * A repeat met with one now in one zone: its first date (the first match strictly after now), its
 * first four starts and its RFC 5545 rule. Occurrences keep the local wall-clock time of the first
 * one, as ical4j's {@code Recur} expands the rule from that start in the community's zone (the
 * catalog's {@code Recurrences}); {@code UNTIL} is the last second of the last day, in UTC.
 */
final class Repeats {

  /** A bounded rule may give at most this many dates. */
  static final int MAX_DATES = 500;

  /** How many starts {@link EventTime#firstStarts()} lists. */
  static final int SHOWN = 4;

  /** How many dates are tried for the first one strictly after now (today's may be over). */
  private static final int SEARCH_TRIES = 3;

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Sentence sentence;
  private final Rule rule;
  private final String text;
  private final Instant now;
  private final ZoneId zone;

  Repeats(Sentence sentence, String text, Instant now, ZoneId zone) {
    this.sentence = sentence;
    this.rule = sentence.rule;
    this.text = text;
    this.now = now;
    this.zone = zone;
  }

  EventTime event() {
    Evaluation time = new Evaluation(sentence.first, text, now, zone);
    LocalDate firstDate = following(null, now.atZone(zone).toLocalDate());
    int option = -1;
    Instant start = null;
    for (int tries = 0; tries < SEARCH_TRIES && start == null; tries++) {
      for (int o = 0; o < time.options(); o++) {
        Instant candidate = at(time, firstDate, o);
        if (candidate.isAfter(now)) {
          option = o;
          start = candidate;
          break;
        }
      }
      if (start == null) {
        firstDate = following(null, firstDate.plusDays(1));
      }
    }
    if (start == null) {
      throw Refusal.PAST.of(text);
    }
    Instant until = until(firstDate);
    if (until != null && until.isBefore(start)) {
      throw Refusal.END_BEFORE_START.of(text);
    }
    if (rule.count > MAX_DATES) {
      throw Refusal.TOO_MANY_DATES.of(text, MAX_DATES);
    }
    boolean bounded = until != null || rule.count > 0;
    List<Instant> starts = new ArrayList<>(SHOWN);
    int total = 0;
    for (LocalDate date = firstDate; ; date = following(firstDate, date.plusDays(1))) {
      Instant occurrence = at(time, date, option);
      if ((until != null && occurrence.isAfter(until)) || (rule.count > 0 && total == rule.count)) {
        break;
      }
      total++;
      if (starts.size() < SHOWN) {
        starts.add(occurrence);
      }
      if (total > MAX_DATES) {
        throw Refusal.TOO_MANY_DATES.of(text, MAX_DATES);
      }
      if (!bounded && starts.size() == SHOWN) {
        break;
      }
    }
    Instant end = sentence.second == null ? null : new Spans(sentence, text, now, zone).end(start);
    return new EventTime(
        start, end, recurrence(until), starts, time.localTime(firstDate, option).toLocalTime());
  }

  private Instant at(Evaluation time, LocalDate date, int option) {
    LocalDateTime local = time.localTime(date, option);
    return local.atZone(zone).toInstant();
  }

  /**
   * The first date of the rule on or after {@code from}; weekly intervals count from the week of
   * {@code first} (any matching day when {@code first} is null: the search for the first date).
   */
  private LocalDate following(LocalDate first, LocalDate from) {
    switch (rule.frequency) {
      case DAILY -> {
        return from;
      }
      case WEEKLY -> {
        LocalDate date = from;
        while (!rule.hasDay(date.getDayOfWeek().getValue())
            || (first != null && Math.floorMod(weeksBetween(first, date), rule.interval) != 0)) {
          date = date.plusDays(1);
        }
        return date;
      }
      default -> {
        YearMonth month = YearMonth.from(from);
        while (true) {
          LocalDate date = inMonth(month);
          if (date != null && !date.isBefore(from)) {
            return date;
          }
          month = month.plusMonths(1);
        }
      }
    }
  }

  /** Whole weeks (Monday to Sunday) from the week of {@code a} to the week of {@code b}. */
  private static long weeksBetween(LocalDate a, LocalDate b) {
    long mondayA = a.toEpochDay() - a.getDayOfWeek().getValue();
    long mondayB = b.toEpochDay() - b.getDayOfWeek().getValue();
    return (mondayB - mondayA) / 7;
  }

  /** The monthly rule's date in {@code month}, or null when the month has none (a 31st). */
  private LocalDate inMonth(YearMonth month) {
    if (rule.monthDay > 0) {
      return rule.monthDay <= month.lengthOfMonth() ? month.atDay(rule.monthDay) : null;
    }
    DayOfWeek day = DayOfWeek.of(Integer.numberOfTrailingZeros(rule.days));
    LocalDate date = month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(rule.nth, day));
    return YearMonth.from(date).equals(month) ? date : null;
  }

  /** The last instant an occurrence may start: the end of the last day, or null. */
  private Instant until(LocalDate firstDate) {
    LocalDate last;
    if (rule.until != null) {
      last = new Evaluation(rule.until, text, now, zone).candidateDates()[0];
    } else if (rule.forCount > 0) {
      last = firstDate.plus(rule.forCount, rule.forUnit.chrono()).minusDays(1);
    } else {
      return null;
    }
    return last.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
  }

  /** The RRULE value: {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20271217T225959Z}. */
  private String recurrence(Instant until) {
    StringBuilder out = new StringBuilder("FREQ=").append(rule.frequency.name());
    if (rule.interval > 1) {
      out.append(";INTERVAL=").append(rule.interval);
    }
    if (rule.monthDay > 0) {
      out.append(";BYMONTHDAY=").append(rule.monthDay);
    } else if (rule.frequency != Frequency.DAILY) {
      out.append(";BYDAY=");
      String separator = "";
      for (int d = 1; d <= 7; d++) {
        if (rule.hasDay(d)) {
          out.append(separator);
          if (rule.nth != 0) {
            out.append(rule.nth);
          }
          out.append(DayOfWeek.of(d).name(), 0, 2);
          separator = ",";
        }
      }
    }
    if (until != null) {
      out.append(";UNTIL=").append(UTC.format(until));
    }
    if (rule.count > 0) {
      out.append(";COUNT=").append(rule.count);
    }
    return out.toString();
  }
}
