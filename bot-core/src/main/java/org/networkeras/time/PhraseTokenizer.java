package org.networkeras.time;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a phrase into words: lower case, accents folded ({@code é} → {@code e}), combining marks
 * dropped, and digits split from letters ({@code 19h30} → {@code 19 h 30}). Spaces, apostrophes,
 * hyphens and most punctuation separate words; {@code :} and {@code /} are words of their own. Each
 * word remembers where it came from in the original phrase, to quote it back. One linear pass, no
 * regular expressions.
 */
final class PhraseTokenizer {

  /** The words of one phrase; arrays are filled up to {@link #size}. */
  static final class Words {
    final String[] text;
    final int[] start;
    final int[] end;
    final boolean[] digits;
    int size;

    Words(int capacity) {
      text = new String[capacity];
      start = new int[capacity];
      end = new int[capacity];
      digits = new boolean[capacity];
    }
  }

  private PhraseTokenizer() {}

  /** Tokenizes a phrase of any length; callers bound it first. */
  static Words tokenize(String phrase) {
    int length = phrase.length();
    Words words = new Words(Math.max(1, length));
    char[] buffer = new char[length];
    int bufferLength = 0;
    int wordStart = -1;
    int lastEnd = -1;
    boolean wordIsDigits = false;
    for (int i = 0; i < length; i++) {
      char c = phrase.charAt(i);
      int kind = classify(c);
      if (kind == MARK) {
        if (wordStart >= 0) {
          lastEnd = i + 1;
        }
        continue;
      }
      boolean isDigit = kind == DIGIT;
      boolean continues =
          wordStart >= 0 && (kind == DIGIT || kind == LETTER) && isDigit == wordIsDigits;
      if (!continues && wordStart >= 0) {
        add(words, buffer, bufferLength, wordStart, lastEnd, wordIsDigits);
        bufferLength = 0;
        wordStart = -1;
      }
      if (kind == SEPARATOR) {
        continue;
      }
      if (kind == SYMBOL) {
        buffer[0] = c;
        add(words, buffer, 1, i, i + 1, false);
        continue;
      }
      if (wordStart < 0) {
        wordStart = i;
        wordIsDigits = isDigit;
      }
      buffer[bufferLength++] = fold(c);
      lastEnd = i + 1;
    }
    if (wordStart >= 0) {
      add(words, buffer, bufferLength, wordStart, lastEnd, wordIsDigits);
    }
    return words;
  }

  /** The normalized words of a known spelling; used to build the lexicon. */
  static List<String> words(String spelling) {
    Words words = tokenize(spelling);
    List<String> list = new ArrayList<>(words.size);
    for (int i = 0; i < words.size; i++) {
      list.add(words.text[i]);
    }
    return List.copyOf(list);
  }

  private static void add(
      Words words, char[] buffer, int length, int start, int end, boolean digits) {
    int i = words.size++;
    words.text[i] = new String(buffer, 0, length);
    words.start[i] = start;
    words.end[i] = end;
    words.digits[i] = digits;
  }

  private static final int LETTER = 0;
  private static final int DIGIT = 1;
  private static final int SEPARATOR = 2;
  private static final int SYMBOL = 3;
  private static final int MARK = 4;

  private static int classify(char c) {
    if (c >= '0' && c <= '9') {
      return DIGIT;
    }
    if (c < 128) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') {
        return LETTER;
      }
      return c == ':' || c == '/' ? SYMBOL : SEPARATOR;
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return SEPARATOR;
    }
    switch (Character.getType(c)) {
      case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK:
        return MARK;
      case Character.DASH_PUNCTUATION,
      Character.START_PUNCTUATION,
      Character.END_PUNCTUATION,
      Character.INITIAL_QUOTE_PUNCTUATION,
      Character.FINAL_QUOTE_PUNCTUATION,
      Character.OTHER_PUNCTUATION,
      Character.FORMAT,
      Character.CONTROL:
        return SEPARATOR;
      case Character.MODIFIER_SYMBOL, Character.MODIFIER_LETTER:
        // ´ ` ʼ: typed as apostrophes
        return SEPARATOR;
      default:
        return LETTER;
    }
  }

  /** Lower case with French and common Latin accents folded; one char in, one char out. */
  private static char fold(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    char lower = Character.toLowerCase(c);
    return switch (lower) {
      case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā' -> 'a';
      case 'ç' -> 'c';
      case 'è', 'é', 'ê', 'ë', 'ē' -> 'e';
      case 'ì', 'í', 'î', 'ï' -> 'i';
      case 'ñ' -> 'n';
      case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'œ' -> 'o';
      case 'ù', 'ú', 'û', 'ü' -> 'u';
      case 'ý', 'ÿ' -> 'y';
      default -> lower;
    };
  }
}
