package org.networkeras.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.networkeras.time.Phrase.Meridiem;
import org.networkeras.time.Phrase.Offset;
import org.networkeras.time.Phrase.Period;
import org.networkeras.time.Phrase.Relation;

/**
 * One {@link Phrase} met with one now in one zone: the calendar rules of TIME-PHRASES.md. Local
 * times go through {@link LocalDateTime#atZone}, so a time in the spring gap moves forward by the
 * gap and a time in the autumn overlap takes the earlier offset; days start with {@link
 * LocalDate#atStartOfDay(ZoneId)} and may last 23 or 25 hours.
 */
final class Evaluation {

  private static final Duration TIME_WINDOW = Duration.ofHours(1);

  private static final long MAX_DISTANCE_SECONDS = Refusal.MAX_YEARS * 366L * 24 * 3600;

  private final Phrase p;
  private final String text;
  private final ZoneId zone;
  private final ZonedDateTime now;
  private final Instant nowInstant;
  private final LocalDate today;

  Evaluation(Phrase phrase, String text, Instant now, ZoneId zone) {
    this.p = phrase;
    this.text = text;
    this.zone = zone;
    this.nowInstant = now;
    this.now = now.atZone(zone);
    this.today = this.now.toLocalDate();
  }

  // ---------------------------------------------------------------- ranges

  TimeRange range() {
    if (p.hasOffset()) {
      return offsetRange();
    }
    if (p.hasPeriod() && !weekdayInWeek()) {
      return periodRange();
    }
    LocalDate[] dates = candidateDates();
    Instant[] last = null;
    for (LocalDate date : dates) {
      for (int option = 0; option < options(); option++) {
        Instant[] window = window(date, option, false);
        if (window[1].isAfter(nowInstant)) {
          return finish(window[0], window[1]);
        }
        last = window;
      }
    }
    return finish(last[0], last[1]);
  }

  private TimeRange offsetRange() {
    Instant start;
    Instant end;
    if (p.calendarOffset()) {
      LocalDate target = today.plus(p.offsetCount, p.offsetUnit.chrono());
      LocalDate back = today.minus(p.offsetCount, p.offsetUnit.chrono());
      switch (p.offset) {
        case IN, AGO -> {
          LocalDate date = p.offset == Offset.IN ? target : back;
          guard(dayStart(date));
          if (p.hasTime() || p.hasPart() || p.hasMidi()) {
            Instant[] window = window(date, firstOptionNotOver(date), false);
            return finish(window[0], window[1]);
          }
          start = dayStart(date);
          end = dayStart(date.plusDays(1));
        }
        case WITHIN -> {
          start = nowInstant;
          end = dayStart(target);
        }
        case NEXT_N -> {
          start = dayStart(today.plusDays(1));
          end = dayStart(target.plusDays(1));
        }
        default -> {
          start = dayStart(back);
          end = dayStart(today);
        }
      }
    } else {
      Duration length = Duration.ofMinutes(p.offsetMinutes);
      switch (p.offset) {
        case IN, AGO -> {
          start = p.offset == Offset.IN ? nowInstant.plus(length) : nowInstant.minus(length);
          end = start.plus(TIME_WINDOW);
        }
        case WITHIN, NEXT_N -> {
          start = nowInstant;
          end = nowInstant.plus(length);
        }
        default -> {
          start = nowInstant.minus(length);
          end = nowInstant;
        }
      }
    }
    return finish(start, end);
  }

  private int firstOptionNotOver(LocalDate date) {
    for (int option = 0; option < options(); option++) {
      if (window(date, option, false)[1].isAfter(nowInstant)) {
        return option;
      }
    }
    return options() - 1;
  }

  private TimeRange periodRange() {
    LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate monthStart = today.withDayOfMonth(1);
    LocalDate yearStart = today.withDayOfYear(1);
    Relation relation = p.periodRelation;
    LocalDate from;
    LocalDate to;
    switch (p.period) {
      case WEEK -> {
        from = shift(weekStart, relation, 7);
        to = from.plusDays(7);
      }
      case WEEKEND -> {
        LocalDate saturday = weekStart.plusDays(5);
        from =
            switch (relation) {
              case NEXT -> saturday.plusDays(7);
              case LAST -> saturday.minusDays(7);
              case PROCHAIN ->
                  dayStart(saturday).isAfter(nowInstant) ? saturday : saturday.plusDays(7);
              default -> saturday;
            };
        to = from.plusDays(2);
      }
      case MONTH -> {
        from = relation == Relation.LAST ? monthStart.minusMonths(1) : shiftMonths(monthStart);
        to = from.plusMonths(1);
      }
      case YEAR -> {
        from =
            relation == Relation.LAST
                ? yearStart.minusYears(1)
                : relation == Relation.NEXT || relation == Relation.PROCHAIN
                    ? yearStart.plusYears(1)
                    : yearStart;
        to = from.plusYears(1);
      }
      default -> {
        from = namedMonth();
        to = from.plusMonths(1);
      }
    }
    return finish(dayStart(from), dayStart(to));
  }

  private static LocalDate shift(LocalDate start, Relation relation, int days) {
    return switch (relation) {
      case NEXT, PROCHAIN -> start.plusDays(days);
      case LAST -> start.minusDays(days);
      default -> start;
    };
  }

  private LocalDate shiftMonths(LocalDate monthStart) {
    return p.periodRelation == Relation.NEXT || p.periodRelation == Relation.PROCHAIN
        ? monthStart.plusMonths(1)
        : monthStart;
  }

  /** The first day of a named month: with its year, or the one the relation points to. */
  private LocalDate namedMonth() {
    int month = p.periodMonth;
    int current = today.getMonthValue();
    int year = today.getYear();
    if (p.periodYear > 0) {
      year = p.periodYear;
    } else {
      switch (p.periodRelation) {
        case NEXT, PROCHAIN -> year += month > current ? 0 : 1;
        case LAST -> year -= month < current ? 0 : 1;
        case THIS -> {
          // this year's
        }
        default -> year += month >= current ? 0 : 1;
      }
    }
    return LocalDate.of(year, month, 1);
  }

  /**
   * The range {@code [start, end)}, started at now when now falls inside it. A range wholly over is
   * given only when a word of the phrase points to the past; otherwise it is refused.
   */
  TimeRange finish(Instant start, Instant end) {
    guard(start);
    guard(end);
    if (!end.isAfter(nowInstant)) {
      if (!p.pastWord) {
        throw Refusal.PAST.of(text);
      }
      return new TimeRange(start, end);
    }
    return new TimeRange(start.isBefore(nowInstant) ? nowInstant : start, end);
  }

  // ---------------------------------------------------------------- instants

  Instant instant() {
    if (p.hasOffset()) {
      return offsetInstant();
    }
    if (p.hasPeriod() && !weekdayInWeek()) {
      throw Refusal.NEEDS_TIME.of(text);
    }
    if (!p.hasTime() && !p.hasMidi()) {
      throw Refusal.NEEDS_TIME.of(text);
    }
    return firstFuture(candidateDates());
  }

  private Instant offsetInstant() {
    if (p.offset == Offset.AGO || p.offset == Offset.LAST_N) {
      throw Refusal.PAST.of(text);
    }
    if (p.offset != Offset.IN) {
      throw Refusal.NEEDS_TIME.of(text);
    }
    if (!p.calendarOffset()) {
      return guard(nowInstant.plus(Duration.ofMinutes(p.offsetMinutes)));
    }
    LocalDate date = today.plus(p.offsetCount, p.offsetUnit.chrono());
    guard(dayStart(date));
    if (p.hasTime() || p.hasMidi()) {
      return firstFuture(new LocalDate[] {date});
    }
    if (p.hasPart()) {
      throw Refusal.NEEDS_TIME.of(text);
    }
    LocalDateTime later = now.toLocalDateTime().plus(p.offsetCount, p.offsetUnit.chrono());
    return guard(later.atZone(zone).toInstant());
  }

  private Instant firstFuture(LocalDate[] dates) {
    for (LocalDate date : dates) {
      for (int option = 0; option < options(); option++) {
        Instant start = window(date, option, true)[0];
        if (start.isAfter(nowInstant)) {
          return guard(start);
        }
      }
    }
    throw Refusal.PAST.of(text);
  }

  // ---------------------------------------------------------------- days

  private boolean weekdayInWeek() {
    return p.hasPeriod() && p.period == Period.WEEK && p.hasWeekday();
  }

  /**
   * The days the phrase may name, in order: one for a fixed day ({@code demain}, {@code vendredi
   * prochain}, {@code 12 mars}), more when it rolls forward to the first occurrence that is not
   * over ({@code samedi}, {@code breakfast}, {@code 19h}).
   */
  LocalDate[] candidateDates() {
    if (p.hasOffset()) {
      LocalDate date =
          p.offset == Offset.IN
              ? today.plus(p.offsetCount, p.offsetUnit.chrono())
              : today.minus(p.offsetCount, p.offsetUnit.chrono());
      return new LocalDate[] {date};
    }
    if (weekdayInWeek()) {
      LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      return new LocalDate[] {shift(weekStart, p.periodRelation, 7).plusDays(p.weekday - 1L)};
    }
    if (p.hasDate()) {
      LocalDate date = p.month == 0 ? nextDayOfMonth() : nextDate();
      if (p.hasWeekday()) {
        checkWeekday(date);
      }
      return new LocalDate[] {date};
    }
    if (p.hasRelativeDay()) {
      LocalDate date = today.plusDays(p.relativeDay);
      if (p.hasWeekday()) {
        checkWeekday(date);
      }
      return new LocalDate[] {date};
    }
    if (p.hasWeekday()) {
      return weekdayDates();
    }
    boolean night = p.part == Part.NIGHT;
    if (p.thisPartAt >= 0) {
      return night ? new LocalDate[] {today.minusDays(1), today} : new LocalDate[] {today};
    }
    return night
        ? new LocalDate[] {today.minusDays(1), today, today.plusDays(1)}
        : new LocalDate[] {today, today.plusDays(1)};
  }

  private LocalDate[] weekdayDates() {
    int todayValue = today.getDayOfWeek().getValue();
    int ahead = Math.floorMod(p.weekday - todayValue, 7);
    return switch (p.weekdayRelation) {
      case NEXT -> {
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield new LocalDate[] {weekStart.plusDays(7 + p.weekday - 1L)};
      }
      case PROCHAIN ->
          new LocalDate[] {today.plusDays((ahead == 0 ? 7 : ahead) + (long) p.weekdayExtraDays)};
      case LAST -> {
        int behind = Math.floorMod(todayValue - p.weekday, 7);
        yield new LocalDate[] {today.minusDays(behind == 0 ? 7 : behind)};
      }
      default -> new LocalDate[] {today.plusDays(ahead), today.plusDays(ahead + 7L)};
    };
  }

  /**
   * The date: with its year, or the next occurrence on or after today. It does not roll on to a
   * later year when its time is over today ({@code 12 mars 9h} said on 12 March at 11:00 is over,
   * not next year's). The 29th of February must fall within the next 12 months.
   */
  private LocalDate nextDate() {
    if (p.year > 0) {
      return LocalDate.of(p.year, p.month, p.day);
    }
    LocalDate limit = today.plusMonths(12);
    for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
      if (p.day <= LocalDate.of(year, p.month, 1).lengthOfMonth()) {
        LocalDate date = LocalDate.of(year, p.month, p.day);
        if (!date.isBefore(today) && !date.isAfter(limit)) {
          return date;
        }
      }
    }
    throw Refusal.INVALID_DATE.of(text, text.substring(p.dateStart, p.dateEnd));
  }

  /**
   * A day of the month alone ({@code le 12}): this month's if not before today, else the next month
   * that has it.
   */
  private LocalDate nextDayOfMonth() {
    LocalDate month = today.withDayOfMonth(1);
    while (true) {
      if (p.day <= month.lengthOfMonth() && !month.withDayOfMonth(p.day).isBefore(today)) {
        return month.withDayOfMonth(p.day);
      }
      month = month.plusMonths(1);
    }
  }

  private void checkWeekday(LocalDate date) {
    int actual = date.getDayOfWeek().getValue();
    if (actual != p.weekday) {
      throw Refusal.WEEKDAY_MISMATCH.of(text, actual);
    }
  }

  // ---------------------------------------------------------------- windows

  /** How many readings the time has: two for an English hour without am/pm, else one. */
  int options() {
    return p.hasTime() && p.meridiem == Meridiem.EITHER && p.part == null && p.hour != 12 ? 2 : 1;
  }

  /**
   * The window that {@code date} gives: {@code [time, time + 1 h)}, the part of the day, or the
   * whole day. {@code instant} reads a bare {@code midi} as 12:00 rather than lunch time.
   */
  private Instant[] window(LocalDate date, int option, boolean instant) {
    if (p.hasTime() || (p.hasMidi() && instant)) {
      LocalDateTime local = localTime(date, option);
      Instant start = local.atZone(zone).toInstant();
      return new Instant[] {start, start.plus(TIME_WINDOW)};
    }
    Part part = p.hasMidi() ? Part.LUNCH : p.part;
    if (part != null) {
      Instant start = at(date, part.startHour());
      Instant end = at(date.plusDays(part.endHour() / 24), part.endHour() % 24);
      return new Instant[] {start, end};
    }
    return new Instant[] {dayStart(date), dayStart(date.plusDays(1))};
  }

  /**
   * The local date-time of the phrase's time on {@code date}: the part of the day decides am or pm
   * ({@code ce soir 8h} is 20:00), the night runs into the next day, midnight ends the day.
   */
  LocalDateTime localTime(LocalDate date, int option) {
    if (!p.hasTime()) {
      return date.atTime(12, 0); // midi as an event start
    }
    if (p.midnight) {
      return date.plusDays(1).atTime(0, p.minute);
    }
    int hour = p.hour;
    int days = 0;
    boolean either = p.meridiem == Meridiem.EITHER;
    boolean clock24 = p.meridiem == Meridiem.H24;
    Part part = p.part;
    if (part == null) {
      if (either && hour < 12) {
        hour += option * 12;
      }
    } else if (part.afterNoon()) {
      if ((either || clock24) && hour < 12) {
        hour += 12;
      }
    } else if (part == Part.LUNCH) {
      if ((either || clock24) && hour < 6) {
        hour += 12;
      }
    } else if (part == Part.NIGHT) {
      if (either && hour >= 10 && hour < 12) {
        hour += 12;
      } else if (either && hour == 12) {
        hour = 0;
      }
      if (hour < 12) {
        days = 1;
      }
    }
    return date.plusDays(days).atTime(hour, p.minute);
  }

  private Instant at(LocalDate date, int hour) {
    return date.atTime(hour, 0).atZone(zone).toInstant();
  }

  Instant dayStart(LocalDate date) {
    return date.atStartOfDay(zone).toInstant();
  }

  /** Refuses an instant more than {@link Refusal#MAX_YEARS} years away from now. */
  Instant guard(Instant instant) {
    long seconds = Math.abs(instant.getEpochSecond() - nowInstant.getEpochSecond());
    if (seconds > MAX_DISTANCE_SECONDS) {
      throw Refusal.TOO_FAR.of(text, Refusal.MAX_YEARS);
    }
    return instant;
  }
}
