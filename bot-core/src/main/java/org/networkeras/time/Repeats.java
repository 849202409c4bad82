package org.networkeras.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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

  /** How far ahead the first date is looked for (a 31st can be two months away). */
  private static final int SEARCH_DAYS = 800;

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
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate firstDate = null;
    int option = 0;
    Instant start = null;
    for (int days = 0; days < SEARCH_DAYS && start == null; days++) {
      LocalDate date = today.plusDays(days);
      if (!matches(date, date)) {
        continue;
      }
      for (int o = 0; o < time.options(); o++) {
        Instant candidate = at(time, date, o);
        if (candidate.isAfter(now)) {
          firstDate = date;
          option = o;
          start = candidate;
          break;
        }
      }
    }
    if (start == null) {
      throw Refusal.PAST.of(text);
    }
    Instant until = until(firstDate);
    if (until != null && until.isBefore(start)) {
      throw Refusal.END_BEFORE_START.of(text);
    }
    List<Instant> starts = new ArrayList<>();
    int total = 0;
    boolean bounded = until != null || rule.count > 0;
    if (rule.count > MAX_DATES) {
      throw Refusal.TOO_MANY_DATES.of(text, MAX_DATES);
    }
    LocalDate date = firstDate;
    for (int days = 0; days < 40_000; days++, date = date.plusDays(1)) {
      if (!matches(firstDate, date)) {
        continue;
      }
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
    return new EventTime(start, end, recurrence(until), starts);
  }

  private Instant at(Evaluation time, LocalDate date, int option) {
    LocalDateTime local = time.localTime(date, option);
    return local.atZone(zone).toInstant();
  }

  /** Whether the rule falls on {@code date}; weekly intervals count from the first date's week. */
  private boolean matches(LocalDate first, LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return switch (rule.frequency) {
      case DAILY -> true;
      case WEEKLY -> {
        if (!rule.hasDay(day.getValue())) {
          yield false;
        }
        long weeks =
            ChronoUnit.WEEKS.between(
                first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        yield weeks % rule.interval == 0;
      }
      case MONTHLY -> {
        if (rule.monthDay > 0) {
          yield date.getDayOfMonth() == rule.monthDay;
        }
        if (!rule.hasDay(day.getValue())) {
          yield false;
        }
        yield rule.nth > 0
            ? (date.getDayOfMonth() - 1) / 7 + 1 == rule.nth
            : date.getDayOfMonth() + 7 > date.lengthOfMonth();
      }
    };
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
