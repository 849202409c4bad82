package org.networkeras.time;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.networkeras.time.Lexeme.Kind;

/**
 * The words the resolver knows, English and French side by side, keyed by their folded form (lower
 * case, accents stripped, split where the phrase would be split: {@code après-midi} is the two
 * words {@code apres midi}). Built once; read-only and thread-safe afterwards.
 */
final class Lexicon {

  /** A number before {@code h}, {@code heure(s)} may be an hour of the clock ({@code 19 h 30}). */
  static final int CLOCKISH = 1;

  /** {@code huit}, {@code quinze}: {@code huit jours} is a week, {@code quinze jours} two. */
  static final int IDIOM = 2;

  /** {@code d}: a filler ({@code d'ici}), or a day after a number ({@code 3d}). */
  static final int DAY_LETTER = 4;

  /** {@code an}: one ({@code an hour}) or a year ({@code dans 2 ans}, {@code l'an prochain}). */
  static final int YEAR_UNIT = 8;

  /** {@code fortnight}, {@code quinzaine}: two of its unit (weeks). */
  static final int TWICE = 16;

  /**
   * On a {@link Kind#NUMBER}: a minus sign stands right before it, after a space or at the start
   * ({@code in -5 days}). Never a lexicon word's flag.
   */
  static final int NEGATIVE = 32;

  /** A weekday in the plural ({@code jeudis}, {@code Thursdays}): a weekly repeat. */
  static final int PLURAL = 64;

  /** A word or group of words and what it means. */
  record Entry(
      Kind kind, int value, int flags, String[] words, String display, boolean suggested) {}

  private static final Map<String, Entry> SINGLE = new HashMap<>();
  private static final Map<String, List<Entry>> MULTI = new HashMap<>();

  /** A word offered for typos: folded without spaces, its letter counts, as usually written. */
  private record Suggestion(String folded, int[] letters, String display) {}

  /** The words offered for typos, by length of their folded form. */
  private static final Map<Integer, List<Suggestion>> SUGGESTABLE_BY_LENGTH = new HashMap<>();

  private static final int MAX_SUGGESTED_LENGTH = 24;

  static {
    // Days around today.
    full(Kind.DAY, 0, 0, "today", "aujourd'hui");
    abbr(Kind.DAY, 0, 0, "tday", "tdy", "aujourdhui", "auj", "ajd", "aujd", "ajrd");
    full(Kind.DAY, 1, 0, "tomorrow", "demain");
    abbr(Kind.DAY, 1, 0, "tmrw", "tmr", "tmrow", "tomoz");
    full(Kind.DAY, 2, 0, "day after tomorrow", "après-demain", "overmorrow");
    abbr(Kind.DAY, 2, 0, "apres dem");
    full(Kind.DAY, -1, 0, "yesterday", "hier");
    abbr(Kind.DAY, -1, 0, "yday");
    full(Kind.DAY, -2, 0, "day before yesterday", "avant-hier");
    full(Kind.TONIGHT, 0, 0, "tonight");
    abbr(Kind.TONIGHT, 0, 0, "tonite");

    // Weekdays, Monday = 1.
    weekday(1, "monday", "lundi", "mon", "lun");
    weekday(2, "tuesday", "mardi", "tue", "tues");
    weekday(3, "wednesday", "mercredi", "wed", "weds", "mer", "merc");
    weekday(4, "thursday", "jeudi", "thu", "thur", "thurs", "jeu");
    weekday(5, "friday", "vendredi", "fri", "ven", "vend");
    weekday(6, "saturday", "samedi", "sat", "sam");
    weekday(7, "sunday", "dimanche", "sun", "dim");
    abbr(Kind.MAR, 0, 0, "mar");
    plural(1, "mondays", "lundis");
    plural(2, "tuesdays", "mardis");
    plural(3, "wednesdays", "mercredis");
    plural(4, "thursdays", "jeudis");
    plural(5, "fridays", "vendredis");
    plural(6, "saturdays", "samedis");
    plural(7, "sundays", "dimanches");

    // Months.
    month(1, "january", "janvier", "jan", "janv");
    month(2, "february", "février", "feb", "fev", "fevr");
    month(3, "march", "mars");
    month(4, "april", "avril", "apr", "avr");
    month(5, "may", "mai");
    month(6, "june", "juin", "jun");
    month(7, "july", "juillet", "jul", "juil");
    month(8, "august", "août", "aug", "aou");
    month(9, "september", "septembre", "sep");
    month(10, "october", "octobre", "oct");
    month(11, "november", "novembre", "nov");
    month(12, "december", "décembre", "dec");

    // Parts of the day.
    full(Kind.PART, Part.MORNING.ordinal(), 0, "morning", "matin", "matinée");
    abbr(Kind.PART, Part.MORNING.ordinal(), 0, "morn", "mornin", "mat");
    full(Kind.PART, Part.BREAKFAST.ordinal(), 0, "breakfast", "petit-déj", "petit-déjeuner");
    abbr(Kind.PART, Part.BREAKFAST.ordinal(), 0, "brekkie", "ptit-déj", "p'tit-déj", "pdj");
    full(Kind.PART, Part.LUNCH.ordinal(), 0, "lunch", "lunchtime", "déjeuner");
    abbr(Kind.PART, Part.LUNCH.ordinal(), 0, "déj", "lunch time");
    full(Kind.PART, Part.AFTERNOON.ordinal(), 0, "afternoon", "après-midi", "aprem");
    abbr(Kind.PART, Part.AFTERNOON.ordinal(), 0, "arvo", "aprèm", "aprés-midi", "apm");
    full(Kind.PART, Part.EVENING.ordinal(), 0, "evening", "soir", "soirée");
    abbr(Kind.PART, Part.EVENING.ordinal(), 0, "eve", "evng");
    full(Kind.PART, Part.NIGHT.ordinal(), 0, "night", "nuit");
    abbr(Kind.PART, Part.NIGHT.ordinal(), 0, "nite");
    full(Kind.MIDI, 0, 0, "midi");
    full(Kind.NOON, 0, 0, "noon", "midday");
    full(Kind.MIDNIGHT, 0, 0, "midnight", "minuit");

    // Words that point somewhere.
    full(Kind.THIS, 0, 0, "this", "cette", "this coming", "coming");
    abbr(Kind.THIS, 0, 0, "ce", "cet");
    full(Kind.NEXT, 0, 0, "next");
    full(Kind.PROCHAIN, 0, 0, "prochain", "prochaine", "prochains", "prochaines");
    abbr(Kind.PROCHAIN, 0, 0, "proch", "pro");
    full(Kind.LAST, 0, 0, "last", "previous", "dernier", "dernière", "derniers", "dernières");
    full(Kind.LAST, 0, 0, "passé", "passée", "past");
    full(Kind.EN_N, 7, 0, "en huit");
    full(Kind.EN_N, 14, 0, "en quinze");

    // Periods and units.
    full(Kind.WEEK, 0, 0, "week", "weeks", "semaine", "semaines");
    abbr(Kind.WEEK, 0, 0, "wk", "wks", "sem");
    full(Kind.WEEKEND, 0, 0, "weekend", "week-end", "weekends", "week-ends");
    abbr(Kind.WEEKEND, 0, 0, "wknd", "we", "fin de semaine");
    full(Kind.MONTH_WORD, 0, 0, "month", "months", "mois");
    full(Kind.YEAR_WORD, 0, 0, "year", "years", "année", "années", "ans");
    abbr(Kind.YEAR_WORD, 0, 0, "yr", "yrs");
    full(Kind.UNIT, Unit.MINUTE.ordinal(), 0, "minute", "minutes");
    abbr(Kind.UNIT, Unit.MINUTE.ordinal(), 0, "min", "mins", "mn", "mnt", "mnts");
    full(Kind.UNIT, Unit.HOUR.ordinal(), 0, "hour", "hours");
    abbr(Kind.UNIT, Unit.HOUR.ordinal(), 0, "hr", "hrs");
    full(Kind.UNIT, Unit.HOUR.ordinal(), CLOCKISH, "heure", "heures");
    abbr(Kind.UNIT, Unit.HOUR.ordinal(), CLOCKISH, "h");
    full(Kind.UNIT, Unit.DAY.ordinal(), 0, "day", "days", "jour", "jours", "journée", "journées");
    abbr(Kind.UNIT, Unit.DAY.ordinal(), 0, "j");
    full(Kind.UNIT, Unit.WEEK.ordinal(), TWICE, "fortnight", "quinzaine");

    // Numbers in words.
    numbers(
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty");
    numbers(
        "",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize");
    full(Kind.NUMWORD, 8, IDIOM, "huit");
    full(Kind.NUMWORD, 15, IDIOM, "quinze");
    full(Kind.NUMWORD, 20, 0, "vingt");
    full(Kind.NUMWORD, 30, 0, "thirty", "trente");
    full(Kind.NUMWORD, 40, 0, "forty", "quarante");
    full(Kind.NUMWORD, 45, 0, "forty-five");
    full(Kind.NUMWORD, 50, 0, "fifty", "cinquante");
    full(Kind.NUMWORD, 2, 0, "a couple of", "a couple");
    full(Kind.ONE, 1, 0, "un", "une");
    full(Kind.ONE, 1, YEAR_UNIT, "an");
    full(Kind.HALF, 0, 0, "half", "demi", "demie");
    full(Kind.HALF_HOUR, 30, 0, "demi-heure", "half-hour", "half hour");
    full(Kind.QUARTER, 0, 0, "quart", "quarter");
    full(Kind.QUARTER_HOUR, 15, 0, "quart d'heure", "quarter of an hour", "quarter hour");

    // Clock words.
    abbr(Kind.AM, 0, 0, "am", "a m");
    abbr(Kind.PM, 0, 0, "pm", "p m");
    full(Kind.OCLOCK, 0, 0, "o'clock");
    abbr(Kind.OCLOCK, 0, 0, "oclock");
    abbr(Kind.SUFFIX, 0, 0, "st", "nd", "rd", "th", "er", "re", "e", "eme", "ème", "ieme", "ième");

    // Small words.
    abbr(Kind.IN, 0, 0, "in", "dans");
    abbr(Kind.WITHIN, 0, 0, "within", "d'ici", "sous");
    abbr(Kind.AGO, 0, 0, "ago");
    abbr(Kind.IL_Y_A, 0, 0, "il y a", "y a");
    abbr(Kind.FROM_NOW, 0, 0, "from now", "from today", "later", "plus tard");
    abbr(Kind.AND, 0, 0, "and", "et");
    abbr(Kind.AT, 0, 0, "at", "vers", "around", "about", "approx", "environ", "aux alentours de");
    abbr(Kind.A, 0, 0, "a");
    abbr(Kind.ARTICLE, 0, 0, "le", "the");
    abbr(
        Kind.FILLER,
        0,
        0,
        "la",
        "l",
        "les",
        "on",
        "of",
        "de",
        "du",
        "des",
        "au",
        "aux",
        "en",
        "for",
        "pour",
        "ces",
        "ci",
        "over",
        "during",
        "pendant",
        "sharp",
        "pile",
        "ish",
        "starting",
        "from");
    abbr(Kind.FILLER, 0, DAY_LETTER, "d");

    // Spans and repeats (TIME-PHRASES.md Part 2).
    full(Kind.TO, 0, 0, "until", "jusqu'à", "jusqu'au");
    abbr(Kind.TO, 0, 0, "to", "till", "til", "by", "thru", "through", "jusqu", "jusque");
    full(Kind.BETWEEN, 0, 0, "between", "entre");
    full(Kind.AFTER, 0, 0, "after", "après");
    full(Kind.BEFORE, 0, 0, "before", "avant");
    abbr(Kind.END, 0, 0, "end", "fin");
    full(Kind.EVERY, 0, 0, "every", "chaque", "tous", "toutes");
    abbr(Kind.EVERY, 0, 0, "each");
    full(Kind.OTHER, 0, 0, "other", "sur deux");
    full(Kind.ORDINAL, 1, 0, "first", "premier", "première", "premiers", "premières");
    full(Kind.ORDINAL, 2, 0, "second", "deuxième", "seconde");
    full(Kind.ORDINAL, 3, 0, "third", "troisième");
    full(Kind.ORDINAL, 4, 0, "fourth", "quatrième");
    full(Kind.ORDINAL, 5, 0, "fifth", "cinquième");
    full(Kind.TIMES, 0, 0, "times", "fois");
    full(Kind.WEEKDAYS, 0, 0, "en semaine");
    abbr(Kind.WEEKDAYS, 0, 0, "weekdays", "weekday");
    full(Kind.MONTHLY, 0, 0, "monthly");
  }

  private Lexicon() {}

  /** The entry of a single folded word, or null. */
  static Entry single(String word) {
    return SINGLE.get(word);
  }

  /** The multi-word entries whose first folded word is {@code first}, longest first; or null. */
  static List<Entry> groupsStartingWith(String first) {
    return MULTI.get(first);
  }

  /**
   * The known word nearest to {@code folded} (and, first, to it joined with {@code next}, for a
   * word cut in two), as it is usually written; null when none is close enough to be a typo. Only
   * words of a near length are compared, so a long unknown word costs nothing.
   */
  static String suggest(String folded, String next) {
    Typos typos = new Typos(MAX_SUGGESTED_LENGTH + 2);
    if (next != null) {
      String joined = nearest(folded + next, typos);
      if (joined != null) {
        return joined;
      }
    }
    return nearest(folded, typos);
  }

  /**
   * The known word nearest to two words joined ({@code apres} and {@code mdi}: {@code après-midi}),
   * or null: a known first word may be the start of a longer one typed wrong.
   */
  static String suggestJoined(String first, String second) {
    return nearest(first + second, new Typos(MAX_SUGGESTED_LENGTH + 2));
  }

  private static String nearest(String attempt, Typos typos) {
    int allowed = attempt.length() <= 3 ? 0 : attempt.length() <= 5 ? 1 : 2;
    int[] letters = Typos.letterCounts(attempt);
    String best = null;
    int bestDistance = allowed + 1;
    int from = Math.max(0, attempt.length() - allowed);
    int to = Math.min(MAX_SUGGESTED_LENGTH, attempt.length() + allowed);
    for (int length = from; length <= to && bestDistance > 0; length++) {
      List<Suggestion> candidates = SUGGESTABLE_BY_LENGTH.get(length);
      if (candidates == null) {
        continue;
      }
      for (Suggestion candidate : candidates) {
        if (!Typos.mayBeWithin(letters, candidate.letters(), bestDistance - 1)) {
          continue;
        }
        int distance = typos.distance(attempt, candidate.folded(), bestDistance - 1);
        if (distance < bestDistance && !candidate.folded().equals(attempt)) {
          best = candidate.display();
          bestDistance = distance;
        }
      }
    }
    return best;
  }

  private static void weekday(int day, String english, String french, String... shortForms) {
    full(Kind.WEEKDAY, day, 0, english, french);
    abbr(Kind.WEEKDAY, day, 0, shortForms);
  }

  private static void plural(int day, String english, String french) {
    full(Kind.WEEKDAY, day, PLURAL, english, french);
  }

  private static void month(int month, String english, String french, String... shortForms) {
    full(Kind.MONTH, month, 0, english, french);
    abbr(Kind.MONTH, month, 0, shortForms);
  }

  private static void numbers(String... words) {
    for (int i = 0; i < words.length; i++) {
      if (!words[i].isEmpty() && !SINGLE.containsKey(words[i])) {
        full(Kind.NUMWORD, i + 1, 0, words[i]);
      }
    }
  }

  /** Full words: known, and offered as suggestions for typos. */
  private static void full(Kind kind, int value, int flags, String... forms) {
    for (String form : forms) {
      add(kind, value, flags, form, true);
    }
  }

  /** Short forms and small words: known, never suggested. */
  private static void abbr(Kind kind, int value, int flags, String... forms) {
    for (String form : forms) {
      add(kind, value, flags, form, false);
    }
  }

  private static void add(Kind kind, int value, int flags, String form, boolean suggested) {
    String[] words = Lexer.words(form);
    Entry entry = new Entry(kind, value, flags, words, form, suggested && form.length() >= 4);
    if (words.length == 1) {
      Entry previous = SINGLE.put(words[0], entry);
      if (previous != null && previous.kind() != kind) {
        throw new IllegalStateException("two meanings for " + form);
      }
    } else {
      List<Entry> group = MULTI.computeIfAbsent(words[0], w -> new ArrayList<>());
      group.add(entry);
      group.sort((a, b) -> b.words().length - a.words().length);
    }
    String joined = String.join("", words);
    if (entry.suggested() && joined.length() <= MAX_SUGGESTED_LENGTH) {
      List<Suggestion> sameLength =
          SUGGESTABLE_BY_LENGTH.computeIfAbsent(joined.length(), length -> new ArrayList<>());
      if (sameLength.stream().noneMatch(known -> known.folded().equals(joined))) {
        sameLength.add(new Suggestion(joined, Typos.letterCounts(joined), form));
      }
    }
  }
}
