package org.networkeras.command;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small text helpers for matching what members type: folding accents, nearest known word. */
public final class Words {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Words() {}

  /** Lower case without accents: {@code Soirée} → {@code soiree}. */
  public static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean ascii = true;
    for (int i = 0; i < lower.length() && ascii; i++) {
      ascii = lower.charAt(i) < 128;
    }
    if (ascii) {
      return lower;
    }
    return MARKS
        .matcher(Normalizer.normalize(lower, Normalizer.Form.NFD))
        .replaceAll("")
        .replace('’', '\'');
  }

  /**
   * The known word closest to {@code word} within {@code maxDistance} edits (compared folded), or
   * {@code null} when none is that close.
   */
  public static String nearest(String word, Collection<String> known, int maxDistance) {
    String folded = fold(word);
    String best = null;
    int bestDistance = maxDistance + 1;
    for (String candidate : known) {
      int distance = distance(folded, fold(candidate), bestDistance);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Damerau–Levenshtein (optimal string alignment) distance, capped at {@code limit}. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit) {
      return limit;
    }
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
    return Math.min(d[a.length()][b.length()], limit);
  }
}
