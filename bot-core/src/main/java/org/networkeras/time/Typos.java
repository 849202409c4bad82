package org.networkeras.time;

/**
 * Edit distance for typo suggestions: insertions, deletions, substitutions and swaps of neighbours
 * (optimal string alignment). An instance holds its work rows for words up to a length; it is not
 * thread-safe, so make one per use.
 */
final class Typos {

  private final int maxLength;
  private int[] twoRowsUp;
  private int[] rowUp;
  private int[] row;

  Typos(int maxLength) {
    this.maxLength = maxLength;
    this.twoRowsUp = new int[maxLength + 1];
    this.rowUp = new int[maxLength + 1];
    this.row = new int[maxLength + 1];
  }

  /** How often each letter a–z occurs in {@code word}; other characters are counted together. */
  static int[] letterCounts(String word) {
    int[] counts = new int[27];
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      counts[c >= 'a' && c <= 'z' ? c - 'a' : 26]++;
    }
    return counts;
  }

  /**
   * A quick test that never says no wrongly: one edit changes the letter counts by at most two, so
   * words whose counts differ by more than {@code 2 · limit} are further apart than {@code limit}.
   */
  static boolean mayBeWithin(int[] counts, int[] other, int limit) {
    if (limit < 0) {
      return false;
    }
    int total = 0;
    for (int i = 0; i < counts.length; i++) {
      total += Math.abs(counts[i] - other[i]);
    }
    return total <= 2 * limit;
  }

  /**
   * The distance between {@code a} and {@code b}, or {@code limit + 1} as soon as it is known to
   * exceed {@code limit} (at once when the lengths alone tell, or when {@code b} is longer than
   * this instance was made for).
   */
  int distance(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    if (limit < 0 || Math.abs(n - m) > limit || m > maxLength) {
      return limit + 1;
    }
    for (int j = 0; j <= m; j++) {
      rowUp[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      row[0] = i;
      int rowBest = i;
      char ai = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        char bj = b.charAt(j - 1);
        int value =
            Math.min(Math.min(rowUp[j] + 1, row[j - 1] + 1), rowUp[j - 1] + (ai == bj ? 0 : 1));
        if (i > 1 && j > 1 && ai == b.charAt(j - 2) && a.charAt(i - 2) == bj) {
          value = Math.min(value, twoRowsUp[j - 2] + 1);
        }
        row[j] = value;
        rowBest = Math.min(rowBest, value);
      }
      if (rowBest > limit) {
        return limit + 1;
      }
      int[] recycled = twoRowsUp;
      twoRowsUp = rowUp;
      rowUp = row;
      row = recycled;
    }
    return Math.min(rowUp[m], limit + 1);
  }
}
