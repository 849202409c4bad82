package org.networkeras.time;

/**
 * A phrase as understood, before it meets a clock: which slots the words filled. The parser fills
 * it, then only {@link Evaluation} reads it. Each {@code *At} field is the index of the lexeme that
 * filled the slot ({@code -1}: empty), so a refusal can name the part that does not fit.
 */
final class Phrase {

  /** How a weekday, a week or another period relates to now. */
  enum Relation {
    /** No word: the next occurrence, today included ({@code samedi}, {@code this saturday}). */
    UPCOMING,
    /** {@code this}, {@code ce}: the current one. */
    THIS,
    /** English {@code next}: in next week (weekdays), or the following period. */
    NEXT,
    /** French {@code prochain}: the first strictly after today (weekdays) or after now. */
    PROCHAIN,
    /** {@code last}, {@code dernier}: the previous one. */
    LAST
  }

  /** A period that is a whole week, weekend, month or year. */
  enum Period {
    WEEK,
    WEEKEND,
    MONTH,
    YEAR,
    /** A named month ({@code mars}, {@code in March}). */
    MONTH_NAME
  }

  /** What a relative offset means. */
  enum Offset {
    /** {@code in 3 days}, {@code dans 2 heures}, {@code 3 days from now}. */
    IN,
    /** {@code 3 days ago}, {@code il y a 2 heures}. */
    AGO,
    /** {@code within 2 weeks}, {@code d'ici 2 semaines}: from now. */
    WITHIN,
    /** {@code the next 3 days}, {@code les 3 prochains jours}: whole days after today. */
    NEXT_N,
    /** {@code the last 3 days}, {@code les 3 derniers jours}: whole days before today. */
    LAST_N
  }

  /** How an hour was written. */
  enum Meridiem {
    /**
     * 24-hour clock ({@code 19h}, {@code 08:15}); an hour below 12 may still be read pm in an
     * evening.
     */
    H24,
    AM,
    PM,
    /** An English hour with no am/pm ({@code at 7}): 07:00 or 19:00, whichever comes first. */
    EITHER
  }

  /** A word that pins the phrase to now or before (today, this, yesterday, last, ago, a year). */
  boolean pastWord;

  /** A day relative to today (tomorrow = 1). */
  int relativeDay;

  int relativeDayAt = -1;

  /** {@code this morning}, {@code ce soir}: the part of today (or of last night). */
  int thisPartAt = -1;

  /** 1 (Monday) to 7. */
  int weekday;

  Relation weekdayRelation = Relation.UPCOMING;

  /** Days added by {@code en huit} (7) or {@code en quinze} (14). */
  int weekdayExtraDays;

  int weekdayAt = -1;

  /** A date: day of month, month (0: the next month that has that day), year (0: none). */
  int day;

  int month;

  int year;

  int dateAt = -1;

  /** Where the date was typed, for messages. */
  int dateStart;

  int dateEnd;

  Part part;

  int partAt = -1;

  /** {@code midi} with no {@code à}: lunch time in a range, 12:00 for an event start. */
  int midiAt = -1;

  int hour;

  int minute;

  Meridiem meridiem = Meridiem.H24;

  /** {@code minuit}, {@code midnight}: 00:00 at the end of the day. */
  boolean midnight;

  int timeAt = -1;

  int timeStart;

  int timeEnd;

  Period period;

  Relation periodRelation = Relation.UPCOMING;

  /** The month of a {@link Period#MONTH_NAME}, 1–12; its year, or 0. */
  int periodMonth;

  int periodYear;

  int periodAt = -1;

  Offset offset;

  /** A sub-day offset, in minutes; or a calendar offset of {@link #offsetCount} units. */
  long offsetMinutes;

  int offsetCount;

  Unit offsetUnit;

  int offsetAt = -1;

  boolean hasTime() {
    return timeAt >= 0;
  }

  boolean hasDate() {
    return dateAt >= 0;
  }

  boolean hasWeekday() {
    return weekdayAt >= 0;
  }

  boolean hasRelativeDay() {
    return relativeDayAt >= 0;
  }

  boolean hasPart() {
    return partAt >= 0;
  }

  boolean hasMidi() {
    return midiAt >= 0;
  }

  boolean hasPeriod() {
    return periodAt >= 0;
  }

  boolean hasOffset() {
    return offsetAt >= 0;
  }

  /** Whether the offset counts calendar days or longer (as opposed to hours and minutes). */
  boolean calendarOffset() {
    return offsetUnit != null && offsetUnit.calendar();
  }
}
