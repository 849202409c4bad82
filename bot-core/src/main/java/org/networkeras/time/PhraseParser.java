package org.networkeras.time;

import java.time.Month;
import java.time.Year;
import java.util.Arrays;
import org.networkeras.command.CommandException;
import org.networkeras.time.Lexicon.Kind;
import org.networkeras.time.Lexicon.Unit;
import org.networkeras.time.ParsedPhrase.OffsetKind;
import org.networkeras.time.ParsedPhrase.Period;
import org.networkeras.time.ParsedPhrase.TimeForm;
import org.networkeras.time.ParsedPhrase.WeekdayMode;

/**
 * Reads a phrase into a {@link ParsedPhrase}: looks every word up in the {@link Lexicon} (the first
 * unknown word is refused at once, with the nearest known spelling), drops fillers, then walks the
 * words left to right, each construct looking at most four words ahead. Linear in the length of the
 * phrase; no regular expressions, no backtracking. One instance per phrase.
 */
final class PhraseParser {

  private static final Unit[] UNITS = Unit.values();
  private static final Part[] PARTS = Part.values();
  private static final Lexicon.DayWord[] DAY_WORDS = Lexicon.DayWord.values();

  /** Offsets beyond these are refused rather than resolved to a far future. */
  private static final int MAX_MINUTES = 60 * 24 * 366;

  private static final int MAX_HOURS = 24 * 366;
  private static final int MAX_DAYS = 3660;
  private static final int MAX_WEEKS = 520;
  private static final int MAX_MONTHS = 120;

  private final String phrase;
  private final ParsedPhrase result;
  private final Kind[] kind;
  private final int[] value;
  private final int[] digits;
  private final int[] from;
  private final int[] to;
  private final String[] text;
  private int size;
  private int at;

  private PhraseParser(String phrase, int capacity) {
    this.phrase = phrase;
    this.result = new ParsedPhrase(phrase);
    this.kind = new Kind[capacity];
    this.value = new int[capacity];
    this.digits = new int[capacity];
    this.from = new int[capacity];
    this.to = new int[capacity];
    this.text = new String[capacity];
  }

  /**
   * Parses a non-blank phrase of bounded length.
   *
   * @throws CommandException when a word is unknown, out of place, or names an impossible date or
   *     time
   */
  static ParsedPhrase parse(String phrase) {
    PhraseTokenizer.Words words = PhraseTokenizer.tokenize(phrase);
    PhraseParser parser = new PhraseParser(phrase, Math.max(1, words.size));
    parser.lex(words);
    parser.walk();
    parser.finish();
    return parser.result;
  }

  // ---------------------------------------------------------------- words

  private void lex(PhraseTokenizer.Words words) {
    int j = 0;
    while (j < words.size) {
      String word = words.text[j];
      if (words.digits[j]) {
        int length = word.length();
        push(Kind.NUM, length <= 4 ? Integer.parseInt(word) : -1, length, words, j, j, word);
        j++;
        continue;
      }
      Lexicon.Entry entry = null;
      int consumed = 1;
      if (Lexicon.startsPhrase(word)) {
        if (j + 2 < words.size) {
          entry = Lexicon.phrase(word + ' ' + words.text[j + 1] + ' ' + words.text[j + 2]);
          consumed = 3;
        }
        if (entry == null && j + 1 < words.size) {
          entry = Lexicon.phrase(word + ' ' + words.text[j + 1]);
          consumed = 2;
        }
      }
      if (entry == null) {
        entry = Lexicon.word(word);
        consumed = 1;
      }
      if (entry == null) {
        throw Refusals.unknown(phrase, phrase.substring(words.start[j], words.end[j]), word);
      }
      if (entry.kind() != Kind.FILLER) {
        push(entry.kind(), entry.value(), 0, words, j, j + consumed - 1, word);
      }
      j += consumed;
    }
    if (size == 0) {
      throw Refusals.of(Refusals.UNKNOWN, phrase, phrase);
    }
  }

  private void push(
      Kind k, int v, int digitCount, PhraseTokenizer.Words words, int first, int last, String w) {
    kind[size] = k;
    value[size] = v;
    digits[size] = digitCount;
    from[size] = words.start[first];
    to[size] = words.end[last];
    text[size] = w;
    size++;
  }

  private Kind kindAt(int i) {
    return i < size ? kind[i] : null;
  }

  private boolean is(int i, Kind k) {
    return i < size && kind[i] == k;
  }

  // ---------------------------------------------------------------- grammar

  private void walk() {
    at = -1;
    int i = 0;
    while (i < size) {
      Kind k = kind[i];
      if (k == Kind.AT) {
        if (at >= 0 || i + 1 >= size) {
          throw notUnderstood(i, i);
        }
        at = i;
        i++;
        continue;
      }
      int next = step(i, k, at >= 0);
      at = -1;
      i = next;
    }
  }

  /** Reads the construct starting at {@code i}; returns the index after it. */
  private int step(int i, Kind k, boolean afterAt) {
    switch (k) {
      case IN:
        return in(i);
      case WITHIN:
        if (hasCount(i + 1) && unit(i + 2) != null) {
          return offset(OffsetKind.WITHIN, i, i + 1);
        }
        throw notUnderstood(i, i);
      case NEXT:
        return next(i);
      case LAST:
        return last(i);
      case THIS:
        return this_(i);
      case PROCHAIN:
        return prochain(i);
      case MAR:
        if (is(i + 1, Kind.NUM) && !isTimeMark(i + 2)) {
          return monthName(i, 3);
        }
        return weekday(i, 2);
      case WEEKDAY:
        return weekday(i, value[i]);
      case NUM:
        return number(i, afterAt);
      case COUNT:
        if (is(i + 1, Kind.PROCHAIN) && unit(i + 2) != null) {
          return offsetCountFirst(i);
        }
        throw notUnderstood(i, i);
      case MONTH:
        return monthName(i, value[i]);
      case DAY_WORD:
        setDayWord(DAY_WORDS[value[i]], i, i);
        return i + 1;
      case TONIGHT:
        setDayWord(Lexicon.DayWord.TODAY, i, i);
        setPart(Part.EVENING, i, i);
        return i + 1;
      case PART:
        setPart(PARTS[value[i]], i, i);
        return i + 1;
      case MIDI:
        if (afterAt) {
          setTime(TimeForm.NAMED, 12, 0, at, i);
        } else if (result.timeForm != null) {
          setPart(Part.LUNCH, i, i); // "12h30 midi"
        } else {
          setTime(TimeForm.NAMED, 12, 0, i, i);
          result.midiSoft = true;
        }
        return i + 1;
      case NOON:
        setTime(TimeForm.NAMED, 12, 0, afterAt ? at : i, i);
        return i + 1;
      case MIDNIGHT:
        setTime(TimeForm.NAMED, 24, 0, afterAt ? at : i, i);
        return i + 1;
      case WEEK:
        if (is(i + 1, Kind.PROCHAIN)) {
          setPeriod(Period.WEEK_NEXT, i, i + 1);
          return i + 2;
        }
        if (is(i + 1, Kind.DERNIER)) {
          setPeriod(Period.WEEK_LAST, i, i + 1);
          return i + 2;
        }
        setPeriod(Period.WEEK_THIS, i, i);
        return i + 1;
      case WEEKEND:
        if (is(i + 1, Kind.PROCHAIN)) {
          setPeriod(Period.WEEKEND_FIRST_AFTER, i, i + 1);
          return i + 2;
        }
        setPeriod(Period.WEEKEND_THIS, i, i);
        return i + 1;
      case MONTH_WORD:
        if (is(i + 1, Kind.PROCHAIN)) {
          setPeriod(Period.MONTH_NEXT, i, i + 1);
          return i + 2;
        }
        if (is(i + 1, Kind.DERNIER)) {
          setPeriod(Period.MONTH_LAST, i, i + 1);
          return i + 2;
        }
        if (is(i + 1, Kind.CI)) {
          setPeriod(Period.MONTH_THIS, i, i + 1);
          return i + 2;
        }
        setPeriod(Period.MONTH_THIS, i, i);
        return i + 1;
      case EN:
        if (i + 1 < size) {
          return i + 1;
        }
        throw notUnderstood(i, i);
      default:
        throw notUnderstood(i, i);
    }
  }

  private int in(int i) {
    if (hasCount(i + 1) && unit(i + 2) != null) {
      return offset(OffsetKind.IN, i, i + 1);
    }
    if (is(i + 1, Kind.NEXT) && hasCount(i + 2) && unit(i + 3) != null) {
      return offset(OffsetKind.NEXT, i, i + 2);
    }
    if (i + 1 < size && kind[i + 1] != Kind.NUM && kind[i + 1] != Kind.COUNT) {
      return i + 1; // "in the morning", "in March"
    }
    throw notUnderstood(i, Math.min(i + 1, size - 1));
  }

  private int next(int i) {
    Kind k = kindAt(i + 1);
    if (k == Kind.WEEKDAY || k == Kind.MAR) {
      int after = weekday(i + 1, k == Kind.MAR ? 2 : value[i + 1]);
      setWeekdayMode(WeekdayMode.NEXT_WEEK, i);
      return after;
    }
    if (k == Kind.WEEK) {
      setPeriod(Period.WEEK_NEXT, i, i + 1);
      return i + 2;
    }
    if (k == Kind.WEEKEND) {
      setPeriod(Period.WEEKEND_NEXT_WEEK, i, i + 1);
      return i + 2;
    }
    if (k == Kind.MONTH_WORD) {
      setPeriod(Period.MONTH_NEXT, i, i + 1);
      return i + 2;
    }
    if (hasCount(i + 1) && unit(i + 2) != null) {
      return offset(OffsetKind.NEXT, i, i + 1);
    }
    throw notUnderstood(i, i);
  }

  private int last(int i) {
    Kind k = kindAt(i + 1);
    if (k == Kind.WEEKDAY || k == Kind.MAR) {
      int after = weekday(i + 1, k == Kind.MAR ? 2 : value[i + 1]);
      setWeekdayMode(WeekdayMode.LAST, i);
      return after;
    }
    if (k == Kind.WEEK) {
      setPeriod(Period.WEEK_LAST, i, i + 1);
      return i + 2;
    }
    if (k == Kind.MONTH_WORD) {
      setPeriod(Period.MONTH_LAST, i, i + 1);
      return i + 2;
    }
    if (k == Kind.PART) {
      setDayWord(Lexicon.DayWord.YESTERDAY, i, i);
      setPart(PARTS[value[i + 1]], i + 1, i + 1);
      return i + 2;
    }
    throw notUnderstood(i, i);
  }

  private int this_(int i) {
    Kind k = kindAt(i + 1);
    if (k == Kind.PART) {
      Part part = PARTS[value[i + 1]];
      if (part == Part.NIGHT) {
        setThisNight(i);
      } else {
        setDayWord(Lexicon.DayWord.TODAY, i, i);
      }
      setPart(part, i + 1, i + 1);
      return i + 2;
    }
    if (k == Kind.MIDI) {
      setDayWord(Lexicon.DayWord.TODAY, i, i);
      setTime(TimeForm.NAMED, 12, 0, i + 1, i + 1);
      result.midiSoft = true;
      return i + 2;
    }
    if (k == Kind.WEEKDAY || k == Kind.MAR) {
      return weekday(i + 1, k == Kind.MAR ? 2 : value[i + 1]);
    }
    if (k == Kind.WEEK) {
      setPeriod(Period.WEEK_THIS, i, i + 1);
      return i + 2;
    }
    if (k == Kind.WEEKEND) {
      setPeriod(Period.WEEKEND_THIS, i, i + 1);
      return i + 2;
    }
    if (k == Kind.MONTH_WORD) {
      boolean ci = is(i + 2, Kind.CI);
      setPeriod(Period.MONTH_THIS, i, ci ? i + 2 : i + 1);
      return ci ? i + 3 : i + 2;
    }
    throw notUnderstood(i, i);
  }

  private int prochain(int i) {
    Kind k = kindAt(i + 1);
    if (k == Kind.WEEKDAY || k == Kind.MAR) {
      int after = weekday(i + 1, k == Kind.MAR ? 2 : value[i + 1]);
      setWeekdayMode(WeekdayMode.PROCHAIN, i);
      return after;
    }
    if (k == Kind.WEEK) {
      setPeriod(Period.WEEK_NEXT, i, i + 1);
      return i + 2;
    }
    if (k == Kind.WEEKEND) {
      setPeriod(Period.WEEKEND_FIRST_AFTER, i, i + 1);
      return i + 2;
    }
    if (k == Kind.MONTH_WORD) {
      setPeriod(Period.MONTH_NEXT, i, i + 1);
      return i + 2;
    }
    throw notUnderstood(i, i);
  }

  /** A weekday and what may follow it: prochain, dernier, en huit, (de la) semaine prochaine. */
  private int weekday(int i, int day) {
    if (result.weekday != 0) {
      throw conflict(i, i);
    }
    result.weekday = day;
    result.weekdayFrom = from[i];
    result.weekdayTo = to[i];
    int j = i + 1;
    Kind k = kindAt(j);
    if (k == Kind.PROCHAIN) {
      setWeekdayMode(WeekdayMode.PROCHAIN, j);
      j++;
    } else if (k == Kind.DERNIER) {
      setWeekdayMode(WeekdayMode.LAST, j);
      j++;
    } else if (k == Kind.EN && count(j + 1) == 8) {
      setWeekdayMode(WeekdayMode.EN_HUIT, j + 1);
      j += 2;
    } else if (k == Kind.WEEK && is(j + 1, Kind.PROCHAIN)) {
      setWeekdayMode(WeekdayMode.NEXT_WEEK, j + 1);
      j += 2;
    } else if ((k == Kind.NEXT || k == Kind.PROCHAIN) && is(j + 1, Kind.WEEK)) {
      setWeekdayMode(WeekdayMode.NEXT_WEEK, j + 1);
      j += 2;
    } else if (k == Kind.THIS && is(j + 1, Kind.WEEK)) {
      setWeekdayMode(WeekdayMode.THIS_WEEK, j + 1);
      j += 2;
    } else if (k == Kind.NUM && isDayOfMonth(j)) {
      int day2 = value[j];
      int last = is(j + 1, Kind.ORDINAL) ? j + 1 : j;
      setDate(day2, 0, 0, j, last);
      j = last + 1;
    }
    return j;
  }

  /** A bare number after a weekday is a day of the month unless a time or month mark follows. */
  private boolean isDayOfMonth(int j) {
    if (digits[j] > 2 || value[j] < 1 || value[j] > 31) {
      return false;
    }
    Kind k = kindAt(j + 1);
    if (k == Kind.ORDINAL) {
      Kind after = kindAt(j + 2);
      return after != Kind.MONTH && after != Kind.MAR;
    }
    return k == null
        || !(k == Kind.HOUR_MARK
            || k == Kind.COLON
            || k == Kind.MERIDIEM
            || k == Kind.MONTH
            || k == Kind.MAR
            || k == Kind.SLASH
            || k == Kind.OCLOCK
            || k == Kind.UNIT);
  }

  private int number(int i, boolean afterAt) {
    int v = value[i];
    Kind n1 = kindAt(i + 1);
    if (v < 0) {
      throw invalid(Refusals.INVALID_NUMBER, i, i);
    }
    if (n1 == Kind.COLON) {
      if (!is(i + 2, Kind.NUM)) {
        throw notUnderstood(i, i + 1);
      }
      int end = i + 2;
      if (is(end + 1, Kind.MERIDIEM)) {
        setMeridiem(v, value[end], value[end + 1], afterAt ? at : i, end + 1);
        return end + 2;
      }
      setTime(TimeForm.TWENTY_FOUR, v, value[end], afterAt ? at : i, end);
      return end + 1;
    }
    if (n1 == Kind.HOUR_MARK && isFrenchHourMark(i + 1)) {
      int end = i + 1;
      int minutes = 0;
      if (is(end + 1, Kind.NUM) && digits[end + 1] <= 2 && !isUnitLike(end + 2)) {
        end++;
        minutes = value[end];
      }
      setTime(TimeForm.TWENTY_FOUR, v, minutes, afterAt ? at : i, end);
      return end + 1;
    }
    if (n1 == Kind.MERIDIEM) {
      setMeridiem(v, 0, value[i + 1], afterAt ? at : i, i + 1);
      return i + 2;
    }
    if (n1 == Kind.OCLOCK) {
      setTime(TimeForm.AMBIGUOUS, v, 0, afterAt ? at : i, i + 1);
      return i + 2;
    }
    Kind n2 = kindAt(i + 2);
    if (n1 == Kind.ORDINAL && (n2 == Kind.MONTH || n2 == Kind.MAR)) {
      return dayMonth(i, i + 2);
    }
    if (n1 == Kind.MONTH || n1 == Kind.MAR) {
      return dayMonth(i, i + 1);
    }
    if (n1 == Kind.SLASH && n2 == Kind.NUM) {
      return slashDate(i);
    }
    if (n1 == Kind.PROCHAIN && unit(i + 2) != null) {
      return offsetCountFirst(i);
    }
    if (afterAt) {
      setTime(TimeForm.AMBIGUOUS, v, 0, at, i);
      return i + 1;
    }
    throw notUnderstood(i, i);
  }

  private boolean isTimeMark(int i) {
    Kind k = kindAt(i);
    return k == Kind.HOUR_MARK || k == Kind.COLON || k == Kind.MERIDIEM || k == Kind.OCLOCK;
  }

  private boolean isFrenchHourMark(int i) {
    String w = text[i];
    return w.equals("h") || w.startsWith("heure");
  }

  private boolean isUnitLike(int i) {
    Kind k = kindAt(i);
    return k == Kind.UNIT || k == Kind.HOUR_MARK || k == Kind.SLASH || k == Kind.COLON;
  }

  /** {@code 12 mars [2027]}, {@code 1er décembre}. */
  private int dayMonth(int dayIndex, int monthIndex) {
    int month = kind[monthIndex] == Kind.MAR ? 3 : value[monthIndex];
    int end = monthIndex;
    int year = 0;
    if (isYear(end + 1)) {
      end++;
      year = value[end];
    }
    if (digits[dayIndex] > 2) {
      throw invalid(Refusals.INVALID_DATE, dayIndex, end);
    }
    checkDate(value[dayIndex], month, year, dayIndex, end);
    setDate(value[dayIndex], month, year, dayIndex, end);
    return end + 1;
  }

  /**
   * {@code March 12[th] [2027]}, {@code dec 5}; or a month alone: {@code mars}, {@code May 2027}.
   */
  private int monthName(int i, int month) {
    if (is(i + 1, Kind.NUM) && digits[i + 1] <= 2) {
      int end = i + 1;
      if (is(end + 1, Kind.ORDINAL)) {
        end++;
      }
      Kind after = kindAt(end + 1);
      if (after == Kind.HOUR_MARK || after == Kind.COLON || after == Kind.MERIDIEM) {
        // "March 7pm" reads as March then a time; refuse rather than guess
        throw notUnderstood(i, end + 1);
      }
      int year = 0;
      if (isYear(end + 1)) {
        end++;
        year = value[end];
      }
      checkDate(value[i + 1], month, year, i, end);
      setDate(value[i + 1], month, year, i, end);
      return end + 1;
    }
    int end = i;
    int year = 0;
    if (isYear(i + 1)) {
      end = i + 1;
      year = value[end];
    }
    setPeriod(Period.MONTH_NAMED, i, end);
    result.namedMonth = month;
    result.namedYear = year;
    return end + 1;
  }

  private boolean isYear(int i) {
    if (!is(i, Kind.NUM) || digits[i] != 4) {
      return false;
    }
    Kind after = kindAt(i + 1);
    return after != Kind.HOUR_MARK && after != Kind.COLON && after != Kind.MERIDIEM;
  }

  /**
   * {@code 12/03}, {@code 12/03/2027}, {@code 12/25}: day/month, or month/day when only it fits.
   */
  private int slashDate(int i) {
    int a = value[i];
    int b = value[i + 2];
    int end = i + 2;
    int year = 0;
    if (is(end + 1, Kind.SLASH)) {
      if (!is(end + 2, Kind.NUM) || (digits[end + 2] != 2 && digits[end + 2] != 4)) {
        throw invalid(Refusals.INVALID_DATE, i, Math.min(end + 2, size - 1));
      }
      year = digits[end + 2] == 2 ? 2000 + value[end + 2] : value[end + 2];
      end += 2;
    }
    if (digits[i] > 2 || digits[i + 2] > 2) {
      throw invalid(Refusals.INVALID_DATE, i, end);
    }
    int day = a;
    int month = b;
    if (!fits(day, month) && fits(b, a)) {
      day = b;
      month = a;
    }
    checkDate(day, month, year, i, end);
    setDate(day, month, year, i, end);
    return end + 1;
  }

  private static boolean fits(int day, int month) {
    return month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).maxLength();
  }

  private void checkDate(int day, int month, int year, int first, int last) {
    if (!fits(day, month)) {
      throw invalid(Refusals.INVALID_DATE, first, last);
    }
    if (year != 0 && (year < 1000 || (month == 2 && day == 29 && !Year.isLeap(year)))) {
      throw invalid(Refusals.INVALID_DATE, first, last);
    }
  }

  // ---------------------------------------------------------------- offsets

  private boolean hasCount(int i) {
    return i < size && (kind[i] == Kind.NUM || Lexicon.count(text[i]) >= 0);
  }

  private int count(int i) {
    if (i >= size) {
      return -1;
    }
    return kind[i] == Kind.NUM ? value[i] : Lexicon.count(text[i]);
  }

  private Unit unit(int i) {
    Kind k = kindAt(i);
    if (k == null) {
      return null;
    }
    return switch (k) {
      case UNIT -> UNITS[value[i]];
      case HOUR_MARK -> Unit.HOUR;
      case WEEK -> Unit.WEEK;
      case MONTH_WORD -> Unit.MONTH;
      default -> null;
    };
  }

  /** {@code in|within|next} at {@code keyword}, the count at {@code countIndex}, then a unit. */
  private int offset(OffsetKind offsetKind, int keyword, int countIndex) {
    int amount = count(countIndex);
    Unit unit = unit(countIndex + 1);
    int end = countIndex + 1;
    if (unit == Unit.HOUR && is(end + 1, Kind.NUM) && digits[end + 1] <= 2) {
      int minutes = value[end + 1];
      if (minutes > 59) {
        throw invalid(Refusals.INVALID_NUMBER, end + 1, end + 1);
      }
      amount = amount * 60 + minutes;
      unit = Unit.MINUTE;
      end++;
      if (is(end + 1, Kind.UNIT) && UNITS[value[end + 1]] == Unit.MINUTE) {
        end++;
      }
    }
    setOffset(offsetKind, amount, unit, keyword, end);
    return end + 1;
  }

  /** {@code les 3 prochains jours}: count, prochains, unit. */
  private int offsetCountFirst(int i) {
    setOffset(OffsetKind.NEXT, count(i), unit(i + 2), i, i + 2);
    return i + 3;
  }

  private void setOffset(OffsetKind offsetKind, int amount, Unit unit, int first, int last) {
    if (result.offsetKind != null) {
      throw conflict(first, last);
    }
    int max =
        switch (unit) {
          case MINUTE -> MAX_MINUTES;
          case HOUR -> MAX_HOURS;
          case DAY -> MAX_DAYS;
          case WEEK -> MAX_WEEKS;
          case MONTH -> MAX_MONTHS;
        };
    boolean emptyAllowed = offsetKind == OffsetKind.IN;
    if (amount < 0 || amount > max || (amount == 0 && !emptyAllowed)) {
      throw invalid(Refusals.INVALID_NUMBER, first, last);
    }
    result.offsetKind = offsetKind;
    result.amount = amount;
    result.unit = unit;
    result.offsetFrom = from[first];
    result.offsetTo = to[last];
  }

  // ---------------------------------------------------------------- slots

  private void setDayWord(Lexicon.DayWord word, int first, int last) {
    if (result.dayWord != null || result.thisNight) {
      throw conflict(first, last);
    }
    result.dayWord = word;
    result.dayFrom = from[first];
    result.dayTo = to[last];
  }

  private void setThisNight(int i) {
    if (result.dayWord != null || result.thisNight) {
      throw conflict(i, i + 1);
    }
    result.thisNight = true;
    result.dayFrom = from[i];
    result.dayTo = to[i + 1];
  }

  private void setWeekdayMode(WeekdayMode mode, int i) {
    if (result.weekdayMode != WeekdayMode.NEAREST) {
      throw conflict(i, i);
    }
    result.weekdayMode = mode;
    result.weekdayFrom = Math.min(result.weekdayFrom, from[i]);
    result.weekdayTo = Math.max(result.weekdayTo, to[i]);
  }

  private void setDate(int day, int month, int year, int first, int last) {
    if (result.dateDay != 0) {
      throw conflict(first, last);
    }
    result.dateDay = day;
    result.dateMonth = month;
    result.dateYear = year;
    result.dateFrom = from[first];
    result.dateTo = to[last];
  }

  private void setPeriod(Period period, int first, int last) {
    if (result.period != null) {
      throw conflict(first, last);
    }
    result.period = period;
    result.periodFrom = from[first];
    result.periodTo = to[last];
  }

  private void setPart(Part part, int first, int last) {
    if (result.part != null) {
      throw conflict(first, last);
    }
    result.part = part;
    result.partFrom = from[first];
    result.partTo = to[last];
  }

  private void setMeridiem(int hour, int minute, int pm, int first, int last) {
    if (hour < 1 || hour > 12 || minute > 59) {
      throw invalid(Refusals.INVALID_TIME, first, last);
    }
    setTime(TimeForm.MERIDIEM, hour % 12 + (pm == 1 ? 12 : 0), minute, first, last);
  }

  private void setTime(TimeForm form, int hour, int minute, int first, int last) {
    if (result.timeForm != null) {
      if (result.midiSoft && result.part == null) {
        // "midi 12h30": midi names the lunch period, the clock time the moment
        result.midiSoft = false;
        result.timeForm = null;
        result.part = Part.LUNCH;
        result.partFrom = result.timeFrom;
        result.partTo = result.timeTo;
      } else {
        throw conflict(first, last);
      }
    }
    boolean valid =
        form == TimeForm.NAMED || (hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59);
    if (!valid) {
      throw invalid(Refusals.INVALID_TIME, first, last);
    }
    result.timeForm = form;
    result.hour = hour;
    result.minute = minute;
    result.timeFrom = from[first];
    result.timeTo = to[last];
  }

  // ---------------------------------------------------------------- composition

  private void finish() {
    ParsedPhrase p = result;
    if (p.offsetKind != null) {
      boolean dayOffset =
          p.offsetKind == OffsetKind.IN && p.unit != Unit.MINUTE && p.unit != Unit.HOUR;
      if (p.hasDay() || p.period != null) {
        throw conflictWithOffset();
      }
      if (!dayOffset && (p.part != null || p.timeForm != null)) {
        throw conflictWithOffset();
      }
    }
    if (p.period != null) {
      if (p.hasDay()) {
        throw Refusals.of(Refusals.CONFLICT, p.phrase, p.text(p.periodFrom, p.periodTo));
      }
      if (p.part != null) {
        throw Refusals.of(Refusals.CONFLICT, p.phrase, p.text(p.partFrom, p.partTo));
      }
      if (p.timeForm != null) {
        throw Refusals.of(Refusals.CONFLICT, p.phrase, p.text(p.timeFrom, p.timeTo));
      }
    }
    if (p.dayWord != null || p.thisNight) {
      if (p.weekday != 0) {
        throw Refusals.of(Refusals.CONFLICT, p.phrase, p.text(p.weekdayFrom, p.weekdayTo));
      }
      if (p.dateDay != 0) {
        throw Refusals.of(Refusals.CONFLICT, p.phrase, p.text(p.dateFrom, p.dateTo));
      }
    }
    if (p.dateDay != 0 && p.dateMonth == 0 && p.weekday == 0) {
      throw Refusals.of(Refusals.UNKNOWN, p.phrase, p.text(p.dateFrom, p.dateTo));
    }
    if (p.midiSoft && p.part != null && p.part != Part.LUNCH) {
      throw Refusals.of(Refusals.CONFLICT, p.phrase, p.text(p.timeFrom, p.timeTo));
    }
    if (p.timeForm != null) {
      p.times = readings(p);
    }
    p.pointsToPast =
        p.dayWord == Lexicon.DayWord.TODAY
            || p.dayWord == Lexicon.DayWord.YESTERDAY
            || p.dayWord == Lexicon.DayWord.BEFORE_YESTERDAY
            || p.thisNight
            || p.weekdayMode == WeekdayMode.LAST
            || p.weekdayMode == WeekdayMode.THIS_WEEK
            || p.dateDay != 0
            || p.period == Period.WEEK_LAST
            || p.period == Period.MONTH_LAST
            || (p.period == Period.MONTH_NAMED && p.namedYear != 0);
  }

  private CommandException conflictWithOffset() {
    return Refusals.of(
        Refusals.CONFLICT, result.phrase, result.text(result.offsetFrom, result.offsetTo));
  }

  /**
   * The readings of the clock time in minutes after the day start. A part of the day picks among
   * them: {@code ce soir 8h} is 20:00, {@code samedi matin 8h} 08:00, {@code tonight at 1am} 01:00
   * the next day; a time no reading of which falls in the part is refused.
   */
  private static int[] readings(ParsedPhrase p) {
    int base = p.hour * 60 + p.minute;
    int[] candidates;
    if (p.timeForm == TimeForm.AMBIGUOUS && p.hour >= 1 && p.hour <= 12) {
      candidates = new int[] {base % 720, base % 720 + 720};
    } else if (p.timeForm == TimeForm.TWENTY_FOUR && p.part != null && p.hour >= 1 && p.hour < 12) {
      candidates = new int[] {base, base + 720};
    } else {
      candidates = new int[] {base};
    }
    if (p.part == null || p.midiSoft) {
      return candidates;
    }
    int[] kept = new int[candidates.length];
    int count = 0;
    for (int c : candidates) {
      if (p.part.holds(c)) {
        kept[count++] = c;
      } else if (p.part == Part.NIGHT && p.part.holds(c + 1440)) {
        kept[count++] = c + 1440;
      } else if (p.part == Part.EVENING && c == 1440) {
        kept[count++] = c;
      }
    }
    if (count == 0 && p.part == Part.EVENING) {
      for (int c : candidates) {
        if (c < 6 * 60) {
          kept[count++] = c + 1440;
        }
      }
    }
    if (count == 0) {
      throw Refusals.of(Refusals.CONFLICT, p.phrase, p.text(p.timeFrom, p.timeTo));
    }
    int[] readings = new int[count];
    System.arraycopy(kept, 0, readings, 0, count);
    Arrays.sort(readings);
    return readings;
  }

  // ---------------------------------------------------------------- refusals

  private CommandException notUnderstood(int first, int last) {
    return Refusals.of(Refusals.UNKNOWN, phrase, phrase.substring(from[first], to[last]));
  }

  private CommandException conflict(int first, int last) {
    return Refusals.of(Refusals.CONFLICT, phrase, phrase.substring(from[first], to[last]));
  }

  private CommandException invalid(String key, int first, int last) {
    return Refusals.of(key, phrase, phrase.substring(from[first], to[last]));
  }
}
