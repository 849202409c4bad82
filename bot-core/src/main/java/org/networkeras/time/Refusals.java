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
   * 3 letters or fewer and over 24 letters get no suggestion.
   */
  static String nearest(String word) {
    int length = word.length();
    if (length < 4 || length > 24) {
      return null;
    }
    int limit = length < 6 ? 1 : 2;
    String best = null;
    int bestDistance = limit + 1;
    for (Lexicon.Suggestion candidate : Lexicon.suggestions()) {
      String known = candidate.normalized();
      if (Math.abs(known.length() - length) > limit) {
        continue;
      }
      int distance = distance(word, known);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate.display();
      }
    }
    return best;
  }

  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, d[i - 2][j - 2] + 1);
        }
        d[i][j] = value;
      }
    }
    return d[a.length()][b.length()];
  }
}
