package org.networkeras.time;

import java.util.List;
import org.networkeras.command.CommandException;

/**
 * The refusals of the resolver: each is a {@link CommandException} whose key lives in {@code
 * time_messages_en/fr.properties}. Argument {@code {0}} is always the phrase as typed (shortened
 * when very long); {@code {1}} the part of it at fault; {@code {2}} a suggestion or a second part.
 */
final class Refusals {

  static final String BLANK = "time.blank";
  static final String TOO_LONG = "time.too-long";
  static final String UNKNOWN = "time.unknown";
  static final String UNKNOWN_TYPO = "time.unknown.typo";
  static final String CONFLICT = "time.conflict";
  static final String INVALID_DATE = "time.invalid-date";
  static final String INVALID_TIME = "time.invalid-time";
  static final String INVALID_NUMBER = "time.invalid-number";
  static final String NO_SUCH_DATE = "time.no-such-date";
  static final String WEEKDAY_MISMATCH = "time.weekday-mismatch";
  static final String PAST = "time.past";
  static final String NEEDS_TIME = "time.needs-time";
  static final String NOT_A_MOMENT = "time.not-a-moment";

  /** Every key the resolver may throw. */
  static final List<String> KEYS =
      List.of(
          BLANK,
          TOO_LONG,
          UNKNOWN,
          UNKNOWN_TYPO,
          CONFLICT,
          INVALID_DATE,
          INVALID_TIME,
          INVALID_NUMBER,
          NO_SUCH_DATE,
          WEEKDAY_MISMATCH,
          PAST,
          NEEDS_TIME,
          NOT_A_MOMENT);

  /** Longest phrase quoted back in full; longer ones are shortened with an ellipsis. */
  private static final int QUOTE_LIMIT = 80;

  private Refusals() {}

  static CommandException blank() {
    return new CommandException(BLANK);
  }

  static CommandException tooLong(int limit) {
    return new CommandException(TOO_LONG, String.valueOf(limit));
  }

  /** A word nobody knows; suggests the nearest known spelling when one is close enough. */
  static CommandException unknown(String phrase, String part, String normalizedPart) {
    String suggestion = nearest(normalizedPart);
    return suggestion == null
        ? new CommandException(UNKNOWN, quote(phrase), quote(part))
        : new CommandException(UNKNOWN_TYPO, quote(phrase), quote(part), suggestion);
  }

  static CommandException of(String key, String phrase, String part) {
    return new CommandException(key, quote(phrase), quote(part));
  }

  static CommandException of(String key, String phrase, String part, String other) {
    return new CommandException(key, quote(phrase), quote(part), quote(other));
  }

  static CommandException of(String key, String phrase) {
    return new CommandException(key, quote(phrase));
  }

  private static String quote(String text) {
    String stripped = text.strip();
    return stripped.length() <= QUOTE_LIMIT
        ? stripped
        : stripped.substring(0, QUOTE_LIMIT - 1) + "…";
  }

  /**
   * The known spelling nearest to a misspelled word, by optimal string alignment distance (a swap
   * of two neighbours counts once): at most 1 for words of 4–5 letters, 2 from 6 letters. Words of
   * 3 letters or fewer and over 24 letters get no suggestion. Only spellings of a close length are
   * compared, and each comparison stops as soon as it exceeds the limit.
   */
  static String nearest(String word) {
    int length = word.length();
    if (length < 4 || length > 24) {
      return null;
    }
    int limit = length < 6 ? 1 : 2;
    String best = null;
    int bestDistance = limit + 1;
    int[][] rows = new int[3][26 + limit];
    for (int known = Math.max(1, length - limit); known <= length + limit; known++) {
      for (Lexicon.Suggestion candidate : Lexicon.suggestionsOfLength(known)) {
        int distance = distance(word, candidate.normalized(), bestDistance - 1, rows);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = candidate.display();
        }
      }
    }
    return best;
  }

  /** The distance between a and b, or {@code limit + 1} once it is sure to exceed {@code limit}. */
  static int distance(String a, String b, int limit, int[][] rows) {
    int[] before = rows[0];
    int[] previous = rows[1];
    int[] current = rows[2];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, before[j - 2] + 1);
        }
        current[j] = value;
        rowMin = Math.min(rowMin, value);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] recycled = before;
      before = previous;
      previous = current;
      current = recycled;
    }
    return Math.min(previous[b.length()], limit + 1);
  }
}
