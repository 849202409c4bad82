package org.networkeras.telegram;

/**
 * Escapes text for Telegram's HTML parse mode. Everything that reaches a chat goes through here, so
 * no string from a reply can open a tag, forge an entity or mention someone.
 */
final class TelegramHtml {

  /**
   * U+2060 WORD JOINER: invisible, and enough to stop Telegram from reading {@code @name} as a
   * mention.
   */
  static final char WORD_JOINER = '\u2060';

  private TelegramHtml() {}

  /**
   * Escapes {@code <}, {@code >}, {@code &} and {@code "}, and defuses {@code @mentions} written
   * inside the text. Commands ({@code /events}) stay tappable: core writes them in help lines.
   */
  static String text(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
      if (c == '@' && startsWord(raw, i) && i + 1 < raw.length()) {
        char next = raw.charAt(i + 1);
        if (Character.isLetterOrDigit(next) || next == '_') {
          out.append(WORD_JOINER);
        }
      }
    }
    return out.toString();
  }

  /** Escapes a value placed inside a double-quoted attribute. */
  static String attribute(String raw) {
    return raw.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static boolean startsWord(String raw, int index) {
    if (index == 0) {
      return true;
    }
    char before = raw.charAt(index - 1);
    return !Character.isLetterOrDigit(before) && before != '_';
  }
}
