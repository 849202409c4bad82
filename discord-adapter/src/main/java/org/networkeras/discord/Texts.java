package org.networkeras.discord;

/** Small text helpers for Discord's length limits. Stateless. */
final class Texts {

  /** What marks a text cut short; the same in every language. */
  static final String ELLIPSIS = "…";

  private Texts() {}

  /**
   * {@code text} cut to at most {@code max} characters, ending with an ellipsis when it was cut.
   * Never splits a surrogate pair.
   */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - ELLIPSIS.length();
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, Math.max(end, 0)) + ELLIPSIS;
  }
}
