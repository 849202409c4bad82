package org.networkeras.time;

import java.util.List;
import org.networkeras.command.CommandException;
import org.networkeras.time.Lexeme.Kind;
import org.networkeras.time.Phrase.Meridiem;
import org.networkeras.time.Phrase.Offset;
import org.networkeras.time.Phrase.Period;
import org.networkeras.time.Phrase.Relation;

/**
 * Reads lexemes into a {@link Phrase}. Word order is free where chat allows it ({@code 19h demain},
 * {@code demain à 19h}): each word fills a slot (day, weekday, date, part of the day, time, period,
 * offset), a slot filled twice or two slots that cannot go together are refused, and small words
 * ({@code le}, {@code on}, {@code du}) are skipped. Modifiers bind by position: {@code this},
 * {@code next}, {@code last} to the following word; {@code prochain}, {@code dernier}, {@code en
 * huit} to the preceding one. One pass, constant look-ahead; no backtracking.
 */
final class Parser {

  private static final int MAX_AMOUNT = 9999;

  private final String text;
  private final List<Lexeme> lexemes;
  private final int n;
  private final Phrase phrase = new Phrase();
  private int pos;

  /** A prefix modifier waiting for its word, and where it stands. */
  private Relation pending;

  private int pendingAt = -1;

  /** The lexeme a postfix modifier may apply to: a weekday or a period; -1 if none. */
  private int targetAt = -1;

  /** What {@link #duration} and {@link #amount} found. */
  private long durationMinutes;

  private int durationCount;
  private Unit durationUnit;
  private int amountValue;

  /** Whether a bare number standing last is an hour ({@code 7} in {@code 7-10pm}). */
  private final boolean hourContext;

  private Parser(String text, List<Lexeme> lexemes, boolean hourContext) {
    this.text = text;
    this.lexemes = lexemes;
    this.n = lexemes.size();
    this.hourContext = hourContext;
  }

  /**
   * Understands {@code text}, already checked to be non-blank and short enough.
   *
   * @throws CommandException when a part is not understood or parts contradict each other
   */
  static Phrase parse(String text) {
    List<Lexeme> lexemes = Lexer.lex(text);
    if (lexemes.isEmpty()) {
      throw Refusal.quote(text).isEmpty()
          ? Refusal.EMPTY.of(text)
          : Refusal.UNKNOWN.of(text, Refusal.quote(text));
    }
    refuseNegativeNumbers(text, lexemes);
    return parse(text, lexemes, false);
  }

  /**
   * Understands one part of {@code text} (the start or the end of a span, the time of a repeat):
   * {@code lexemes} is a non-empty run of its lexemes, already checked for negative numbers.
   *
   * @param hourContext whether a bare number standing last is an hour ({@code 7} in {@code 7-10pm})
   * @throws CommandException when a part is not understood or parts contradict each other
   */
  static Phrase parse(String text, List<Lexeme> lexemes, boolean hourContext) {
    if (lexemes.isEmpty()) {
      throw Refusal.UNKNOWN.of(text, Refusal.quote(text));
    }
    Parser parser = new Parser(text, lexemes, hourContext);
    while (parser.pos < parser.n) {
      parser.step();
    }
    parser.finish();
    return parser.phrase;
  }

  /** A sign is never dropped: {@code in -5 days} is refused rather than read as in 5 days. */
  static void refuseNegativeNumbers(String text, List<Lexeme> lexemes) {
    for (Lexeme l : lexemes) {
      if (l.is(Kind.NUMBER) && l.hasFlag(Lexicon.NEGATIVE)) {
        throw Refusal.NEGATIVE.of(text, text.substring(l.start() - 1, l.end()));
      }
    }
  }

  private void step() {
    Lexeme l = lexemes.get(pos);
    switch (l.kind()) {
      case FILLER, ARTICLE, AND -> pos++;
      case AT -> {
        if (pos == n - 1) {
          throw fail(pos); // "in 2 weeks at": the time is missing
        }
        pos++;
      }
      case A -> {
        int end = duration(pos);
        if (end > 0 && (kind(end) == Kind.AGO || kind(end) == Kind.FROM_NOW)) {
          number(); // "a week ago"
        } else if (pos == n - 1) {
          throw fail(pos);
        } else {
          pos++; // "à" without its accent
        }
      }
      case IN -> in();
      case WITHIN -> offsetAfter(Offset.WITHIN);
      case IL_Y_A -> offsetAfter(Offset.AGO);
      case FROM_NOW -> {
        if (phrase.offset != Offset.IN) {
          throw fail(pos);
        }
        pos++;
      }
      case THIS -> prefix(Relation.THIS);
      case NEXT -> next();
      case PROCHAIN -> prochainOrDernier(Relation.PROCHAIN);
      case LAST -> prochainOrDernier(Relation.LAST);
      case EN_N -> enN(l.value());
      case DAY -> relativeDay(l.value(), true);
      case TONIGHT -> {
        refuseModifier();
        relativeDay(0, false);
        setPart(Part.EVENING, pos - 1);
      }
      case WEEKDAY -> weekday(l.value());
      case MAR -> mar();
      case MONTH -> monthFirst(l.value());
      case PART -> part(Part.values()[l.value()]);
      case MIDI -> midi();
      case NOON -> namedTime(false);
      case MIDNIGHT -> namedTime(true);
      case WEEK -> period(Period.WEEK, 0, 0);
      case WEEKEND -> period(Period.WEEKEND, 0, 0);
      case MONTH_WORD -> period(Period.MONTH, 0, 0);
      case YEAR_WORD -> period(Period.YEAR, 0, 0);
      case ONE -> one();
      case NUMBER, NUMWORD, HALF, HALF_HOUR, QUARTER_HOUR -> number();
      default -> throw fail(pos);
    }
  }

  // ---------------------------------------------------------------- modifiers

  private void prefix(Relation relation) {
    if (pending != null) {
      throw fail(pos);
    }
    pending = relation;
    pendingAt = pos;
    pos++;
  }

  /** Takes the waiting prefix modifier, if any. */
  private Relation takePending() {
    Relation relation = pending;
    pending = null;
    pendingAt = -1;
    return relation;
  }

  /** Refuses a waiting modifier before a word that takes none ({@code next tomorrow}). */
  private void refuseModifier() {
    if (pending != null) {
      throw fail(pos);
    }
  }

  private void next() {
    int end = duration(pos + 1);
    if (end > 0) {
      setOffset(Offset.NEXT_N, pos, end);
      return;
    }
    if (oneHourOrMinute(pos + 1)) {
      setOffset(Offset.NEXT_N, pos, pos + 2);
      return;
    }
    prefix(Relation.NEXT);
  }

  /**
   * {@code prochain}/{@code dernier}: after its word ({@code samedi prochain 10h}), in a count
   * ({@code prochaines 24 heures}), or before its word ({@code le prochain samedi}), in that order.
   */
  private void prochainOrDernier(Relation relation) {
    if (targetAt >= 0 && targetAt == previousMeaningful(pos)) {
      applyToTarget(relation, 0);
      pos++;
      return;
    }
    Offset offset = relation == Relation.LAST ? Offset.LAST_N : Offset.NEXT_N;
    int end = duration(pos + 1);
    if (end > 0) {
      setOffset(offset, pos, end);
      return;
    }
    if (oneHourOrMinute(pos + 1)) {
      setOffset(offset, pos, pos + 2);
      return;
    }
    prefix(relation);
  }

  private void enN(int days) {
    if (targetAt < 0
        || targetAt != previousMeaningful(pos)
        || !lexemes.get(targetAt).is(Kind.WEEKDAY)) {
      throw fail(pos);
    }
    applyToTarget(Relation.PROCHAIN, days);
    pos++;
  }

  private void applyToTarget(Relation relation, int extraDays) {
    if (phrase.weekdayAt == targetAt) {
      if (phrase.weekdayRelation != Relation.UPCOMING) {
        throw conflict(pos);
      }
      phrase.weekdayRelation = relation;
      phrase.weekdayExtraDays = extraDays;
    } else {
      if (phrase.periodRelation != Relation.UPCOMING) {
        throw conflict(pos);
      }
      phrase.periodRelation = relation;
    }
    if (relation == Relation.LAST) {
      phrase.pastWord = true;
    }
    targetAt = -1;
  }

  // ---------------------------------------------------------------- days

  private void relativeDay(int offset, boolean pastWord) {
    refuseModifier();
    if (phrase.hasRelativeDay()) {
      throw conflict(pos);
    }
    phrase.relativeDay = offset;
    phrase.relativeDayAt = pos;
    if (pastWord && offset <= 0) {
      phrase.pastWord = true;
    }
    pos++;
  }

  private void weekday(int day) {
    Relation relation = takePending();
    if (phrase.hasWeekday()) {
      throw conflict(pos);
    }
    phrase.weekday = day;
    phrase.weekdayRelation =
        relation == null || relation == Relation.THIS ? Relation.UPCOMING : relation;
    phrase.weekdayAt = pos;
    if (relation == Relation.LAST) {
      phrase.pastWord = true;
    }
    targetAt = pos;
    pos++;
  }

  /** {@code mar}: March when a day number is next to it, else mardi. */
  private void mar() {
    if (dayNumberAt(pos + 1) && !monthAt(pos + 2)) {
      monthFirst(3);
    } else {
      weekday(2);
    }
  }

  private void part(Part part) {
    Relation relation = takePending();
    int at = pos;
    if (relation == Relation.THIS) {
      phrase.thisPartAt = at;
      phrase.pastWord = true;
    } else if (relation == Relation.LAST && (part == Part.EVENING || part == Part.NIGHT)) {
      if (phrase.hasRelativeDay()) {
        throw conflict(at);
      }
      phrase.relativeDay = -1;
      phrase.relativeDayAt = at;
      phrase.pastWord = true;
    } else if (relation != null) {
      throw fail(at);
    }
    setPart(part, at);
    pos = at + 1;
  }

  private void setPart(Part part, int at) {
    if (phrase.hasPart() || phrase.hasMidi()) {
      throw conflict(at);
    }
    phrase.part = part;
    phrase.partAt = at;
  }

  /** {@code midi}: a time after {@code à} or with minutes; otherwise lunch or noon, said later. */
  private void midi() {
    Relation relation = takePending();
    int at = pos;
    int end = minutesAfter(pos + 1);
    if (end > pos + 1 || isAt(previousMeaningful(pos))) {
      if (relation != null) {
        throw fail(at);
      }
      setTime(12, amountValue, Meridiem.H24, false, at, end);
      pos = end;
      return;
    }
    if (relation == Relation.THIS) {
      phrase.thisPartAt = at;
      phrase.pastWord = true;
    } else if (relation != null) {
      throw fail(at);
    }
    if (phrase.hasMidi() || phrase.hasPart() || phrase.hasTime()) {
      throw conflict(at);
    }
    phrase.midiAt = at;
    pos = at + 1;
  }

  private void namedTime(boolean midnight) {
    refuseModifier();
    int end = minutesAfter(pos + 1);
    setTime(midnight ? 0 : 12, amountValue, Meridiem.H24, midnight, pos, end);
    pos = end;
  }

  /**
   * Minutes after {@code midi}, {@code 19 h}…: {@code et demie}, {@code et quart}, {@code 30},
   * {@code trente}. Leaves them in {@link #amountValue} (0 if none) and returns the index after.
   */
  private int minutesAfter(int i) {
    amountValue = 0;
    if (kind(i) == Kind.AND && (kind(i + 1) == Kind.HALF || kind(i + 1) == Kind.QUARTER)) {
      amountValue = kind(i + 1) == Kind.HALF ? 30 : 15;
      return i + 2;
    }
    Lexeme l = at(i);
    if (l != null
        && ((l.is(Kind.NUMBER) && l.digits() == 2) || l.is(Kind.NUMWORD))
        && !followsAsDateOrUnit(i + 1)) {
      int end = amount(i);
      if (end > 0 && amountValue < 60) {
        return end;
      }
    }
    amountValue = 0;
    return i;
  }

  // ---------------------------------------------------------------- periods

  private void period(Period period, int month, int year) {
    Relation relation = takePending();
    if (phrase.hasPeriod()) {
      throw conflict(pos);
    }
    phrase.period = period;
    phrase.periodRelation = relation == null ? Relation.UPCOMING : relation;
    phrase.periodMonth = month;
    phrase.periodYear = year;
    phrase.periodAt = pos;
    if (relation == Relation.LAST
        || year > 0
        || (relation == Relation.THIS && (period == Period.WEEK || period == Period.MONTH_NAME))) {
      phrase.pastWord = true;
    }
    targetAt = year > 0 ? -1 : pos;
    pos++;
  }

  /** {@code an}: a year in {@code l'an prochain}, otherwise one of a unit. */
  private void one() {
    Lexeme l = lexemes.get(pos);
    if (l.hasFlag(Lexicon.YEAR_UNIT)
        && (kind(pos + 1) == Kind.PROCHAIN || kind(pos + 1) == Kind.LAST)) {
      period(Period.YEAR, 0, 0);
      return;
    }
    number();
  }

  // ---------------------------------------------------------------- months and dates

  /**
   * A month name first: {@code March 12}, {@code Dec 5th 2026}, {@code mars 2027}, {@code mars}.
   */
  private void monthFirst(int month) {
    int at = pos;
    Lexeme next = at(pos + 1);
    if (dayNumberAt(pos + 1)) {
      int end = pos + 2;
      if (kind(end) == Kind.SUFFIX && lexemes.get(end).glued()) {
        end++;
      }
      int year = 0;
      if (yearAt(end)) {
        year = lexemes.get(end).value();
        end++;
      }
      setDate(next.value(), month, year, at, end);
      pos = end;
      return;
    }
    if (yearAt(pos + 1)) {
      Relation relation = takePending();
      if (relation != null) {
        throw fail(pendingAtOr(at));
      }
      period(Period.MONTH_NAME, month, lexemes.get(pos + 1).value());
      pos++;
      return;
    }
    period(Period.MONTH_NAME, month, 0);
  }

  private int pendingAtOr(int fallback) {
    return pendingAt >= 0 ? pendingAt : fallback;
  }

  /** Everything that starts with a number or a number word. */
  private void number() {
    int i = pos;
    Lexeme l = lexemes.get(i);
    int end = duration(i);
    if (end > 0 && kind(end) == Kind.AGO) {
      setOffset(Offset.AGO, i, end + 1);
      return;
    }
    if (end > 0 && kind(end) == Kind.FROM_NOW) {
      setOffset(Offset.IN, i, end + 1);
      return;
    }
    if (l.is(Kind.NUMBER)) {
      end = slashDate(i);
      if (end < 0) {
        end = clock(i);
      }
      if (end < 0) {
        end = dotDate(i);
      }
      if (end < 0) {
        end = dayMonth(i);
      }
      if (end > 0) {
        pos = end;
        return;
      }
    } else if (l.is(Kind.NUMWORD) && l.word().equals("sept") && dayNumberAt(i + 1)) {
      monthFirst(9);
      return;
    }
    int counted = amount(i);
    Kind after = kind(counted);
    Unit unit = counted > 0 ? unitAt(counted + 1) : null;
    if (unit != null && (after == Kind.PROCHAIN || after == Kind.LAST)) {
      // "les 3 prochains jours", "les 24 dernières heures"
      if (unit.calendar()) {
        durationMinutes = 0;
        durationCount = amountValue * (twice(counted + 1) ? 2 : 1);
        durationUnit = unit;
      } else {
        minutesOnly((long) amountValue * (unit == Unit.HOUR ? 60 : 1), counted + 2);
      }
      setOffset(after == Kind.PROCHAIN ? Offset.NEXT_N : Offset.LAST_N, i, counted + 2);
      return;
    }
    if (l.is(Kind.NUMBER) && l.digits() <= 2) {
      Kind before = kind(previousMeaningful(i));
      if (hourContext && i == n - 1 && before != Kind.ARTICLE) {
        setClock(l.value(), 0, Meridiem.EITHER, i, i + 1);
        pos = i + 1;
        return;
      }
      if (before == Kind.WEEKDAY || before == Kind.ARTICLE) {
        setDayOfMonth(i);
        return;
      }
      if (isAt(previousMeaningful(i))
          || before == Kind.DAY
          || before == Kind.TONIGHT
          || before == Kind.PART
          || partFollows(i + 1)) {
        setClock(l.value(), 0, Meridiem.EITHER, i, i + 1);
        pos = i + 1;
        return;
      }
    }
    throw fail(i);
  }

  private void setDayOfMonth(int i) {
    int value = lexemes.get(i).value();
    if (value < 1 || value > 31) {
      throw invalidDate(i, i + 1);
    }
    setDate(value, 0, 0, i, i + 1);
    pos = i + 1;
  }

  /** {@code 12/03}, {@code 12/03/2026}, {@code 12/03/26}, {@code 2026/03/12}. */
  private int slashDate(int i) {
    if (kind(i + 1) != Kind.SLASH || kind(i + 2) != Kind.NUMBER) {
      return -1;
    }
    int end = i + 3;
    Lexeme third = null;
    if (kind(end) == Kind.SLASH && kind(end + 1) == Kind.NUMBER) {
      third = lexemes.get(end + 1);
      end += 2;
    }
    Lexeme first = lexemes.get(i);
    Lexeme second = lexemes.get(i + 2);
    if (first.digits() == 4 && third != null) {
      return ymd(first, second, third, i, end);
    }
    int year = 0;
    if (third != null) {
      year = third.digits() == 4 ? third.value() : third.digits() == 2 ? 2000 + third.value() : -1;
    }
    if (first.digits() > 2 || second.digits() > 2 || year < 0) {
      throw invalidDate(i, end);
    }
    int a = first.value();
    int b = second.value();
    if (validDate(a, b, year)) {
      setDate(a, b, year, i, end);
    } else if (validDate(b, a, year)) {
      setDate(b, a, year, i, end);
    } else {
      throw invalidDate(i, end);
    }
    return end;
  }

  /** {@code 2026-03-12} (also read by {@link #dotDate} and {@link #slashDate} orders). */
  private int ymd(Lexeme year, Lexeme month, Lexeme day, int i, int end) {
    if (month.digits() > 2
        || day.digits() > 2
        || !validDate(day.value(), month.value(), year.value())) {
      throw invalidDate(i, end);
    }
    setDate(day.value(), month.value(), year.value(), i, end);
    return end;
  }

  /**
   * {@code 12.03}, {@code 12.03.2026} (when not a time such as {@code 7.30pm}); {@code 2026-03-12}.
   */
  private int dotDate(int i) {
    Kind separator = kind(i + 1);
    if ((separator != Kind.DOT && separator != Kind.DASH) || kind(i + 2) != Kind.NUMBER) {
      return -1;
    }
    Lexeme first = lexemes.get(i);
    Lexeme second = lexemes.get(i + 2);
    if (separator == Kind.DASH) {
      if (first.digits() == 4 && kind(i + 3) == Kind.DASH && kind(i + 4) == Kind.NUMBER) {
        return ymd(first, second, lexemes.get(i + 4), i, i + 5);
      }
      throw fail(i + 1);
    }
    int end = i + 3;
    int year = 0;
    if (kind(end) == Kind.DOT && kind(end + 1) == Kind.NUMBER) {
      Lexeme third = lexemes.get(end + 1);
      year = third.digits() == 4 ? third.value() : third.digits() == 2 ? 2000 + third.value() : -1;
      end += 2;
    }
    if (first.digits() > 2
        || second.digits() > 2
        || year < 0
        || !validDate(first.value(), second.value(), year)) {
      throw invalidDate(i, end);
    }
    setDate(first.value(), second.value(), year, i, end);
    return end;
  }

  /** {@code 12 mars}, {@code 1er mai}, {@code 5th of December 2026}, {@code 12th}. */
  private int dayMonth(int i) {
    Lexeme day = lexemes.get(i);
    if (day.digits() > 2) {
      return -1;
    }
    int end = i + 1;
    boolean ordinal = false;
    if (kind(end) == Kind.SUFFIX && lexemes.get(end).glued()) {
      ordinal = true;
      end++;
    }
    int monthAt = end;
    if (kind(monthAt) == Kind.FILLER && monthAt(monthAt + 1)) {
      monthAt++;
    }
    if (monthAt(monthAt)) {
      Lexeme month = lexemes.get(monthAt);
      int monthValue = month.is(Kind.MONTH) ? month.value() : month.is(Kind.MAR) ? 3 : 9;
      end = monthAt + 1;
      int year = 0;
      if (yearAt(end)) {
        year = lexemes.get(end).value();
        end++;
      }
      if (!validDate(day.value(), monthValue, year)) {
        throw invalidDate(i, end);
      }
      setDate(day.value(), monthValue, year, i, end);
      return end;
    }
    if (ordinal) {
      setDayOfMonth(i);
      return end;
    }
    return -1;
  }

  private static boolean validDate(int day, int month, int year) {
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    int max =
        switch (month) {
          case 2 -> year == 0 || java.time.Year.isLeap(year) ? 29 : 28;
          case 4, 6, 9, 11 -> 30;
          default -> 31;
        };
    return day <= max;
  }

  private void setDate(int day, int month, int year, int startLexeme, int endLexeme) {
    refuseModifierAt(startLexeme);
    if (phrase.hasDate()) {
      throw conflict(startLexeme);
    }
    phrase.day = day;
    phrase.month = month;
    phrase.year = year;
    phrase.dateAt = startLexeme;
    phrase.dateStart = lexemes.get(startLexeme).start();
    phrase.dateEnd = lexemes.get(endLexeme - 1).end();
    if (year > 0) {
      phrase.pastWord = true;
    }
  }

  private void refuseModifierAt(int at) {
    if (pending != null) {
      throw fail(at);
    }
  }

  // ---------------------------------------------------------------- clock

  /**
   * {@code 18:00}, {@code 7:30pm}, {@code 7.30pm}, {@code 7pm}, {@code 19h}, {@code 19h30}, {@code
   * 19 heures 30}, {@code 8h et demie}, {@code 7 o'clock}. Returns the index after it, or -1.
   */
  private int clock(int i) {
    Lexeme hourLexeme = lexemes.get(i);
    int hour = hourLexeme.digits() <= 2 ? hourLexeme.value() : -1;
    Kind next = kind(i + 1);
    if ((next == Kind.COLON || next == Kind.DOT) && kind(i + 2) == Kind.NUMBER) {
      Lexeme minutes = lexemes.get(i + 2);
      int end = i + 3;
      Meridiem meridiem = meridiemAt(end);
      if (meridiem != null) {
        end++;
      } else if (next == Kind.DOT) {
        if (!clockishAt(end)) {
          return -1; // 12.03 is a date
        }
        meridiem = Meridiem.H24;
        end++;
      } else {
        meridiem = Meridiem.H24;
        if (clockishAt(end) && lexemes.get(end).glued()) {
          end++; // 19:30h
        }
      }
      int minute = minutes.digits() == 2 ? minutes.value() : -1;
      setClock(hour, minute, meridiem, i, end);
      return end;
    }
    Meridiem meridiem = meridiemAt(i + 1);
    if (meridiem != null) {
      setClock(hour, 0, meridiem, i, i + 2);
      return i + 2;
    }
    if (clockishAt(i + 1)) {
      int end = i + 2;
      int minute = 0;
      Lexeme after = at(end);
      if (after != null
          && after.is(Kind.NUMBER)
          && (after.glued() || after.digits() == 2)
          && !followsAsDateOrUnit(end + 1)) {
        minute = after.digits() <= 2 ? after.value() : -1;
        end++;
      } else {
        int afterMinutes = minutesAfter(end);
        if (afterMinutes > end && kind(end) == Kind.AND) {
          minute = amountValue;
          end = afterMinutes;
        }
      }
      setClock(hour, minute, Meridiem.H24, i, end);
      return end;
    }
    if (kind(i + 1) == Kind.OCLOCK) {
      setClock(hour, 0, Meridiem.EITHER, i, i + 2);
      return i + 2;
    }
    return -1;
  }

  /** Validates and stores a clock time; {@code 24h}/{@code 24:00} is midnight. */
  private void setClock(int hour, int minute, Meridiem meridiem, int start, int end) {
    if (minute < 0 || minute > 59 || hour < 0) {
      throw invalidTime(start, end);
    }
    switch (meridiem) {
      case AM, PM -> {
        if (hour < 1 || hour > 12) {
          throw invalidTime(start, end);
        }
        hour = hour % 12 + (meridiem == Meridiem.PM ? 12 : 0);
        setTime(hour, minute, meridiem, false, start, end);
      }
      case EITHER -> {
        if (hour > 23) {
          throw invalidTime(start, end);
        }
        setTime(
            hour,
            minute,
            hour >= 1 && hour <= 12 ? Meridiem.EITHER : Meridiem.H24,
            false,
            start,
            end);
      }
      default -> {
        if (hour == 24 && minute == 0) {
          setTime(0, 0, Meridiem.H24, true, start, end);
        } else if (hour > 23) {
          throw invalidTime(start, end);
        } else {
          setTime(hour, minute, Meridiem.H24, false, start, end);
        }
      }
    }
  }

  private void setTime(
      int hour, int minute, Meridiem meridiem, boolean midnight, int start, int end) {
    if (phrase.hasTime() || phrase.hasMidi()) {
      throw conflict(start);
    }
    phrase.hour = hour;
    phrase.minute = minute;
    phrase.meridiem = meridiem;
    phrase.midnight = midnight;
    phrase.timeAt = start;
    phrase.timeStart = lexemes.get(start).start();
    phrase.timeEnd = lexemes.get(Math.max(start, end - 1)).end();
  }

  private Meridiem meridiemAt(int i) {
    Kind kind = kind(i);
    return kind == Kind.AM ? Meridiem.AM : kind == Kind.PM ? Meridiem.PM : null;
  }

  private boolean clockishAt(int i) {
    Lexeme l = at(i);
    return l != null && l.is(Kind.UNIT) && l.hasFlag(Lexicon.CLOCKISH);
  }

  // ---------------------------------------------------------------- offsets

  private void in() {
    int end = duration(pos + 1);
    if (end > 0) {
      setOffset(Offset.IN, pos, end);
    } else {
      pos++; // "in the morning", "dans la soirée", "in March"
    }
  }

  private void offsetAfter(Offset offset) {
    int end = duration(pos + 1);
    if (end < 0) {
      throw fail(pos + 1 < n ? pos + 1 : pos);
    }
    setOffset(offset, pos, end);
  }

  private void setOffset(Offset offset, int start, int end) {
    refuseModifierAt(start);
    if (phrase.hasOffset()) {
      throw conflict(start);
    }
    if (amountValue > MAX_AMOUNT) {
      throw Refusal.TOO_FAR.of(text, Refusal.MAX_YEARS);
    }
    if (durationMinutes <= 0 && durationCount <= 0) {
      throw fail(start);
    }
    phrase.offset = offset;
    phrase.offsetMinutes = durationMinutes;
    phrase.offsetCount = durationCount;
    phrase.offsetUnit = durationUnit;
    phrase.offsetAt = start;
    if (offset == Offset.AGO || offset == Offset.LAST_N) {
      phrase.pastWord = true;
    }
    pos = end;
  }

  /** {@code next hour}, {@code la dernière heure}: one hour or one minute, no number. */
  private boolean oneHourOrMinute(int i) {
    Unit unit = unitAt(i);
    if (unit == Unit.HOUR || unit == Unit.MINUTE) {
      durationMinutes = unit == Unit.HOUR ? 60 : 1;
      durationCount = 0;
      durationUnit = Unit.MINUTE;
      amountValue = 1;
      return true;
    }
    return false;
  }

  /**
   * A duration at {@code i}: {@code 3 days}, {@code une semaine}, {@code 2h30}, {@code 1 hour and
   * 30 minutes}, {@code 2 heures et demie}, {@code half an hour}, {@code huit jours}. Sub-day parts
   * add up in {@link #durationMinutes}; a day-or-longer duration is one count of one unit. Returns
   * the index after it, or -1.
   */
  private int duration(int i) {
    durationMinutes = 0;
    durationCount = 0;
    durationUnit = null;
    amountValue = 0;
    int j = i;
    if (isOne(j) && (kind(j + 1) == Kind.HALF_HOUR || kind(j + 1) == Kind.QUARTER_HOUR)) {
      j++;
    }
    if (kind(j) == Kind.HALF_HOUR || kind(j) == Kind.QUARTER_HOUR) {
      return minutesOnly(lexemes.get(j).value(), j + 1);
    }
    if (kind(j) == Kind.HALF) {
      int k = isOne(j + 1) ? j + 2 : j + 1;
      return unitAt(k) == Unit.HOUR ? minutesOnly(30, k + 1) : -1;
    }
    int end = -1;
    long minutes = 0;
    int largest = 0;
    while (true) {
      int unitIndex = amount(j);
      if (unitIndex < 0) {
        break;
      }
      int value = amountValue;
      largest = Math.max(largest, value);
      Unit unit = unitAt(unitIndex);
      if (unit == null) {
        Lexeme l = lexemes.get(j);
        if (end > 0 && l.is(Kind.NUMBER) && l.digits() == 2 && value < 60) {
          minutes += value; // "1 heure 30"
          end = unitIndex;
        }
        break;
      }
      if (unit.calendar()) {
        if (end > 0) {
          break; // "2 hours 3 days": the days are left over and refused
        }
        int count = value * (twice(unitIndex) ? 2 : 1);
        if (unit == Unit.DAY && lexemes.get(j).hasFlag(Lexicon.IDIOM)) {
          count = value == 8 ? 7 : 14; // "huit jours" is a week, "quinze jours" two
        }
        durationUnit = unit;
        durationCount = count;
        amountValue = largest;
        return unitIndex + 1;
      }
      int after = unitIndex + 1;
      minutes += (long) value * (unit == Unit.HOUR ? 60 : 1);
      Lexeme glued = at(after);
      if (unit == Unit.HOUR
          && glued != null
          && glued.is(Kind.NUMBER)
          && glued.glued()
          && glued.digits() <= 2
          && lexemes.get(unitIndex).glued()) {
        if (glued.value() > 59) {
          return -1;
        }
        minutes += glued.value(); // "1h30"
        after++;
      }
      end = after;
      if (unit == Unit.HOUR && kind(end) == Kind.AND) {
        if (kind(end + 1) == Kind.HALF || kind(end + 1) == Kind.QUARTER) {
          minutes += kind(end + 1) == Kind.HALF ? 30 : 15; // "2 heures et demie"
          end += 2;
        } else if (isOne(end + 1) && kind(end + 2) == Kind.HALF) {
          minutes += 30; // "an hour and a half"
          end += 3;
        }
      }
      j = kind(end) == Kind.AND ? end + 1 : end;
    }
    if (end < 0) {
      return -1;
    }
    amountValue = largest;
    return minutesOnly(minutes, end);
  }

  private int minutesOnly(long minutes, int end) {
    durationMinutes = minutes;
    durationCount = 0;
    durationUnit = Unit.MINUTE;
    return end;
  }

  /**
   * A count at {@code i}: digits, number words ({@code vingt quatre}), or one ({@code a}, {@code
   * une}). Leaves it in {@link #amountValue}; returns the index after, or -1.
   */
  private int amount(int i) {
    Lexeme l = at(i);
    if (l == null) {
      return -1;
    }
    switch (l.kind()) {
      case NUMBER -> {
        if (kind(i + 1) == Kind.SLASH || kind(i + 1) == Kind.COLON || kind(i + 1) == Kind.DOT) {
          return -1;
        }
        amountValue = l.value();
        return i + 1;
      }
      case NUMWORD -> {
        amountValue = l.value();
        Lexeme next = at(i + 1);
        if (l.value() >= 20
            && l.value() % 10 == 0
            && next != null
            && next.is(Kind.NUMWORD)
            && next.value() < 10) {
          amountValue += next.value();
          return i + 2;
        }
        return i + 1;
      }
      case ONE, A -> {
        amountValue = 1;
        return i + 1;
      }
      default -> {
        return -1;
      }
    }
  }

  /** The unit a word names after a count, or null. */
  private Unit unitAt(int i) {
    Lexeme l = at(i);
    if (l == null) {
      return null;
    }
    return switch (l.kind()) {
      case UNIT -> Unit.values()[l.value()];
      case WEEK -> Unit.WEEK;
      case MONTH_WORD -> Unit.MONTH;
      case YEAR_WORD -> Unit.YEAR;
      case ONE -> l.hasFlag(Lexicon.YEAR_UNIT) ? Unit.YEAR : null;
      case FILLER -> l.hasFlag(Lexicon.DAY_LETTER) && l.glued() ? Unit.DAY : null;
      default -> null;
    };
  }

  private boolean twice(int i) {
    Lexeme l = at(i);
    return l != null && l.hasFlag(Lexicon.TWICE);
  }

  private boolean isOne(int i) {
    Kind kind = kind(i);
    return kind == Kind.ONE || kind == Kind.A;
  }

  // ---------------------------------------------------------------- the end

  /** Checks what the slots say together. */
  private void finish() {
    if (pending != null) {
      throw fail(pendingAt);
    }
    Phrase p = phrase;
    if (p.hasPeriod()
        && p.periodRelation == Relation.UPCOMING
        && (p.period == Period.WEEK || p.period == Period.MONTH || p.period == Period.YEAR)) {
      throw fail(p.periodAt); // "semaine" alone
    }
    boolean weekdayInWeek = p.hasPeriod() && p.period == Period.WEEK && p.hasWeekday();
    boolean dayLike = p.hasRelativeDay() || p.hasDate() || p.hasWeekday() || p.thisPartAt >= 0;
    boolean clockLike = p.hasPart() || p.hasTime() || p.hasMidi();
    if (p.hasOffset()) {
      boolean dayOffset = p.calendarOffset() && (p.offset == Offset.IN || p.offset == Offset.AGO);
      int other = latest(p.relativeDayAt, p.dateAt, p.weekdayAt, p.periodAt, p.thisPartAt);
      if (!dayOffset) {
        other = Math.max(other, latest(p.partAt, p.timeAt, p.midiAt));
      }
      if (other >= 0) {
        throw conflict(Math.max(other, p.offsetAt));
      }
    }
    if (p.hasPeriod() && !weekdayInWeek) {
      int other =
          latest(
              p.relativeDayAt, p.dateAt, p.weekdayAt, p.thisPartAt, p.partAt, p.timeAt, p.midiAt);
      if (other >= 0) {
        throw conflict(Math.max(other, p.periodAt));
      }
    }
    if (weekdayInWeek) {
      int other = latest(p.relativeDayAt, p.dateAt, p.thisPartAt);
      if (other >= 0) {
        throw conflict(Math.max(other, Math.max(p.periodAt, p.weekdayAt)));
      }
    }
    if (p.hasRelativeDay() && p.hasDate()) {
      throw conflict(Math.max(p.relativeDayAt, p.dateAt));
    }
    if (p.thisPartAt >= 0) {
      int other =
          latest(p.dateAt, p.weekdayAt, p.relativeDayAt == p.thisPartAt ? -1 : p.relativeDayAt);
      if (other >= 0) {
        throw conflict(Math.max(other, p.thisPartAt));
      }
    }
    if (p.hasTime() && p.hasPart() && !fits(p)) {
      if (p.timeAt > p.partAt) {
        throw Refusal.CONFLICT.of(text, text.substring(p.timeStart, p.timeEnd));
      }
      throw conflict(p.partAt);
    }
    if (!dayLike && !clockLike && !p.hasPeriod() && !p.hasOffset()) {
      throw fail(0); // only small words
    }
  }

  /** Whether a time written with am/pm or a 24-hour clock agrees with the part of the day. */
  private static boolean fits(Phrase p) {
    if (p.midnight) {
      return p.part == Part.EVENING || p.part == Part.NIGHT;
    }
    if (p.part.beforeNoon()) {
      return p.meridiem != Meridiem.PM && p.hour < 12;
    }
    if (p.part.afterNoon()) {
      return p.meridiem != Meridiem.AM && (p.hour >= 1 || p.meridiem == Meridiem.EITHER);
    }
    return true;
  }

  private static int latest(int... indexes) {
    int max = -1;
    for (int index : indexes) {
      max = Math.max(max, index);
    }
    return max;
  }

  // ---------------------------------------------------------------- helpers

  private Lexeme at(int i) {
    return i >= 0 && i < n ? lexemes.get(i) : null;
  }

  private Kind kind(int i) {
    return i >= 0 && i < n ? lexemes.get(i).kind() : null;
  }

  /**
   * The index of the nearest lexeme before {@code i} that is not a filler or {@code de}; -1 if
   * none.
   */
  private int previousMeaningful(int i) {
    int j = i - 1;
    while (j >= 0 && kind(j) == Kind.FILLER) {
      j--;
    }
    return j;
  }

  private boolean isAt(int i) {
    Kind kind = kind(i);
    return kind == Kind.AT || kind == Kind.A;
  }

  /** Whether a part of the day follows, maybe after {@code in the}, {@code du}, {@code de l'}. */
  private boolean partFollows(int i) {
    int j = i;
    while (kind(j) == Kind.FILLER || kind(j) == Kind.IN || kind(j) == Kind.ARTICLE) {
      j++;
    }
    Kind kind = kind(j);
    return kind == Kind.PART || kind == Kind.TONIGHT || kind == Kind.DAY;
  }

  private boolean dayNumberAt(int i) {
    Lexeme l = at(i);
    return l != null
        && l.is(Kind.NUMBER)
        && l.digits() <= 2
        && l.value() >= 1
        && l.value() <= 31
        && !followsAsTime(i + 1);
  }

  private boolean followsAsTime(int i) {
    Kind kind = kind(i);
    return kind == Kind.COLON
        || kind == Kind.DOT
        || kind == Kind.AM
        || kind == Kind.PM
        || kind == Kind.OCLOCK
        || clockishAt(i)
        || (kind == Kind.UNIT);
  }

  private boolean followsAsDateOrUnit(int i) {
    Kind kind = kind(i);
    return monthAt(i)
        || kind == Kind.SUFFIX
        || kind == Kind.SLASH
        || kind == Kind.UNIT
        || kind == Kind.WEEK
        || kind == Kind.MONTH_WORD
        || kind == Kind.YEAR_WORD;
  }

  private boolean monthAt(int i) {
    Lexeme l = at(i);
    return l != null
        && (l.is(Kind.MONTH) || l.is(Kind.MAR) || (l.is(Kind.NUMWORD) && l.word().equals("sept")));
  }

  private boolean yearAt(int i) {
    Lexeme l = at(i);
    return l != null && l.is(Kind.NUMBER) && l.digits() == 4 && !followsAsTime(i + 1);
  }

  // ---------------------------------------------------------------- refusals

  /** The part of the phrase that lexemes {@code [from, to)} cover, as typed. */
  private String typed(int from, int to) {
    return text.substring(lexemes.get(from).start(), lexemes.get(Math.max(from, to - 1)).end());
  }

  private CommandException fail(int i) {
    int index = Math.max(0, Math.min(i, n - 1));
    Lexeme l = lexemes.get(index);
    String part = typed(index, index + 1);
    if (l.is(Kind.UNKNOWN)) {
      Lexeme next = at(index + 1);
      String suggestion =
          Lexicon.suggest(l.word(), next != null && next.is(Kind.UNKNOWN) ? next.word() : null);
      if (suggestion != null) {
        return Refusal.UNKNOWN_SUGGEST.of(text, part, suggestion);
      }
    }
    return Refusal.UNKNOWN.of(text, part);
  }

  private CommandException conflict(int i) {
    int index = Math.max(0, Math.min(i, n - 1));
    return Refusal.CONFLICT.of(text, typed(index, index + 1));
  }

  private CommandException invalidDate(int from, int to) {
    return Refusal.INVALID_DATE.of(text, typed(from, Math.min(to, n)));
  }

  private CommandException invalidTime(int from, int to) {
    return Refusal.INVALID_TIME.of(text, typed(from, Math.min(to, n)));
  }
}
