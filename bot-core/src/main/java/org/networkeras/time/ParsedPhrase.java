package org.networkeras.time;

/**
 * What a phrase says, independent of now and of the zone: which day (a word, a weekday, a date),
 * which period, which part of the day, which clock times, which relative offset. Filled by {@link
 * PhraseParser}; read by {@link TimePhraseResolver}. Spans ({@code *From}, {@code *To}) point into
 * the phrase as typed, to quote a part back in a refusal.
 */
final class ParsedPhrase {

  /** How a weekday is to be found. */
  enum WeekdayMode {
    /** Bare, {@code this}, {@code ce}: the next occurrence, today included. */
    NEAREST,
    /** EN {@code next}, FR {@code de la semaine prochaine}: in next Monday–Sunday week. */
    NEXT_WEEK,
    /** FR {@code prochain}: the first strictly after today. */
    PROCHAIN,
    /** FR {@code en huit}: {@code prochain} plus seven days. */
    EN_HUIT,
    /** EN {@code last}, FR {@code dernier}: the last one strictly before today. */
    LAST,
    /** {@code de cette semaine}, {@code this week}: in the current Monday–Sunday week. */
    THIS_WEEK
  }

  /** Periods longer than a day. */
  enum Period {
    WEEK_THIS,
    WEEK_NEXT,
    WEEK_LAST,
    WEEKEND_THIS,
    /** EN {@code next weekend}: the weekend of next week. */
    WEEKEND_NEXT_WEEK,
    /** FR {@code le week-end prochain}: the first weekend that starts after now. */
    WEEKEND_FIRST_AFTER,
    MONTH_THIS,
    MONTH_NEXT,
    MONTH_LAST,
    /** A month by name ({@code mars}, {@code December 2026}). */
    MONTH_NAMED
  }

  /** Relative offsets. */
  enum OffsetKind {
    /** {@code in 3 days}, {@code dans 2 heures}. */
    IN,
    /** {@code within 2 weeks}, {@code d'ici 2 semaines}. */
    WITHIN,
    /** {@code the next 3 days}, {@code les 3 prochains jours}. */
    NEXT
  }

  /** How a clock time was written, which decides its possible readings. */
  enum TimeForm {
    /** {@code 19h}, {@code 8h}, {@code 18:00}: 24-hour; a part of the day may move it by 12 h. */
    TWENTY_FOUR,
    /** {@code 7pm}: exactly one reading. */
    MERIDIEM,
    /** {@code at 7}: 07:00 or 19:00. */
    AMBIGUOUS,
    /** {@code noon}, {@code midi}, {@code midnight}, {@code minuit}: exactly one reading. */
    NAMED
  }

  final String phrase;

  Lexicon.DayWord dayWord;

  /** {@code cette nuit}: the night ending this morning when said before 06:00. */
  boolean thisNight;

  int dayFrom;
  int dayTo;

  /** 1–7, or 0 when no weekday was named. */
  int weekday;

  WeekdayMode weekdayMode = WeekdayMode.NEAREST;
  int weekdayFrom;
  int weekdayTo;

  /** 1–31, or 0 when no date was named. */
  int dateDay;

  /** 1–12, or 0 for a day of the month alone ({@code vendredi 13}). */
  int dateMonth;

  /** The explicit year, or 0. */
  int dateYear;

  int dateFrom;
  int dateTo;

  Period period;
  int namedMonth;
  int namedYear;
  int periodFrom;
  int periodTo;

  Part part;
  int partFrom;
  int partTo;

  /** {@code midi} not after {@code à}: lunch as a range, 12:00 as an instant. */
  boolean midiSoft;

  TimeForm timeForm;
  int hour;
  int minute;
  int timeFrom;
  int timeTo;

  /**
   * The readings of the clock time, in minutes after the start of the day, ascending; a value of
   * 1440 or more falls on the next day (midnight, or 1am after {@code tonight}). Null when no time.
   */
  int[] times;

  OffsetKind offsetKind;
  int amount;
  Lexicon.Unit unit;
  int offsetFrom;
  int offsetTo;

  /** See {@link TimePhraseResolver#pointsToPast(String)}. */
  boolean pointsToPast;

  ParsedPhrase(String phrase) {
    this.phrase = phrase;
  }

  boolean hasDay() {
    return dayWord != null || thisNight || weekday != 0 || dateDay != 0;
  }

  boolean hasTime() {
    return times != null;
  }

  String text(int from, int to) {
    return phrase.substring(from, to);
  }
}
