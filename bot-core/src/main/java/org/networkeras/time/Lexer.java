package org.networkeras.time;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.networkeras.time.Lexeme.Kind;

/**
 * Cuts a phrase into {@link Lexeme}s in one pass: case and accents are folded ({@code Après-Midi}
 * reads {@code apres midi}), punctuation and extra spaces separate words, digits stand apart from
 * letters ({@code 19h30} is {@code 19 h 30}, glued), and {@code / : . -} between two digits are
 * kept as symbols ({@code 12/03}, {@code 18:00}). Known groups of words are matched longest first.
 * Runs in time linear in the phrase; uses no regular expression.
 */
final class Lexer {

  /** The longest phrase the resolver reads. */
  static final int MAX_LENGTH = 2000;

  private static final int FOLDED_RANGE = 0x250;

  /** Lower-case, accent-free form of the Latin letters below {@link #FOLDED_RANGE}; 0 if none. */
  private static final char[] FOLD = new char[FOLDED_RANGE];

  static {
    for (char c = 0; c < FOLDED_RANGE; c++) {
      if (Character.isLetter(c)) {
        String base =
            Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
        FOLD[c] = base.length() == 1 ? base.charAt(0) : Character.toLowerCase(c);
      }
    }
  }

  private Lexer() {}

  /**
   * The lexemes of {@code text}, which must be at most {@link #MAX_LENGTH} characters long. Unknown
   * words and characters become {@link Kind#UNKNOWN} lexemes; nothing is thrown.
   */
  static List<Lexeme> lex(String text) {
    List<Raw> raws = scan(text);
    List<Lexeme> lexemes = new ArrayList<>(raws.size());
    int i = 0;
    while (i < raws.size()) {
      Raw raw = raws.get(i);
      if (raw.type == Raw.NUMBER) {
        int value = raw.text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(raw.text);
        lexemes.add(
            new Lexeme(
                Kind.NUMBER,
                value,
                raw.negative ? Lexicon.NEGATIVE : 0,
                raw.text.length(),
                raw.text,
                raw.start,
                raw.end,
                raw.glued));
        i++;
      } else if (raw.type == Raw.SYMBOL) {
        lexemes.add(
            new Lexeme(
                symbol(raw.text.charAt(0)), 0, 0, 0, raw.text, raw.start, raw.end, raw.glued));
        i++;
      } else if (raw.type == Raw.WORD) {
        i = word(raws, i, lexemes);
      } else {
        lexemes.add(new Lexeme(Kind.UNKNOWN, 0, 0, 0, raw.text, raw.start, raw.end, raw.glued));
        i++;
      }
    }
    return lexemes;
  }

  /** The folded words of a lexicon form such as {@code p'tit-déj}. */
  static String[] words(String form) {
    List<Raw> raws = scan(form);
    String[] words = new String[raws.size()];
    for (int i = 0; i < words.length; i++) {
      if (raws.get(i).type != Raw.WORD) {
        throw new IllegalArgumentException("not a word: " + form);
      }
      words[i] = raws.get(i).text;
    }
    return words;
  }

  /** Matches the longest known group of words at {@code i}; returns the index after it. */
  private static int word(List<Raw> raws, int i, List<Lexeme> out) {
    Raw first = raws.get(i);
    List<Lexicon.Entry> groups = Lexicon.groupsStartingWith(first.text);
    if (groups != null) {
      for (Lexicon.Entry group : groups) {
        String[] words = group.words();
        if (matches(raws, i, words)) {
          Raw last = raws.get(i + words.length - 1);
          out.add(lexeme(group, first.text, first.start, last.end, first.glued));
          return i + words.length;
        }
      }
    }
    Lexicon.Entry entry = Lexicon.single(first.text);
    out.add(
        entry == null
            ? new Lexeme(Kind.UNKNOWN, 0, 0, 0, first.text, first.start, first.end, first.glued)
            : lexeme(entry, first.text, first.start, first.end, first.glued));
    return i + 1;
  }

  private static boolean matches(List<Raw> raws, int i, String[] words) {
    if (i + words.length > raws.size()) {
      return false;
    }
    for (int k = 0; k < words.length; k++) {
      Raw raw = raws.get(i + k);
      if (raw.type != Raw.WORD || !raw.text.equals(words[k])) {
        return false;
      }
    }
    return true;
  }

  private static Lexeme lexeme(
      Lexicon.Entry entry, String word, int start, int end, boolean glued) {
    return new Lexeme(entry.kind(), entry.value(), entry.flags(), 0, word, start, end, glued);
  }

  private static Kind symbol(char c) {
    return switch (c) {
      case '/' -> Kind.SLASH;
      case ':' -> Kind.COLON;
      case '.' -> Kind.DOT;
      case '-' -> Kind.DASH;
      case '@', '~' -> Kind.AT;
      default -> Kind.AND;
    };
  }

  /** Splits into words, numbers, symbols and unknown characters, folding letters as it goes. */
  private static List<Raw> scan(String text) {
    List<Raw> raws = new ArrayList<>();
    int n = text.length();
    int previousEnd = -1;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int start = i;
      Raw raw;
      if (isDigit(c)) {
        while (i < n && isDigit(text.charAt(i))) {
          i++;
        }
        raw = new Raw(Raw.NUMBER, text.substring(start, i));
        raw.negative = isSign(text, start);
      } else if (isWordPart(text.codePointAt(i))) {
        StringBuilder word = new StringBuilder(8);
        while (i < n && isWordPart(text.codePointAt(i))) {
          int cp = text.codePointAt(i);
          fold(cp, word);
          i += Character.charCount(cp);
        }
        if (word.length() == 0) {
          continue; // only combining marks: treat them as nothing
        }
        raw = new Raw(Raw.WORD, word.toString());
      } else if (isBetweenDigits(text, i) && (c == '/' || c == ':' || c == '.' || c == '-')) {
        i++;
        raw = new Raw(Raw.SYMBOL, String.valueOf(c));
      } else if (isRangeDash(text, i, raws)) {
        i++;
        raw = new Raw(Raw.SYMBOL, "-");
      } else if (c == '@' || c == '~' || c == '&') {
        i++;
        raw = new Raw(Raw.SYMBOL, String.valueOf(c));
      } else if (isSeparator(c)) {
        i++;
        continue;
      } else {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        raw = new Raw(Raw.OTHER, text.substring(start, i));
      }
      raw.start = start;
      raw.end = i;
      raw.glued = start == previousEnd;
      previousEnd = i;
      raws.add(raw);
    }
    return raws;
  }

  private static void fold(int cp, StringBuilder out) {
    if (Character.getType(cp) == Character.NON_SPACING_MARK) {
      return;
    }
    switch (cp) {
      case 'œ', 'Œ' -> out.append("oe");
      case 'æ', 'Æ' -> out.append("ae");
      case 'ß' -> out.append("ss");
      default -> {
        if (cp < FOLDED_RANGE) {
          out.append(FOLD[cp]);
        } else {
          out.appendCodePoint(Character.toLowerCase(cp));
        }
      }
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordPart(int cp) {
    return Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
  }

  /**
   * Whether a minus sign stands right before the digit at {@code i} and after a space or the start:
   * {@code -5}, not the dash of {@code 19h-21h} nor of {@code 2026-12-03}.
   */
  private static boolean isSign(String text, int i) {
    if (i == 0 || (text.charAt(i - 1) != '-' && text.charAt(i - 1) != '\u2212')) {
      return false;
    }
    return i == 1 || Character.isWhitespace(text.charAt(i - 2));
  }

  /** Words after which a dash joins two times ({@code 7pm-10pm}, {@code 19h - 22h}). */
  private static final Set<String> BEFORE_RANGE_DASH =
      Set.of("h", "am", "pm", "noon", "midi", "minuit", "midnight");

  /**
   * Whether the dash at {@code i} joins the two ends of a span ({@code 19h-22h}, {@code 7pm–10pm},
   * {@code 12/12 9h - 13/12 18h}, {@code 9pm-midnight}) rather than a word ({@code après-midi}) or
   * a sign ({@code in -5 days}): a number or a clock word before it, a number or a named time
   * after.
   */
  private static boolean isRangeDash(String text, int i, List<Raw> raws) {
    char c = text.charAt(i);
    if (c != '-' && c != '–' && c != '—' && c != '‒' && c != '‑' || raws.isEmpty()) {
      return false;
    }
    Raw previous = raws.get(raws.size() - 1);
    boolean afterTime =
        previous.type == Raw.NUMBER
            || (previous.type == Raw.WORD && BEFORE_RANGE_DASH.contains(previous.text));
    if (!afterTime) {
      return false;
    }
    int j = i + 1;
    while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
      j++;
    }
    if (j >= text.length()) {
      return false;
    }
    if (isDigit(text.charAt(j))) {
      return j > i + 1 || !Character.isWhitespace(text.charAt(i - 1)); // not the sign of -5
    }
    String rest = text.substring(j, Math.min(text.length(), j + 8)).toLowerCase(Locale.ROOT);
    return rest.startsWith("noon")
        || rest.startsWith("midi")
        || rest.startsWith("minuit")
        || rest.startsWith("midnight");
  }

  private static boolean isBetweenDigits(String text, int i) {
    return i > 0
        && i + 1 < text.length()
        && isDigit(text.charAt(i - 1))
        && isDigit(text.charAt(i + 1));
  }

  /** Spaces and the punctuation people put around time words; never part of a word. */
  private static boolean isSeparator(char c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return true;
    }
    return switch (c) {
      case ',',
          ';',
          '.',
          ':',
          '!',
          '?',
          '/',
          '(',
          ')',
          '[',
          ']',
          '"',
          '«',
          '»',
          '“',
          '”',
          '„',
          '\'',
          '’',
          '‘',
          'ʼ',
          '`',
          '´',
          '-',
          '‐',
          '‑',
          '‒',
          '–',
          '—',
          '…',
          '\u00AD' ->
          true;
      default -> false;
    };
  }

  /** A token before the lexicon sees it. */
  private static final class Raw {
    static final int WORD = 0;
    static final int NUMBER = 1;
    static final int SYMBOL = 2;
    static final int OTHER = 3;

    final int type;
    final String text;
    int start;
    int end;
    boolean glued;
    boolean negative;

    Raw(int type, String text) {
      this.type = type;
      this.text = text;
    }
  }
}
