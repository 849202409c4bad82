package org.networkeras.time;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EN and FR words the resolver knows, keyed by their normalized form (lower case, accents
 * folded, see {@link PhraseTokenizer}). Built once; immutable and thread-safe afterwards.
 */
final class Lexicon {

  /** What a word means to the grammar. */
  enum Kind {
    /** A run of digits; produced by the tokenizer, never looked up. */
    NUM,
    COLON,
    SLASH,
    /** A weekday; value is {@link java.time.DayOfWeek#getValue()}. */
    WEEKDAY,
    /** A month; value 1–12. */
    MONTH,
    /** {@code mar}: Tuesday in French, March in English; a neighbouring number decides. */
    MAR,
    /** today, tomorrow, …; value is a {@link DayWord} ordinal. */
    DAY_WORD,
    TONIGHT,
    /** A part of the day; value is a {@link Part} ordinal. */
    PART,
    MIDI,
    NOON,
    MIDNIGHT,
    THIS,
    NEXT,
    PROCHAIN,
    LAST,
    DERNIER,
    WEEK,
    WEEKEND,
    MONTH_WORD,
    IN,
    WITHIN,
    AT,
    /** {@code h}, {@code heure(s)}: the French hour mark, or hours after a count. */
    HOUR_MARK,
    /** A unit of a relative offset; value is a {@link Unit} ordinal. */
    UNIT,
    /** am or pm; value 0 for am, 1 for pm. */
    MERIDIEM,
    /** An ordinal suffix: 1er, 5th, 2e. */
    ORDINAL,
    OCLOCK,
    /** A spelled-out count (one, deux, quinze); value is the count. */
    COUNT,
    /** French {@code en}: {@code samedi en huit}, {@code en mars}. */
    EN,
    /** French {@code ci} in {@code ce mois-ci}. */
    CI,
    /** A word that carries no meaning here (the, le, de, on …); dropped. */
    FILLER
  }

  /** Words naming a day relative to today. */
  enum DayWord {
    TODAY(0),
    TOMORROW(1),
    AFTER_TOMORROW(2),
    YESTERDAY(-1),
    BEFORE_YESTERDAY(-2);

    final int offset;

    DayWord(int offset) {
      this.offset = offset;
    }
  }

  /** Units of relative offsets. */
  enum Unit {
    MINUTE,
    HOUR,
    DAY,
    WEEK,
    MONTH
  }

  /** A known word: its meaning and the spelling to suggest for it. */
  record Entry(Kind kind, int value, String display) {}

  /** A spelling to suggest for a typo: its normalized form and how to show it. */
  record Suggestion(String normalized, String display) {}

  private static final Map<String, Entry> WORDS = new HashMap<>();
  private static final Map<String, Entry> PHRASES = new HashMap<>();
  private static final Set<String> PHRASE_STARTS = new HashSet<>();
  private static final Map<String, Integer> COUNTS = new HashMap<>();
  private static final List<Suggestion> SUGGESTIONS = new ArrayList<>();
  private static final List<List<Suggestion>> BY_LENGTH = new ArrayList<>();

  static {
    define(Kind.WEEKDAY, 1, "monday", "mon");
    define(Kind.WEEKDAY, 1, "lundi", "lun");
    define(Kind.WEEKDAY, 2, "tuesday", "tue", "tues");
    define(Kind.WEEKDAY, 2, "mardi");
    define(Kind.WEEKDAY, 3, "wednesday", "wed");
    define(Kind.WEEKDAY, 3, "mercredi", "mer", "merc");
    define(Kind.WEEKDAY, 4, "thursday", "thu", "thur", "thurs");
    define(Kind.WEEKDAY, 4, "jeudi", "jeu");
    define(Kind.WEEKDAY, 5, "friday", "fri");
    define(Kind.WEEKDAY, 5, "vendredi", "ven", "vend");
    define(Kind.WEEKDAY, 6, "saturday", "sat");
    define(Kind.WEEKDAY, 6, "samedi", "sam");
    define(Kind.WEEKDAY, 7, "sunday", "sun");
    define(Kind.WEEKDAY, 7, "dimanche", "dim");
    define(Kind.MAR, 0, "mar");

    define(Kind.MONTH, 1, "january", "jan");
    define(Kind.MONTH, 1, "janvier", "janv");
    define(Kind.MONTH, 2, "february", "feb");
    define(Kind.MONTH, 2, "février", "fév", "févr");
    define(Kind.MONTH, 3, "march");
    define(Kind.MONTH, 3, "mars");
    define(Kind.MONTH, 4, "april", "apr");
    define(Kind.MONTH, 4, "avril", "avr");
    define(Kind.MONTH, 5, "may");
    define(Kind.MONTH, 5, "mai");
    define(Kind.MONTH, 6, "june", "jun");
    define(Kind.MONTH, 6, "juin");
    define(Kind.MONTH, 7, "july", "jul");
    define(Kind.MONTH, 7, "juillet", "juil");
    define(Kind.MONTH, 8, "august", "aug");
    define(Kind.MONTH, 8, "août");
    define(Kind.MONTH, 9, "september", "sep", "sept");
    define(Kind.MONTH, 9, "septembre");
    define(Kind.MONTH, 10, "october", "oct");
    define(Kind.MONTH, 10, "octobre");
    define(Kind.MONTH, 11, "november", "nov");
    define(Kind.MONTH, 11, "novembre");
    define(Kind.MONTH, 12, "december", "dec");
    define(Kind.MONTH, 12, "décembre");

    define(Kind.DAY_WORD, DayWord.TODAY.ordinal(), "today", "tdy");
    define(Kind.DAY_WORD, DayWord.TODAY.ordinal(), "aujourd’hui", "ajd", "auj", "aujourdhui");
    define(Kind.DAY_WORD, DayWord.TOMORROW.ordinal(), "tomorrow", "tmrw", "tmr", "tomoz");
    define(Kind.DAY_WORD, DayWord.TOMORROW.ordinal(), "demain", "dem", "dmn");
    define(Kind.DAY_WORD, DayWord.AFTER_TOMORROW.ordinal(), "day after tomorrow");
    define(Kind.DAY_WORD, DayWord.AFTER_TOMORROW.ordinal(), "après-demain");
    define(Kind.DAY_WORD, DayWord.YESTERDAY.ordinal(), "yesterday");
    define(Kind.DAY_WORD, DayWord.YESTERDAY.ordinal(), "hier");
    define(Kind.DAY_WORD, DayWord.BEFORE_YESTERDAY.ordinal(), "day before yesterday");
    define(Kind.DAY_WORD, DayWord.BEFORE_YESTERDAY.ordinal(), "avant-hier");
    define(Kind.TONIGHT, 0, "tonight", "tonite");

    define(Kind.PART, Part.MORNING.ordinal(), "morning");
    define(Kind.PART, Part.MORNING.ordinal(), "matin", "matinée");
    define(Kind.PART, Part.BREAKFAST.ordinal(), "breakfast", "brekkie");
    define(
        Kind.PART,
        Part.BREAKFAST.ordinal(),
        "petit-déjeuner",
        "petit-déj",
        "p’tit déj",
        "ptit déj");
    define(Kind.PART, Part.LUNCH.ordinal(), "lunch", "lunchtime");
    define(Kind.PART, Part.LUNCH.ordinal(), "déjeuner", "déj");
    define(Kind.PART, Part.AFTERNOON.ordinal(), "afternoon", "arvo");
    define(Kind.PART, Part.AFTERNOON.ordinal(), "après-midi", "aprem", "aprèm", "apm");
    define(Kind.PART, Part.EVENING.ordinal(), "evening", "night", "eve");
    define(Kind.PART, Part.EVENING.ordinal(), "soir", "soirée");
    define(Kind.PART, Part.NIGHT.ordinal(), "nuit");
    define(Kind.MIDI, 0, "midi");
    define(Kind.NOON, 0, "noon", "midday");
    define(Kind.MIDNIGHT, 0, "midnight");
    define(Kind.MIDNIGHT, 0, "minuit");

    define(Kind.THIS, 0, "this");
    define(Kind.THIS, 0, "cette", "ce", "cet");
    define(Kind.NEXT, 0, "next");
    define(Kind.PROCHAIN, 0, "prochain", "prochaine", "prochains", "prochaines");
    define(Kind.LAST, 0, "last");
    define(Kind.DERNIER, 0, "dernier", "dernière", "derniers", "dernières");
    define(Kind.WEEK, 0, "week", "weeks", "wk", "wks");
    define(Kind.WEEK, 0, "semaine", "semaines", "sem");
    define(Kind.WEEKEND, 0, "weekend", "weekends", "wknd");
    define(Kind.WEEKEND, 0, "week-end", "week-ends");
    define(Kind.MONTH_WORD, 0, "month", "months");
    define(Kind.MONTH_WORD, 0, "mois");
    define(Kind.IN, 0, "in");
    define(Kind.IN, 0, "dans");
    define(Kind.WITHIN, 0, "within");
    define(Kind.WITHIN, 0, "d’ici");
    define(Kind.AT, 0, "at", "around", "@");
    define(Kind.AT, 0, "à", "vers");
    define(Kind.HOUR_MARK, 0, "hours", "hour", "hr", "hrs");
    define(Kind.HOUR_MARK, 0, "heures", "heure", "h");
    define(Kind.UNIT, Unit.MINUTE.ordinal(), "minutes", "minute", "min", "mins", "mn");
    define(Kind.UNIT, Unit.DAY.ordinal(), "days", "day");
    define(Kind.UNIT, Unit.DAY.ordinal(), "jours", "jour", "j");
    define(Kind.MERIDIEM, 0, "am", "a.m.");
    define(Kind.MERIDIEM, 1, "pm", "p.m.");
    define(Kind.ORDINAL, 0, "th", "st", "nd", "rd");
    define(Kind.ORDINAL, 0, "er", "e", "eme", "ème");
    define(Kind.OCLOCK, 0, "o’clock", "oclock");
    define(Kind.EN, 0, "en");
    define(Kind.COLON, 0, ":");
    define(Kind.SLASH, 0, "/");
    define(Kind.CI, 0, "ci");
    define(Kind.FILLER, 0, "the", "on", "of", "for", "from");
    define(Kind.FILLER, 0, "le", "la", "les", "l", "de", "du", "des", "d", "pour");

    count(1, "one", "un", "une", "an");
    count(2, "two", "deux", "couple");
    count(3, "three", "trois");
    count(4, "four", "quatre");
    count(5, "five", "cinq");
    count(6, "six");
    count(7, "seven");
    count(8, "eight", "huit");
    count(9, "nine", "neuf");
    count(10, "ten", "dix");
    count(11, "eleven", "onze");
    count(12, "twelve", "douze");
    count(15, "fifteen", "quinze");
    count(20, "twenty", "vingt");
    COUNTS.put("a", 1);
    COUNTS.put("sept", 7);
    for (Suggestion suggestion : SUGGESTIONS) {
      int length = suggestion.normalized().length();
      while (BY_LENGTH.size() <= length) {
        BY_LENGTH.add(new ArrayList<>());
      }
      if (BY_LENGTH.get(length).stream()
          .noneMatch(s -> s.normalized().equals(suggestion.normalized()))) {
        BY_LENGTH.get(length).add(suggestion);
      }
    }
  }

  private Lexicon() {}

  /** The meaning of one normalized word, or {@code null}. */
  static Entry word(String normalized) {
    return WORDS.get(normalized);
  }

  /** Whether a multi-word entry may start with this normalized word. */
  static boolean startsPhrase(String normalized) {
    return PHRASE_STARTS.contains(normalized);
  }

  /** The meaning of normalized words joined by single spaces, or {@code null}. */
  static Entry phrase(String joined) {
    return PHRASES.get(joined);
  }

  /** The count a word spells out in a count position ({@code a}, {@code sept}, {@code deux}). */
  static int count(String normalized) {
    Integer count = COUNTS.get(normalized);
    return count == null ? -1 : count;
  }

  /** Every spelling worth suggesting, in definition order. */
  static List<Suggestion> suggestions() {
    return SUGGESTIONS;
  }

  /** The spellings worth suggesting whose normalized form has {@code length} characters. */
  static List<Suggestion> suggestionsOfLength(int length) {
    return length < BY_LENGTH.size() ? BY_LENGTH.get(length) : List.of();
  }

  /** Defines a word and its other spellings; each suggests {@code display} when misspelled. */
  private static void define(Kind kind, int value, String display, String... aliases) {
    add(display, kind, value, display);
    for (String alias : aliases) {
      add(alias, kind, value, display);
    }
  }

  private static void count(int value, String... spellings) {
    for (String spelling : spellings) {
      add(spelling, Kind.COUNT, value, spelling);
      COUNTS.put(spelling, value);
    }
  }

  private static void add(String spelling, Kind kind, int value, String display) {
    List<String> words = PhraseTokenizer.words(spelling);
    Entry entry = new Entry(kind, value, display);
    if (words.size() == 1) {
      WORDS.put(words.get(0), entry);
    } else {
      PHRASES.put(String.join(" ", words), entry);
      PHRASE_STARTS.add(words.get(0));
    }
    if (kind != Kind.FILLER && kind != Kind.ORDINAL && spelling.length() > 3) {
      SUGGESTIONS.add(new Suggestion(String.join("", words), display));
    }
  }
}
