package org.networkeras.time;

import java.util.List;
import org.networkeras.command.CommandException;

/**
 * Why a phrase was refused, each with its message key in {@code time_messages_*.properties}. The
 * first argument of every message is the phrase as typed (whitespace collapsed, shortened when very
 * long); the others are listed per constant.
 */
enum Refusal {
  /** A null or blank phrase. No other argument. */
  EMPTY("time.empty"),
  /** Longer than {@link Lexer#MAX_LENGTH}. {1}: the limit. */
  TOO_LONG("time.tooLong"),
  /** A word or a combination the resolver does not know. {1}: the part not understood. */
  UNKNOWN("time.unknown"),
  /** As {@link #UNKNOWN}, with a near known word. {1}: the part, {2}: the suggestion. */
  UNKNOWN_SUGGEST("time.unknown.suggest"),
  /** Two parts that cannot go together ({@code tomorrow yesterday}). {1}: the second part. */
  CONFLICT("time.conflict"),
  /** A date that does not exist ({@code 31 février}). {1}: the date as typed. */
  INVALID_DATE("time.invalidDate"),
  /** A time of day that does not exist ({@code 25h}, {@code 14pm}). {1}: the time as typed. */
  INVALID_TIME("time.invalidTime"),
  /** A weekday that contradicts the date. {1}: the date's real weekday, 1 (Monday) to 7. */
  WEEKDAY_MISMATCH("time.weekdayMismatch"),
  /** An event start, or a fixed period, that is already over. No other argument. */
  PAST("time.past"),
  /** An event start with a day or a period but no time of day. No other argument. */
  NEEDS_TIME("time.needsTime"),
  /** A negative number ({@code in -5 days}). {1}: the number with its sign. */
  NEGATIVE("time.negative"),
  /** More than {@link #MAX_YEARS} years away. {1}: the limit in years. */
  TOO_FAR("time.tooFar"),
  /** An end that does not come after the start ({@code du 7 au 5 décembre}). No other argument. */
  END_BEFORE_START("time.endBeforeStart"),
  /** An event longer than {@link Spans#MAX_EVENT_DAYS} days. {1}: the limit in days. */
  EVENT_TOO_LONG("time.eventTooLong"),
  /** A repeat with no time of day ({@code tous les jeudis}). No other argument. */
  REPEAT_NEEDS_TIME("time.repeat.needsTime"),
  /** A repeat at two times of day ({@code à 10h et 18h}). No other argument. */
  REPEAT_SEVERAL_A_DAY("time.repeat.severalADay"),
  /** A repeat a chat sentence cannot state clearly ({@code every 3 hours}). No other argument. */
  REPEAT_UNCLEAR("time.repeat.unclear"),
  /** A bounded repeat with more than {@link Repeats#MAX_DATES} dates. {1}: the limit. */
  TOO_MANY_DATES("time.repeat.tooMany"),
  /** A repeat used as a filter ({@code /events tous les jeudis}). No other argument. */
  REPEAT_IN_FILTER("time.repeat.inFilter"),
  /** A single event where a repeat was asked for. No other argument. */
  NOT_A_REPEAT("time.repeat.none");

  /** How far from now, in years, a phrase may point. */
  static final int MAX_YEARS = 100;

  private static final int QUOTE_LIMIT = 80;

  private final String key;

  Refusal(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  /**
   * The exception for {@code phrase}; {@code more} are the arguments after the phrase. Text
   * arguments are shown as {@link #quote} shows them.
   */
  CommandException of(String phrase, Object... more) {
    Object[] arguments = new Object[more.length + 1];
    arguments[0] = quote(phrase);
    for (int i = 0; i < more.length; i++) {
      arguments[i + 1] = more[i] instanceof String text ? quote(text) : more[i];
    }
    return new CommandException(key, arguments);
  }

  /** Every key this package uses, for the bundle test. */
  static List<String> keys() {
    return List.of(values()).stream().map(Refusal::key).toList();
  }

  /**
   * The phrase as it is shown back: control characters and runs of whitespace become one space, and
   * a very long phrase is cut with an ellipsis.
   */
  static String quote(String phrase) {
    if (phrase == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(phrase.length(), QUOTE_LIMIT + 1));
    boolean space = false;
    int i = 0;
    for (; i < phrase.length() && out.length() < QUOTE_LIMIT; i++) {
      char c = phrase.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
      out.setLength(out.length() - 1);
      i--;
    }
    if (!phrase.substring(i).isBlank()) {
      out.append('…');
    }
    return out.toString();
  }
}
