package org.networkeras.time;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.networkeras.command.CommandException;
import org.networkeras.time.Lexeme.Kind;
import org.networkeras.time.Phrase.Meridiem;
import org.networkeras.time.Sentence.Form;
import org.networkeras.time.Sentence.Rule;
import org.networkeras.time.Sentence.Rule.Frequency;

/**
 * Reads a phrase into a {@link Sentence}: finds the words that join or bound phrases ({@code de …
 * à}, {@code -}, {@code until}, {@code entre … et}, {@code après}, {@code la semaine du}) and the
 * words of a repeat ({@code tous les}, {@code un … sur deux}, {@code le premier … du mois}, {@code
 * 4 fois}), then lets {@link Parser} read each part. A side that is a bare number takes its meaning
 * from the other side: {@code 7} in {@code 7-10pm} is an hour, {@code 5} in {@code du 5 au 7
 * décembre} a day of December.
 */
final class Sentences {

  private final String text;
  private final List<Lexeme> all;

  private Sentences(String text, List<Lexeme> all) {
    this.text = text;
    this.all = all;
  }

  /**
   * Reads {@code text}, already checked to be non-blank and short enough.
   *
   * @throws CommandException when a part is not understood or parts contradict each other
   */
  static Sentence read(String text) {
    List<Lexeme> lexemes = Lexer.lex(text);
    if (lexemes.isEmpty()) {
      return Sentence.single(Parser.parse(text));
    }
    Parser.refuseNegativeNumbers(text, lexemes);
    Sentences reader = new Sentences(text, lexemes);
    reader.suggestJoinedTypos();
    return reader.isRepeat(lexemes) ? reader.repeat(lexemes) : reader.spanOrSingle(lexemes);
  }

  // ---------------------------------------------------------------- spans

  private Sentence spanOrSingle(List<Lexeme> l) {
    int n = l.size();
    int end = indexOf(l, Kind.END, 0);
    if (end >= 0) {
      return endOf(l, end);
    }
    int between = indexOf(l, Kind.BETWEEN, 0);
    if (between >= 0) {
      onlySmallWords(l, 0, between);
      int and = indexOf(l, Kind.AND, between + 1);
      if (and < 0) {
        throw fail(l, n - 1);
      }
      return span(l.subList(between + 1, and), l.subList(and + 1, n), l, and);
    }
    int bound = indexOf(l, Kind.AFTER, 0);
    if (bound < 0) {
      bound = indexOf(l, Kind.BEFORE, 0);
    }
    if (bound >= 0) {
      List<Lexeme> rest = new ArrayList<>(l);
      rest.remove(bound);
      if (meaningless(rest, 0, rest.size())) {
        throw fail(l, bound);
      }
      Form form = l.get(bound).is(Kind.AFTER) ? Form.AFTER : Form.BEFORE;
      return new Sentence(form, dayOrParse(rest), null, null);
    }
    for (int w = 0; w < n; w++) {
      Kind kind = l.get(w).kind();
      if ((kind == Kind.WEEK || kind == Kind.WEEKEND)
          && w + 2 < n
          && isWord(l.get(w + 1), "du", "of", "de")
          && meaningless(l, 0, w)) {
        Form form = kind == Kind.WEEK ? Form.WEEK_OF : Form.WEEKEND_OF;
        return new Sentence(form, dayOrParse(l.subList(w + 2, n)), null, null);
      }
    }
    int k = connector(l);
    if (k < 0) {
      return Sentence.single(Parser.parse(text, l, false));
    }
    if (meaningless(l, 0, k)) {
      if (!l.get(k).is(Kind.TO) || k == n - 1) {
        throw fail(l, k);
      }
      return new Sentence(Form.UNTIL, Parser.parse(text, l.subList(k + 1, n), false), null, null);
    }
    if (k == n - 1) {
      throw fail(l, k);
    }
    return span(l.subList(0, k), l.subList(k + 1, n), l, k);
  }

  /** {@code d'ici la fin du mois}, {@code by the end of the week}. */
  private Sentence endOf(List<Lexeme> l, int end) {
    int unit = end + 1;
    while (unit < l.size() && isSmall(l.get(unit))) {
      unit++;
    }
    if (unit != l.size() - 1) {
      throw fail(l, Math.min(unit, l.size() - 1));
    }
    for (int i = 0; i < end; i++) {
      Kind kind = l.get(i).kind();
      if (!isSmall(l.get(i)) && kind != Kind.WITHIN && kind != Kind.TO && kind != Kind.A) {
        throw fail(l, i);
      }
    }
    return switch (l.get(unit).kind()) {
      case WEEK -> new Sentence(Form.END_OF_WEEK, null, null, null);
      case MONTH_WORD -> new Sentence(Form.END_OF_MONTH, null, null, null);
      default -> throw fail(l, unit);
    };
  }

  /**
   * The word that joins the two ends of a span, or -1: {@code to}, {@code until}, {@code jusqu'à},
   * a dash, {@code au} after {@code du}, or {@code à} after {@code de} between two times.
   */
  private static int connector(List<Lexeme> l) {
    int from = -1;
    for (int i = 0; i < l.size(); i++) {
      Lexeme lexeme = l.get(i);
      if (from < 0 && isWord(lexeme, "de", "du", "from")) {
        from = i;
      } else if (lexeme.is(Kind.TO)) {
        return i;
      } else if (lexeme.is(Kind.DASH) && !inIsoDate(l, i)) {
        return i;
      } else if (from >= 0 && isWord(lexeme, "au") && isWord(l.get(from), "du")) {
        return i;
      } else if (from >= 0
          && (lexeme.is(Kind.A) || lexeme.is(Kind.AT))
          && timeish(l, from + 1, i)
          && timeish(l, i + 1, i + 2)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean inIsoDate(List<Lexeme> l, int dash) {
    return (dash >= 1 && l.get(dash - 1).digits() == 4)
        || (dash >= 3 && l.get(dash - 2).is(Kind.DASH) && l.get(dash - 3).digits() == 4);
  }

  private static boolean timeish(List<Lexeme> l, int from, int to) {
    for (int i = from; i < Math.min(to, l.size()); i++) {
      Kind kind = l.get(i).kind();
      if (kind == Kind.NUMBER
          || kind == Kind.MIDI
          || kind == Kind.NOON
          || kind == Kind.MIDNIGHT
          || kind == Kind.NUMWORD) {
        return true;
      }
    }
    return false;
  }

  /** The two ends of a span; a bare number takes its meaning from the other end. */
  private Sentence span(List<Lexeme> left, List<Lexeme> right, List<Lexeme> l, int k) {
    if (meaningless(left, 0, left.size())) {
      throw fail(l, k);
    }
    if (meaningless(right, 0, right.size())) {
      throw fail(l, k);
    }
    boolean bareLeft = bare(left) >= 0;
    boolean bareRight = bare(right) >= 0;
    Phrase first;
    Phrase second;
    if (bareLeft && bareRight) {
      first = hour(left);
      second = hour(right);
    } else if (bareRight) {
      first = Parser.parse(text, left, true);
      second = first.hasTime() || first.hasMidi() ? hour(right) : day(right, first);
    } else {
      second = Parser.parse(text, right, false);
      boolean timed = second.hasTime() || second.hasMidi();
      first = bareLeft ? timed ? hour(left) : day(left, second) : Parser.parse(text, left, timed);
    }
    Spans.shareMeridiem(first, second);
    return new Sentence(Form.SPAN, first, second, null);
  }

  /** A day alone ({@code le 12}, {@code 14 décembre}) or any phrase. */
  private Phrase dayOrParse(List<Lexeme> l) {
    return bare(l) >= 0 ? day(l, null) : Parser.parse(text, l, false);
  }

  /**
   * The index of the number when {@code l} is a bare number (with small words and an ordinal
   * ending), else -1.
   */
  private static int bare(List<Lexeme> l) {
    int number = -1;
    for (int i = 0; i < l.size(); i++) {
      Lexeme lexeme = l.get(i);
      if (lexeme.is(Kind.NUMBER) && number < 0 && lexeme.digits() <= 2) {
        number = i;
      } else if (!(isSmall(lexeme) || (lexeme.is(Kind.SUFFIX) && number == i - 1))) {
        return -1;
      }
    }
    return number;
  }

  /** A bare number as an hour: 07:00 or 19:00 for 1 to 12, 24-hour otherwise. */
  private Phrase hour(List<Lexeme> l) {
    int at = bare(l);
    Lexeme number = l.get(at);
    int value = number.value();
    if (value > 24) {
      throw Refusal.INVALID_TIME.of(text, typed(number));
    }
    Phrase phrase = new Phrase();
    phrase.hour = value == 24 ? 0 : value;
    phrase.midnight = value == 24;
    phrase.meridiem = value >= 1 && value <= 12 ? Meridiem.EITHER : Meridiem.H24;
    phrase.timeAt = at;
    phrase.timeStart = number.start();
    phrase.timeEnd = number.end();
    return phrase;
  }

  /** A bare number as a day, of the month {@code other} names (when it names one). */
  private Phrase day(List<Lexeme> l, Phrase other) {
    int at = bare(l);
    Lexeme number = l.get(at);
    int value = number.value();
    int month = other != null && other.hasDate() ? other.month : 0;
    int year = other != null && other.hasDate() ? other.year : 0;
    int max = month == 0 ? 31 : YearMonth.of(year == 0 ? 2028 : year, month).lengthOfMonth();
    if (value < 1 || value > max) {
      throw Refusal.INVALID_DATE.of(text, typed(number));
    }
    Phrase phrase = new Phrase();
    phrase.day = value;
    phrase.month = month;
    phrase.year = year;
    phrase.pastWord = year > 0;
    phrase.dateAt = at;
    phrase.dateStart = number.start();
    phrase.dateEnd = number.end();
    return phrase;
  }

  // ---------------------------------------------------------------- repeats

  private boolean isRepeat(List<Lexeme> l) {
    for (int i = 0; i < l.size(); i++) {
      Lexeme lexeme = l.get(i);
      switch (lexeme.kind()) {
        case EVERY, OTHER, TIMES, WEEKDAYS, MONTHLY, ORDINAL -> {
          return true;
        }
        case WEEKDAY -> {
          if (lexeme.hasFlag(Lexicon.PLURAL) || weekdaysWithTime(l, i)) {
            return true;
          }
        }
        case LAST -> {
          if (i + 1 < l.size()
              && l.get(i + 1).is(Kind.WEEKDAY)
              && indexOf(l, Kind.MONTH_WORD, i) > 0) {
            return true;
          }
        }
        default -> {
          // not a repeat word
        }
      }
    }
    return false;
  }

  /**
   * {@code du lundi au vendredi à 8h}: a weekday to a weekday with a time after is a repeat on the
   * days between (without a time it is a span: {@code du lundi au vendredi}).
   */
  private static boolean weekdaysWithTime(List<Lexeme> l, int i) {
    return i + 3 < l.size()
        && (l.get(i + 1).is(Kind.TO) || isWord(l.get(i + 1), "au"))
        && l.get(i + 2).is(Kind.WEEKDAY)
        && timeish(l, i + 3, l.size());
  }

  private Sentence repeat(List<Lexeme> l) {
    int n = l.size();
    boolean[] used = new boolean[n];
    Rule rule = new Rule();
    rule.at = -1;
    ends(l, used, rule);
    refuseSeveralTimesADay(l, used);
    for (int i = 0; i < n; i++) {
      if (used[i]) {
        continue;
      }
      Lexeme lexeme = l.get(i);
      switch (lexeme.kind()) {
        case EVERY -> {
          use(used, i, rule);
          every(l, used, i + 1, rule);
        }
        case MONTHLY, MONTH_WORD -> {
          use(used, i, rule);
          setFrequency(l, i, rule, Frequency.MONTHLY);
        }
        case OTHER -> {
          use(used, i, rule);
          rule.interval = 2;
          if (i >= 2 && l.get(i - 2).is(Kind.ONE) && l.get(i - 1).is(Kind.WEEKDAY)) {
            used[i - 2] = true; // "un jeudi sur deux"
          }
        }
        case ORDINAL -> {
          use(used, i, rule);
          rule.nth = lexeme.value();
          requireWeekdayAfter(l, i);
        }
        case LAST -> {
          use(used, i, rule);
          rule.nth = -1;
          requireWeekdayAfter(l, i);
        }
        case WEEKDAY -> {
          use(used, i, rule);
          rule.days |= 1 << lexeme.value();
          int to =
              i + 1 < n && (l.get(i + 1).is(Kind.TO) || isWord(l.get(i + 1), "au")) ? i + 2 : -1;
          if (to > 0 && to < n && l.get(to).is(Kind.WEEKDAY)) {
            int day = lexeme.value();
            while (day != l.get(to).value()) {
              day = day % 7 + 1;
              rule.days |= 1 << day;
            }
            used[i + 1] = true;
            used[to] = true;
          }
        }
        case WEEKDAYS -> {
          use(used, i, rule);
          rule.days |= 0b111110;
        }
        case AND -> {
          if (i > 0 && i + 1 < n && used[i - 1] && l.get(i - 1).is(Kind.WEEKDAY)) {
            used[i] = true;
          }
        }
        case NUMBER -> {
          if (i + 1 < n
              && l.get(i + 1).is(Kind.SUFFIX)
              && i + 2 < n
              && l.get(i + 2).is(Kind.WEEKDAY)) {
            use(used, i, rule);
            used[i + 1] = true;
            rule.nth = lexeme.value(); // "chaque 1er mardi"
            if (rule.nth < 1 || rule.nth > 5) {
              throw fail(l, i);
            }
          } else if (i > 0
              && l.get(i - 1).is(Kind.ARTICLE)
              && lexeme.digits() <= 2
              && !clockAfter(l, i)) {
            use(used, i, rule);
            rule.monthDay = lexeme.value();
            if (rule.monthDay < 1 || rule.monthDay > 31) {
              throw Refusal.INVALID_DATE.of(text, typed(lexeme));
            }
            if (i + 1 < n && l.get(i + 1).is(Kind.SUFFIX) && l.get(i + 1).glued()) {
              used[i + 1] = true;
            }
          }
        }
        default -> {
          // left for the time of day
        }
      }
    }
    if (rule.frequency == null) {
      rule.frequency = rule.nth != 0 || rule.monthDay > 0 ? Frequency.MONTHLY : Frequency.WEEKLY;
    }
    checkRule(l, rule);
    List<Lexeme> rest = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!used[i]) {
        rest.add(l.get(i));
      }
    }
    if (meaningless(rest, 0, rest.size())) {
      throw Refusal.REPEAT_NEEDS_TIME.of(text);
    }
    Sentence time = spanOrSingle(rest);
    if (time.form != Form.SINGLE && time.form != Form.SPAN) {
      throw fail(l, rule.at);
    }
    Phrase start = time.first;
    if (!(start.hasTime() || start.hasMidi())) {
      if (start.hasWeekday()
          || start.hasDate()
          || start.hasRelativeDay()
          || start.hasPeriod()
          || start.hasOffset()) {
        throw fail(l, Math.max(0, rule.at));
      }
      throw Refusal.REPEAT_NEEDS_TIME.of(text);
    }
    if (start.hasWeekday()
        || start.hasDate()
        || start.hasRelativeDay()
        || start.hasPeriod()
        || start.hasOffset()) {
      throw Refusal.CONFLICT.of(text, typed(l.get(Math.max(0, rule.at))));
    }
    return new Sentence(Form.REPEAT, start, time.second, rule);
  }

  private void checkRule(List<Lexeme> l, Rule rule) {
    int at = Math.max(0, rule.at);
    switch (rule.frequency) {
      case DAILY -> {
        if (rule.days != 0 || rule.nth != 0 || rule.monthDay != 0) {
          throw fail(l, at);
        }
      }
      case WEEKLY -> {
        if (rule.days == 0 || rule.nth != 0 || rule.monthDay != 0) {
          throw rule.days == 0 && rule.nth == 0 && rule.monthDay == 0
              ? Refusal.REPEAT_UNCLEAR.of(text)
              : fail(l, at);
        }
      }
      default -> {
        boolean byWeekday = rule.nth != 0 && Integer.bitCount(rule.days) == 1;
        boolean byDay = rule.monthDay > 0 && rule.days == 0 && rule.nth == 0;
        if (!(byWeekday || byDay) || rule.interval != 1) {
          throw Refusal.REPEAT_UNCLEAR.of(text);
        }
      }
    }
  }

  /**
   * After {@code every}/{@code tous les}: {@code 2 weeks}, {@code jours}, {@code mois}, or a day.
   */
  private void every(List<Lexeme> l, boolean[] used, int from, Rule rule) {
    int i = from;
    while (i < l.size() && isWord(l.get(i), "les", "the")) {
      i++;
    }
    if (i >= l.size()) {
      return;
    }
    Lexeme next = l.get(i);
    int amount = -1;
    int unitAt = i;
    if (next.is(Kind.NUMBER) || next.is(Kind.NUMWORD)) {
      amount = next.value();
      unitAt = i + 1;
    }
    Lexeme unit = unitAt < l.size() ? l.get(unitAt) : null;
    if (unit == null) {
      return;
    }
    if (unit.is(Kind.UNIT) && unit.value() <= Unit.HOUR.ordinal()) {
      throw Refusal.REPEAT_UNCLEAR.of(text);
    }
    if (unit.is(Kind.WEEK) || (unit.is(Kind.UNIT) && unit.value() == Unit.WEEK.ordinal())) {
      rule.interval = Math.max(1, amount);
      markUsed(used, i, unitAt);
    } else if (unit.is(Kind.UNIT) && unit.value() == Unit.DAY.ordinal()) {
      if (amount > 1) {
        throw Refusal.REPEAT_UNCLEAR.of(text);
      }
      markUsed(used, i, unitAt);
      setFrequency(l, unitAt, rule, Frequency.DAILY);
    } else if (amount > 0 && (unit.is(Kind.MONTH_WORD) || unit.is(Kind.YEAR_WORD))) {
      throw Refusal.REPEAT_UNCLEAR.of(text); // "every 2 months": not said clearly enough in chat
    }
  }

  private void setFrequency(List<Lexeme> l, int at, Rule rule, Frequency frequency) {
    if (rule.frequency != null && rule.frequency != frequency) {
      throw Refusal.CONFLICT.of(text, typed(l.get(at)));
    }
    rule.frequency = frequency;
  }

  private static void markUsed(boolean[] used, int from, int to) {
    for (int i = from; i <= to; i++) {
      used[i] = true;
    }
  }

  private static void use(boolean[] used, int i, Rule rule) {
    used[i] = true;
    if (rule.at < 0) {
      rule.at = i;
    }
  }

  private void requireWeekdayAfter(List<Lexeme> l, int i) {
    if (i + 1 >= l.size() || !l.get(i + 1).is(Kind.WEEKDAY)) {
      throw fail(l, Math.min(i + 1, l.size() - 1));
    }
  }

  private static boolean clockAfter(List<Lexeme> l, int i) {
    if (i + 1 >= l.size()) {
      return false;
    }
    Kind kind = l.get(i + 1).kind();
    return kind == Kind.COLON
        || kind == Kind.AM
        || kind == Kind.PM
        || kind == Kind.DASH
        || kind == Kind.OCLOCK
        || (kind == Kind.UNIT && l.get(i + 1).hasFlag(Lexicon.CLOCKISH));
  }

  /** Takes the end of a repeat: {@code 4 fois}, {@code pendant 4 semaines}, {@code jusqu'au 17}. */
  private void ends(List<Lexeme> l, boolean[] used, Rule rule) {
    int n = l.size();
    for (int i = 0; i < n; i++) {
      Lexeme lexeme = l.get(i);
      if (lexeme.is(Kind.TIMES)) {
        if (i == 0 || !(l.get(i - 1).is(Kind.NUMBER) || l.get(i - 1).is(Kind.NUMWORD))) {
          throw fail(l, i);
        }
        rule.count = l.get(i - 1).value();
        used[i - 1] = true;
        used[i] = true;
      } else if (isWord(lexeme, "pendant", "for", "during") && i + 2 < n) {
        Lexeme amount = l.get(i + 1);
        Lexeme unit = l.get(i + 2);
        int value =
            amount.is(Kind.NUMBER) || amount.is(Kind.NUMWORD) || amount.is(Kind.ONE)
                ? (amount.is(Kind.ONE) ? 1 : amount.value())
                : -1;
        Unit counted = unitOf(unit);
        if (value > 0 && counted != null && counted.calendar()) {
          rule.forCount = value;
          rule.forUnit = counted;
          markUsed(used, i, i + 2);
        }
      } else if (lexeme.is(Kind.TO) && i + 1 < n) {
        int to = i + 1;
        while (to < n && !l.get(to).is(Kind.TIMES) && !isWord(l.get(to), "pendant", "for")) {
          to++;
        }
        List<Lexeme> right = l.subList(i + 1, to);
        if (meaningless(right, 0, right.size())) {
          continue;
        }
        Phrase until;
        try {
          until = bare(right) >= 0 ? day(right, null) : Parser.parse(text, right, false);
        } catch (CommandException e) {
          continue;
        }
        if (until.hasTime() || until.hasMidi()) {
          continue;
        }
        rule.until = until;
        markUsed(used, i, to - 1);
        i = to - 1;
      }
    }
    if ((rule.count > 0 ? 1 : 0) + (rule.forCount > 0 ? 1 : 0) + (rule.until != null ? 1 : 0) > 1) {
      throw Refusal.REPEAT_UNCLEAR.of(text);
    }
  }

  private static Unit unitOf(Lexeme lexeme) {
    return switch (lexeme.kind()) {
      case UNIT -> Unit.values()[lexeme.value()];
      case WEEK -> Unit.WEEK;
      case MONTH_WORD -> Unit.MONTH;
      case YEAR_WORD -> Unit.YEAR;
      default -> null;
    };
  }

  /** {@code à 10h et 18h}: a repeat comes once a day at most. */
  private void refuseSeveralTimesADay(List<Lexeme> l, boolean[] used) {
    for (int i = 1; i + 1 < l.size(); i++) {
      if (!l.get(i).is(Kind.AND) || used[i]) {
        continue;
      }
      Kind before = l.get(i - 1).kind();
      int next = i + 1;
      while (next < l.size() && (l.get(next).is(Kind.AT) || l.get(next).is(Kind.A))) {
        next++;
      }
      boolean timeBefore =
          before == Kind.AM
              || before == Kind.PM
              || before == Kind.NUMBER
              || before == Kind.NOON
              || before == Kind.MIDI
              || (before == Kind.UNIT && l.get(i - 1).hasFlag(Lexicon.CLOCKISH));
      if (timeBefore && next < l.size() && timeish(l, next, next + 1)) {
        throw Refusal.REPEAT_SEVERAL_A_DAY.of(text);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * {@code apres-mdi}: a word of Part 2 ({@code après}, {@code fin}…) followed by an unknown word
   * may be the start of a Part 1 word typed wrong; suggests that word.
   */
  private void suggestJoinedTypos() {
    for (int i = 1; i < all.size(); i++) {
      Lexeme unknown = all.get(i);
      Lexeme before = all.get(i - 1);
      if (unknown.is(Kind.UNKNOWN)
          && before.kind().compareTo(Kind.TO) >= 0
          && !before.is(Kind.UNKNOWN)) {
        String suggestion = Lexicon.suggestJoined(before.word(), unknown.word());
        if (suggestion != null) {
          throw Refusal.UNKNOWN_SUGGEST.of(
              text, text.substring(before.start(), unknown.end()), suggestion);
        }
      }
    }
  }

  private static int indexOf(List<Lexeme> l, Kind kind, int from) {
    for (int i = from; i < l.size(); i++) {
      if (l.get(i).is(kind)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isWord(Lexeme lexeme, String... words) {
    if (lexeme.kind() != Kind.FILLER && lexeme.kind() != Kind.ARTICLE) {
      return false;
    }
    for (String word : words) {
      if (lexeme.word().equals(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSmall(Lexeme lexeme) {
    return lexeme.is(Kind.FILLER) || lexeme.is(Kind.ARTICLE);
  }

  private static boolean meaningless(List<Lexeme> l, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isSmall(l.get(i))) {
        return false;
      }
    }
    return true;
  }

  private void onlySmallWords(List<Lexeme> l, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isSmall(l.get(i))) {
        throw fail(l, i);
      }
    }
  }

  private String typed(Lexeme lexeme) {
    return text.substring(lexeme.start(), lexeme.end());
  }

  private CommandException fail(List<Lexeme> l, int i) {
    Lexeme lexeme = l.get(Math.max(0, Math.min(i, l.size() - 1)));
    return Refusal.UNKNOWN.of(text, typed(lexeme));
  }
}
