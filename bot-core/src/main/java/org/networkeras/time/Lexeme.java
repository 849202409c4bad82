package org.networkeras.time;

/**
 * One meaningful unit of a phrase: a known word or group of words, a number, a symbol between
 * digits, or something unknown.
 *
 * @param kind what the word means to the grammar
 * @param value the kind's value (a day offset, a weekday 1–7, a month 1–12, a number…)
 * @param flags {@link Lexicon} flags
 * @param digits for a {@link Kind#NUMBER}, how many digits were typed
 * @param word the folded word (lower case, no accents), or the digits
 * @param start the first character in the original phrase
 * @param end the character after the last one in the original phrase
 * @param glued whether nothing separates it from the previous lexeme ({@code 7pm}, {@code 19h30})
 */
record Lexeme(
    Kind kind, int value, int flags, int digits, String word, int start, int end, boolean glued) {

  /** What a lexeme means to the grammar. */
  enum Kind {
    /** Ignored wherever it stands: {@code on}, {@code de}, {@code pour}… */
    FILLER,
    /** {@code le}, {@code the}: ignored, but {@code le 12} is a day of the month. */
    ARTICLE,
    /** {@code at}, {@code à}, {@code vers}, {@code @}: a following bare number is an hour. */
    AT,
    /** {@code a}: {@code à} without its accent, or the English article ({@code in a week}). */
    A,
    /** {@code un}, {@code une}, {@code an}: one, before a unit. */
    ONE,
    IN,
    WITHIN,
    AGO,
    IL_Y_A,
    FROM_NOW,
    AND,
    THIS,
    NEXT,
    PROCHAIN,
    LAST,
    /** {@code en huit}, {@code en quinze}: value is the days added to {@code <jour> prochain}. */
    EN_N,
    /** A day relative to today: value is the offset in days. */
    DAY,
    TONIGHT,
    WEEKDAY,
    /** {@code mar}: mardi in French, March in English; the neighbours decide. */
    MAR,
    MONTH,
    PART,
    MIDI,
    NOON,
    MIDNIGHT,
    WEEK,
    WEEKEND,
    MONTH_WORD,
    YEAR_WORD,
    UNIT,
    NUMWORD,
    HALF,
    HALF_HOUR,
    QUARTER,
    QUARTER_HOUR,
    AM,
    PM,
    OCLOCK,
    /** An ordinal ending glued to a number: {@code th}, {@code er}, {@code e}… */
    SUFFIX,
    NUMBER,
    SLASH,
    COLON,
    DOT,
    DASH,
    /** {@code to}, {@code until}, {@code till}, {@code by}, {@code jusqu'à}: the end of a span. */
    TO,
    /** {@code between}, {@code entre}: a span whose two ends are joined by {@code and}. */
    BETWEEN,
    /** {@code after}, {@code après}: from a time on. */
    AFTER,
    /** {@code before}, {@code avant}: up to a time or a day. */
    BEFORE,
    /** {@code end}, {@code fin}: {@code by the end of the week}. */
    END,
    /** {@code every}, {@code each}, {@code chaque}, {@code tous}, {@code toutes}: a repeat. */
    EVERY,
    /** {@code other}, {@code sur deux}: every second week. */
    OTHER,
    /** {@code first}, {@code deuxième}…: value is the rank of a weekday in its month. */
    ORDINAL,
    /** {@code times}, {@code fois}: a count of occurrences. */
    TIMES,
    /** {@code weekdays}, {@code en semaine}: Monday to Friday. */
    WEEKDAYS,
    /** {@code monthly}: every month. */
    MONTHLY,
    UNKNOWN
  }

  boolean is(Kind other) {
    return kind == other;
  }

  boolean hasFlag(int flag) {
    return (flags & flag) != 0;
  }
}
