package org.networkeras.time;

/**
 * A phrase read as a whole ({@code TIME-PHRASES.md} Part 2): one {@link Phrase}, two joined by a
 * span word ({@code de 19h à 22h}, {@code du 5 au 7 décembre}), one bounded by a word ({@code until
 * Friday}, {@code après 20h}, {@code la semaine du 14}), or a repeat. {@link Sentences} fills it;
 * {@link Spans} and {@link Repeats} meet it with a clock.
 */
final class Sentence {

  /** How the phrase is built. */
  enum Form {
    /** One phrase of Part 1: {@code samedi 19h}. */
    SINGLE,
    /** From the first phrase to the second: {@code 19h-22h}, {@code entre lundi et mercredi}. */
    SPAN,
    /** {@code jusqu'à vendredi}: now to the end of that day. */
    UNTIL,
    /** {@code avant le 15}, {@code avant 10h}. */
    BEFORE,
    /** {@code après 20h}, {@code samedi après 14h}. */
    AFTER,
    /** {@code d'ici la fin de la semaine}. */
    END_OF_WEEK,
    /** {@code by the end of the month}. */
    END_OF_MONTH,
    /** {@code la semaine du 14 décembre}. */
    WEEK_OF,
    /** {@code le week-end du 12}. */
    WEEKEND_OF,
    /** {@code tous les jeudis à 19h}: {@link #rule} says which days. */
    REPEAT
  }

  final Form form;

  /** The phrase, the start of a span, or the time of day of a repeat. */
  final Phrase first;

  /** The end of a span or of a repeat's occurrences; null when none is said. */
  final Phrase second;

  /** The days of a repeat; null for other forms. */
  final Rule rule;

  Sentence(Form form, Phrase first, Phrase second, Rule rule) {
    this.form = form;
    this.first = first;
    this.second = second;
    this.rule = rule;
  }

  static Sentence single(Phrase phrase) {
    return new Sentence(Form.SINGLE, phrase, null, null);
  }

  /** Which days a repeat falls on and when it stops. */
  static final class Rule {

    /** How often the rule comes back. */
    enum Frequency {
      DAILY,
      WEEKLY,
      MONTHLY
    }

    Frequency frequency;

    /** Every how many weeks (weekly rules). */
    int interval = 1;

    /** The weekdays, bit {@code 1 << d} for d = 1 (Monday) to 7. */
    int days;

    /** The rank of the weekday in its month, 1 to 5, or -1 for the last; 0 when none. */
    int nth;

    /** The day of the month (monthly rules), or 0. */
    int monthDay;

    /** How many occurrences ({@code 4 fois}), or 0. */
    int count;

    /** The last day ({@code jusqu'au 17 décembre}), or null. */
    Phrase until;

    /** {@code pendant 4 semaines}: how many of {@link #forUnit}, counted from the first date. */
    int forCount;

    Unit forUnit;

    /** Where the phrase names the rule, for messages. */
    int at;

    boolean hasDay(int weekday) {
      return (days & (1 << weekday)) != 0;
    }
  }
}
