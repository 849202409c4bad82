package org.networkeras.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.networkeras.time.Phrase.Meridiem;
import org.networkeras.time.Sentence.Form;

/**
 * One {@link Sentence} met with one now in one zone: the ranges and event times of {@code
 * TIME-PHRASES.md} Part 2 (spans, bounds, an event's end). Each part is resolved by an {@link
 * Evaluation}, so Part 1's rules (rolling forward, daylight saving, refusals) hold for each.
 */
final class Spans {

  /** The longest event: an end more than this after the start is refused. */
  static final int MAX_EVENT_DAYS = 14;

  private final Sentence sentence;
  private final String text;
  private final Instant now;
  private final ZoneId zone;

  Spans(Sentence sentence, String text, Instant now, ZoneId zone) {
    this.sentence = sentence;
    this.text = text;
    this.now = now;
    this.zone = zone;
  }

  private Evaluation evaluation(Phrase phrase) {
    return new Evaluation(phrase, text, now, zone);
  }

  // ---------------------------------------------------------------- ranges

  TimeRange range() {
    Phrase first = sentence.first;
    Evaluation here = evaluation(first != null ? first : new Phrase());
    LocalDate today = now.atZone(zone).toLocalDate();
    return switch (sentence.form) {
      case SINGLE -> here.range();
      case SPAN -> spanRange(here);
      case UNTIL -> {
        TimeRange until = here.range();
        yield fromNow(here, timed(first) ? until.start() : until.end());
      }
      case BEFORE -> before(here);
      case AFTER -> after(here);
      case END_OF_WEEK ->
          here.finish(now, here.dayStart(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY))));
      case END_OF_MONTH -> here.finish(now, here.dayStart(today.withDayOfMonth(1).plusMonths(1)));
      case WEEK_OF -> {
        LocalDate monday = firstDay(here).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield here.finish(here.dayStart(monday), here.dayStart(monday.plusDays(7)));
      }
      case WEEKEND_OF -> {
        LocalDate day = firstDay(here);
        LocalDate saturday =
            day.getDayOfWeek() == DayOfWeek.SUNDAY
                ? day.minusDays(1)
                : day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        yield here.finish(here.dayStart(saturday), here.dayStart(saturday.plusDays(2)));
      }
      case REPEAT -> throw Refusal.REPEAT_IN_FILTER.of(text);
    };
  }

  private TimeRange spanRange(Evaluation here) {
    if (timed(sentence.first) || timed(sentence.second)) {
      EventTime event = event();
      return here.finish(event.start(), event.end());
    }
    LocalDate from = firstDay(here);
    Phrase second = sentence.second;
    LocalDate to;
    if (second.hasWeekday() && !second.hasDate() && !second.hasRelativeDay()) {
      to = firstDay(new Evaluation(second, text, here.dayStart(from), zone));
    } else {
      to = firstDay(evaluation(second));
      if (to.isBefore(from)) {
        throw Refusal.END_BEFORE_START.of(text);
      }
    }
    return here.finish(here.dayStart(from), here.dayStart(to.plusDays(1)));
  }

  /** {@code avant 10h}: that day from 00:00 to the time; {@code avant le 15}: now to that day. */
  private TimeRange before(Evaluation here) {
    Phrase phrase = sentence.first;
    if (!timed(phrase)) {
      return fromNow(here, here.range().start());
    }
    for (LocalDate date : here.candidateDates()) {
      for (int option = 0; option < here.options(); option++) {
        Instant time = here.localTime(date, option).atZone(zone).toInstant();
        if (time.isAfter(now)) {
          return here.finish(here.dayStart(date), time);
        }
      }
    }
    throw Refusal.PAST.of(text);
  }

  /** {@code après 20h}: that day (today or the day named) from the time to 24:00. */
  private TimeRange after(Evaluation here) {
    Phrase phrase = sentence.first;
    if (!timed(phrase)) {
      throw Refusal.NEEDS_TIME.of(text);
    }
    for (LocalDate date : here.candidateDates()) {
      Instant end = here.dayStart(date.plusDays(1));
      if (end.isAfter(now)) {
        int option = here.options() - 1;
        for (int o = 0; o < here.options(); o++) {
          if (here.localTime(date, o).atZone(zone).toInstant().isBefore(end)) {
            option = o;
            break;
          }
        }
        Instant time = here.localTime(date, option).atZone(zone).toInstant();
        return here.finish(time, end);
      }
    }
    throw Refusal.PAST.of(text);
  }

  /** Now to {@code end}; refused when {@code end} is not after now ({@code until yesterday}). */
  private TimeRange fromNow(Evaluation here, Instant end) {
    if (!end.isAfter(now)) {
      throw Refusal.PAST.of(text);
    }
    return here.finish(now, end);
  }

  private static LocalDate firstDay(Evaluation evaluation) {
    return evaluation.candidateDates()[0];
  }

  private static boolean timed(Phrase phrase) {
    return phrase.hasTime() || phrase.hasMidi();
  }

  // ---------------------------------------------------------------- events

  /** The start, and the end when one is said, of a single event. */
  EventTime event() {
    Phrase first = sentence.first;
    if (sentence.form == Form.SINGLE) {
      return EventTime.single(evaluation(first).instant(), null);
    }
    if (sentence.form != Form.SPAN) {
      throw Refusal.NEEDS_TIME.of(text);
    }
    Phrase second = sentence.second;
    if (!timed(first) || !timed(second)) {
      throw Refusal.NEEDS_TIME.of(text);
    }
    Instant start = evaluation(first).instant();
    return EventTime.single(start, end(start));
  }

  /**
   * The end of the event that starts at {@code start}: with a day, the first such moment after the
   * start; a time alone, its first occurrence after the start (on the start's day, else the next).
   */
  Instant end(Instant start) {
    Phrase first = sentence.first;
    Phrase second = sentence.second;
    Evaluation after = new Evaluation(second, text, start, zone);
    Instant end;
    if (second.hasWeekday() || second.hasDate() || second.hasRelativeDay() || second.hasOffset()) {
      if (second.hasRelativeDay() || second.hasOffset()) {
        end = evaluation(second).instant();
      } else {
        end = after.instant();
      }
      if (!end.isAfter(start)) {
        throw Refusal.END_BEFORE_START.of(text);
      }
    } else {
      LocalDate day = start.atZone(zone).toLocalDate();
      end = null;
      for (int days = 0; days < 2 && end == null; days++) {
        for (int option = 0; option < after.options(); option++) {
          LocalDateTime local = after.localTime(day.plusDays(days), option);
          Instant candidate = local.atZone(zone).toInstant();
          if (candidate.isAfter(start)) {
            end = candidate;
            break;
          }
        }
      }
    }
    if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_EVENT_DAYS)) > 0) {
      throw Refusal.EVENT_TOO_LONG.of(text, MAX_EVENT_DAYS);
    }
    return end;
  }

  /**
   * {@code 7-10pm}: the am/pm of the end applies to a start written without one when that puts the
   * start before the end ({@code 11-1pm} is 11:00–13:00). Changes the start phrase.
   */
  static void shareMeridiem(Phrase start, Phrase end) {
    if (end == null
        || !(end.meridiem == Meridiem.AM || end.meridiem == Meridiem.PM)
        || !start.hasTime()
        || start.midnight
        || start.part != null
        || !(start.meridiem == Meridiem.EITHER || start.meridiem == Meridiem.H24)
        || start.hour < 1
        || start.hour > 12) {
      return;
    }
    int same = start.hour % 12 + (end.meridiem == Meridiem.PM ? 12 : 0);
    int other = start.hour % 12 + (end.meridiem == Meridiem.PM ? 0 : 12);
    boolean before = same * 60 + start.minute < end.hour * 60 + end.minute;
    start.hour = before ? same : other;
    start.meridiem = Meridiem.H24;
  }
}
