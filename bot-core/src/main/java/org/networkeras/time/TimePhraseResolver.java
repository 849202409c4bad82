package org.networkeras.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import org.networkeras.command.CommandException;
import org.networkeras.time.ParsedPhrase.OffsetKind;

/**
 * Resolves English and French time phrases ({@code ce soir}, {@code this weekend}, {@code jeudi
 * 19h30}, {@code in 3 days}, {@code 12/03}) against now, read from the injected {@link Clock}, in a
 * community's zone, following {@code TIME-PHRASES.md}. Both languages are understood in every
 * community; accents, case, extra spaces, punctuation and common short forms ({@code ajd}, {@code
 * aprem}, {@code tmrw}, {@code sam.}) are tolerated.
 *
 * <p>Choices beyond TIME-PHRASES.md:
 *
 * <ul>
 *   <li>A clock time used as a range ({@code 19h}, {@code demain 7pm}, {@code in 2 hours}) names
 *       the hour that starts then, {@code [t, t + 1 h)}: a filter for events starting about then,
 *       not the rest of the day. Like every range, it is clipped to now.
 *   <li>{@code midi} alone is the lunch period as a range and 12:00 as an instant; {@code à midi}
 *       is always 12:00.
 *   <li>An English hour without am/pm ({@code at 7}) or {@code 7 o'clock} is the first of 07:00 and
 *       19:00 that is still ahead; a part of the day picks between them. A time written with a
 *       colon ({@code 7:30}) is 24-hour.
 *   <li>A part of the day moves a 24-hour time by 12 h when that makes it fit ({@code ce soir 8h}
 *       is 20:00, {@code demain après-midi 3h} 15:00); a time that cannot fit is refused.
 *   <li>A named day ({@code today}, {@code ce matin}, a date) is not rolled forward: its range may
 *       lie in the past (see {@link #pointsToPast}), its instant is refused when past.
 *   <li>{@code <weekday> <n>} ({@code vendredi 13}) is the next day {@code n} of a month on or
 *       after today, refused if it is not that weekday. A weekday given with a full date must be
 *       that date's weekday, whatever its modifier.
 *   <li>Offsets are bounded (366 days of hours, ten years of days or months); a named month alone
 *       ({@code mars}, {@code May 2027}) is that whole month, clipped.
 * </ul>
 *
 * <p>Every failure is a {@link CommandException} with a key of {@code time_messages_*.properties};
 * nothing else is thrown for any phrase. Thread-safe; parsing is linear in the phrase, which is
 * refused beyond {@value #MAX_LENGTH} characters.
 */
public final class TimePhraseResolver {

  /** The longest phrase read; longer ones are refused before any parsing. */
  public static final int MAX_LENGTH = 2000;

  private static final LocalTime END_OF_NIGHT = LocalTime.of(6, 0);

  private final Clock clock;

  public TimePhraseResolver(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The range a phrase names (for filters), clipped to now: a period containing now starts at now;
   * a phrase without a named day rolls forward to its first occurrence not over.
   *
   * @param zone the community's zone; not null
   * @throws CommandException when the phrase is null, blank, too long, not understood or invalid
   */
  public TimeRange range(String phrase, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    ParsedPhrase parsed = parse(phrase);
    ZonedDateTime now = clock.instant().atZone(zone);
    try {
      return range(parsed, now);
    } catch (DateTimeException | ArithmeticException e) {
      throw Refusals.of(Refusals.INVALID_DATE, parsed.phrase, parsed.phrase);
    }
  }

  /**
   * The instant a phrase names (for an event start), strictly after now.
   *
   * @param zone the community's zone; not null
   * @throws CommandException also when the instant is past, or when the phrase names a day or a
   *     period without a time of day
   */
  public Instant instant(String phrase, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    ParsedPhrase parsed = parse(phrase);
    ZonedDateTime now = clock.instant().atZone(zone);
    try {
      return instant(parsed, now);
    } catch (DateTimeException | ArithmeticException e) {
      throw Refusals.of(Refusals.INVALID_DATE, parsed.phrase, parsed.phrase);
    }
  }

  /**
   * Whether the phrase names its day itself, or with a word that points back ({@code yesterday},
   * {@code hier}, {@code last}, {@code dernier}, {@code today}, {@code ce matin}, {@code cette
   * nuit}, a date, a month with its year), so that {@link #range} may return a period wholly before
   * now instead of rolling forward. When false, a range always ends after now and starts at or
   * after now.
   *
   * @throws CommandException as {@link #range} does for a phrase it cannot read
   */
  public boolean pointsToPast(String phrase) {
    return parse(phrase).pointsToPast;
  }

  private static ParsedPhrase parse(String phrase) {
    if (phrase == null) {
      throw Refusals.blank();
    }
    if (phrase.length() > MAX_LENGTH) {
      throw Refusals.tooLong(MAX_LENGTH);
    }
    if (phrase.isBlank()) {
      throw Refusals.blank();
    }
    return PhraseParser.parse(phrase);
  }

  // ---------------------------------------------------------------- ranges

  private static TimeRange range(ParsedPhrase p, ZonedDateTime now) {
    ZoneId zone = now.getZone();
    LocalDate today = now.toLocalDate();
    Instant at = now.toInstant();
    if (p.offsetKind != null) {
      if (p.unit == Lexicon.Unit.MINUTE || p.unit == Lexicon.Unit.HOUR) {
        Instant then = at.plus(duration(p));
        return p.offsetKind == OffsetKind.IN
            ? new TimeRange(then, then.plus(Duration.ofHours(1)))
            : new TimeRange(at, then);
      }
      if (p.offsetKind == OffsetKind.WITHIN) {
        return new TimeRange(at, startOf(plus(today, p), zone));
      }
      if (p.offsetKind == OffsetKind.NEXT) {
        LocalDate tomorrow = today.plusDays(1);
        return new TimeRange(startOf(tomorrow, zone), startOf(plus(tomorrow, p), zone));
      }
      return clip(p, rangeOn(p, plus(today, p), now, false), at);
    }
    if (p.period != null) {
      return clip(p, period(p, now), at);
    }
    LocalDate first = firstDay(p, now);
    int step = step(p);
    for (int attempt = 0; attempt < 3; attempt++) {
      LocalDate day = first.plusDays((long) attempt * step);
      TimeRange range = rangeOn(p, day, now, step != 0);
      if (range != null && (step == 0 || range.end().isAfter(at))) {
        return clip(p, range, at);
      }
    }
    throw Refusals.of(Refusals.PAST, p.phrase); // unreachable: three steps always reach the future
  }

  /**
   * The range on one day: the clock time's hour, else the part of the day, else the whole day.
   * Among several readings of a time, the first whose hour is not over; when {@code rolling} and
   * none is left, null (try a later day).
   */
  private static TimeRange rangeOn(
      ParsedPhrase p, LocalDate day, ZonedDateTime now, boolean rolling) {
    ZoneId zone = now.getZone();
    if (p.hasTime() && !p.midiSoft) {
      Instant chosen = null;
      for (int minutes : p.times) {
        chosen = at(day, minutes, zone);
        if (chosen.plus(Duration.ofHours(1)).isAfter(now.toInstant())) {
          return new TimeRange(chosen, chosen.plus(Duration.ofHours(1)));
        }
      }
      return rolling ? null : new TimeRange(chosen, chosen.plus(Duration.ofHours(1)));
    }
    Part part = p.midiSoft && p.part == null ? Part.LUNCH : p.part;
    if (part != null) {
      return new TimeRange(at(day, part.startMinute, zone), at(day, part.endMinute, zone));
    }
    return new TimeRange(startOf(day, zone), startOf(day.plusDays(1), zone));
  }

  private static TimeRange period(ParsedPhrase p, ZonedDateTime now) {
    ZoneId zone = now.getZone();
    LocalDate today = now.toLocalDate();
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate firstOfMonth = today.withDayOfMonth(1);
    return switch (p.period) {
      case WEEK_THIS -> days(monday, 7, zone);
      case WEEK_NEXT -> days(monday.plusWeeks(1), 7, zone);
      case WEEK_LAST -> days(monday.minusWeeks(1), 7, zone);
      case WEEKEND_THIS -> days(monday.plusDays(5), 2, zone);
      case WEEKEND_NEXT_WEEK -> days(monday.plusDays(12), 2, zone);
      case WEEKEND_FIRST_AFTER -> {
        LocalDate saturday = monday.plusDays(5);
        yield startOf(saturday, zone).isAfter(now.toInstant())
            ? days(saturday, 2, zone)
            : days(saturday.plusWeeks(1), 2, zone);
      }
      case MONTH_THIS -> month(firstOfMonth, zone);
      case MONTH_NEXT -> month(firstOfMonth.plusMonths(1), zone);
      case MONTH_LAST -> month(firstOfMonth.minusMonths(1), zone);
      case MONTH_NAMED -> {
        int year = p.namedYear;
        if (year == 0) {
          year = p.namedMonth < today.getMonthValue() ? today.getYear() + 1 : today.getYear();
        }
        yield month(LocalDate.of(year, p.namedMonth, 1), zone);
      }
    };
  }

  private static TimeRange days(LocalDate first, int count, ZoneId zone) {
    return new TimeRange(startOf(first, zone), startOf(first.plusDays(count), zone));
  }

  private static TimeRange month(LocalDate first, ZoneId zone) {
    return new TimeRange(startOf(first, zone), startOf(first.plusMonths(1), zone));
  }

  /** A range containing now starts at now; one wholly past is kept only for a past word. */
  private static TimeRange clip(ParsedPhrase p, TimeRange range, Instant now) {
    if (!range.end().isAfter(now)) {
      if (p.pointsToPast) {
        return range;
      }
      throw Refusals.of(Refusals.PAST, p.phrase);
    }
    return range.start().isBefore(now) ? new TimeRange(now, range.end()) : range;
  }

  // ---------------------------------------------------------------- instants

  private static Instant instant(ParsedPhrase p, ZonedDateTime now) {
    Instant at = now.toInstant();
    if (p.period != null || (p.offsetKind != null && p.offsetKind != OffsetKind.IN)) {
      throw Refusals.of(Refusals.NOT_A_MOMENT, p.phrase);
    }
    if (p.offsetKind != null) {
      Instant then;
      if (p.unit == Lexicon.Unit.MINUTE || p.unit == Lexicon.Unit.HOUR) {
        then = at.plus(duration(p));
      } else if (p.hasTime()) {
        then = firstAfter(p, plus(now.toLocalDate(), p), now);
      } else if (p.part != null) {
        throw Refusals.of(Refusals.NEEDS_TIME, p.phrase);
      } else {
        then = plus(now, p).toInstant();
      }
      if (then == null || !then.isAfter(at)) {
        throw Refusals.of(Refusals.PAST, p.phrase);
      }
      return then;
    }
    LocalDate first = firstDay(p, now); // refuses impossible dates before asking for a time
    if (!p.hasTime()) {
      throw Refusals.of(Refusals.NEEDS_TIME, p.phrase);
    }
    int step = step(p);
    for (int attempt = 0; attempt < 3; attempt++) {
      Instant then = firstAfter(p, first.plusDays((long) attempt * step), now);
      if (then != null) {
        return then;
      }
      if (step == 0) {
        break;
      }
    }
    throw Refusals.of(Refusals.PAST, p.phrase);
  }

  /** The first reading of the clock time on {@code day} strictly after now, or null. */
  private static Instant firstAfter(ParsedPhrase p, LocalDate day, ZonedDateTime now) {
    for (int minutes : p.times) {
      Instant then = at(day, minutes, now.getZone());
      if (then.isAfter(now.toInstant())) {
        return then;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- days

  /** The day a phrase names, or the first day to try when it rolls forward. */
  private static LocalDate firstDay(ParsedPhrase p, ZonedDateTime now) {
    LocalDate today = now.toLocalDate();
    if (p.thisNight) {
      return now.toLocalTime().isBefore(END_OF_NIGHT) ? today.minusDays(1) : today;
    }
    if (p.dayWord != null) {
      return today.plusDays(p.dayWord.offset);
    }
    if (p.dateDay != 0) {
      return date(p, today);
    }
    if (p.weekday != 0) {
      DayOfWeek day = DayOfWeek.of(p.weekday);
      LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      return switch (p.weekdayMode) {
        case NEAREST -> today.with(TemporalAdjusters.nextOrSame(day));
        case NEXT_WEEK -> monday.plusWeeks(1).plusDays(p.weekday - 1L);
        case PROCHAIN -> today.with(TemporalAdjusters.next(day));
        case EN_HUIT -> today.with(TemporalAdjusters.next(day)).plusWeeks(1);
        case LAST -> today.with(TemporalAdjusters.previous(day));
        case THIS_WEEK -> monday.plusDays(p.weekday - 1L);
      };
    }
    // a part of the day or a time alone: from the night still running, else from today
    return p.part == Part.NIGHT ? today.minusDays(1) : today;
  }

  /** Days to add to roll forward: 7 for a bare weekday, 1 for no day at all, 0 for a named day. */
  private static int step(ParsedPhrase p) {
    if (p.thisNight || p.dayWord != null || p.dateDay != 0) {
      return 0;
    }
    if (p.weekday != 0) {
      return p.weekdayMode == ParsedPhrase.WeekdayMode.NEAREST ? 7 : 0;
    }
    return 1;
  }

  /**
   * The date a phrase names: with a year, as is; without, its next occurrence on or after today
   * within twelve months; a day of the month alone, its next occurrence. A weekday named with it
   * must match.
   */
  private static LocalDate date(ParsedPhrase p, LocalDate today) {
    LocalDate date = null;
    if (p.dateMonth == 0) {
      LocalDate month = today.withDayOfMonth(1);
      for (int i = 0; i < 3 && date == null; i++, month = month.plusMonths(1)) {
        if (p.dateDay <= month.lengthOfMonth()) {
          LocalDate candidate = month.withDayOfMonth(p.dateDay);
          date = candidate.isBefore(today) ? null : candidate;
        }
      }
    } else if (p.dateYear != 0) {
      date = LocalDate.of(p.dateYear, p.dateMonth, p.dateDay);
    } else {
      LocalDate limit = today.plusYears(1);
      for (int year = today.getYear(); year <= today.getYear() + 1 && date == null; year++) {
        if (p.dateDay <= YearMonth.of(year, p.dateMonth).lengthOfMonth()) {
          LocalDate candidate = LocalDate.of(year, p.dateMonth, p.dateDay);
          date = candidate.isBefore(today) || candidate.isAfter(limit) ? null : candidate;
        }
      }
    }
    if (date == null) {
      throw Refusals.of(Refusals.NO_SUCH_DATE, p.phrase, p.text(p.dateFrom, p.dateTo));
    }
    if (p.weekday != 0 && date.getDayOfWeek().getValue() != p.weekday) {
      throw Refusals.of(
          Refusals.WEEKDAY_MISMATCH,
          p.phrase,
          p.text(p.weekdayFrom, p.weekdayTo),
          p.text(p.dateFrom, p.dateTo));
    }
    return date;
  }

  // ---------------------------------------------------------------- arithmetic

  /**
   * Minutes after the start of {@code day} on the wall clock; gaps move forward, overlaps early.
   */
  private static Instant at(LocalDate day, int minutes, ZoneId zone) {
    return day.atStartOfDay().plusMinutes(minutes).atZone(zone).toInstant();
  }

  private static Instant startOf(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant();
  }

  private static Duration duration(ParsedPhrase p) {
    return p.unit == Lexicon.Unit.HOUR ? Duration.ofHours(p.amount) : Duration.ofMinutes(p.amount);
  }

  private static LocalDate plus(LocalDate day, ParsedPhrase p) {
    return switch (p.unit) {
      case WEEK -> day.plusWeeks(p.amount);
      case MONTH -> day.plusMonths(p.amount);
      default -> day.plusDays(p.amount);
    };
  }

  private static ZonedDateTime plus(ZonedDateTime now, ParsedPhrase p) {
    return switch (p.unit) {
      case WEEK -> now.plusWeeks(p.amount);
      case MONTH -> now.plusMonths(p.amount);
      default -> now.plusDays(p.amount);
    };
  }
}
