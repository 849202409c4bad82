package org.networkeras.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.networkeras.command.CommandException;

/**
 * Resolves English and French time phrases ({@code ce soir}, {@code this weekend}, {@code jeudi
 * 19h30}, {@code in 3 days}, {@code le 5 décembre à 18h}) against now in a community's zone,
 * following {@code TIME-PHRASES.md}. Both languages are understood in every community; case,
 * accents, extra spaces and common short forms ({@code ajd}, {@code aprem}, {@code tmrw}, {@code
 * sam.}) are tolerated.
 *
 * <p>Choices the conventions leave open:
 *
 * <ul>
 *   <li>A time of day used as a range ({@code 19h}, {@code tomorrow at 7pm}, {@code in 2 hours})
 *       gives the hour that starts then, {@code [time, time + 1 h)}: a filter asks what starts
 *       around then, and the event start the same phrase would name lies inside the range.
 *   <li>{@code midi} alone is lunch time (12:00–14:00) in a range and 12:00 as an event start;
 *       after {@code à} or with minutes ({@code midi et demi}) it is always a time of day.
 *   <li>{@code 18:00}-style and {@code 19h}-style times are 24-hour, but in the afternoon or
 *       evening an hour below 12 is pm ({@code ce soir 8h}, {@code tonight at 8:30} are 20:xx).
 *   <li>{@code huit jours} and {@code quinze jours} spelled out are a week and two, as the French
 *       idiom has it; written with digits they count days.
 *   <li>{@code samedi 12} is Saturday the 12th, refused if the 12th is not a Saturday.
 *   <li>A date without a year is its next occurrence on or after today, also when a time is given:
 *       {@code 12 mars 9h} said on 12 March at 11:00 is refused as over rather than moved a year
 *       on. A weekday that names a date ({@code lundi 12 mars}) is checked against it.
 *   <li>Nothing more than 100 years from now is accepted.
 * </ul>
 *
 * <p>Choices Part 2 (ends, spans, repeats) leaves open:
 *
 * <ul>
 *   <li>A side of a span that is a bare number takes its meaning from the other side: {@code 7} in
 *       {@code 7-10pm} is an hour, {@code 5} in {@code du 5 au 7 décembre} the 5th of the other
 *       side's month. The am/pm of the end also applies to a start of 1 to 12 written without one
 *       ({@code 7:30-10pm} is 19:30–22:00) when that puts the start first.
 *   <li>An end that is a time alone is its first occurrence after the start (an English hour
 *       without am/pm takes the reading that comes first: {@code tonight 8-11} ends at 23:00); an
 *       end with a weekday or a date is the first such moment after the start.
 *   <li>In a span of dates the second date is read like the first (the next occurrence on or after
 *       today); one before the first is refused ({@code du 7 au 5 décembre}), not moved a year on.
 *       A second weekday is the first on or after the first.
 *   <li>As a filter, a span with times ({@code from Friday 6pm to Sunday 5pm}) is the event's
 *       {@code [start, end)}; {@code until 6pm} runs from now to 18:00; {@code after} a day without
 *       a time is refused. {@code la semaine du 12}, {@code le week-end du 12}, {@code avant le 12}
 *       read a bare day of the month as the next such day, today included.
 *   <li>A repeat's weekly interval counts from the week of its first date (RFC 5545, weeks starting
 *       on Monday). {@code pendant 4 semaines} ends the day before the first date plus four weeks.
 *       {@code UNTIL} is the last second of the local end day, in UTC. {@code every day} is daily;
 *       {@code every 2 months} and repeats within a day are refused. An open-ended repeat is
 *       accepted; a bounded one ({@code COUNT}, {@code UNTIL}) with more than 500 dates is refused.
 *       An English hour without am/pm takes the reading whose first date comes first.
 *   <li>Each date of a repeat keeps the time of day said; a date in the spring gap moves forward by
 *       the gap like any local time (02:30 → 03:30) and the next dates are at 02:30 again.
 *   <li>A repeat is not a filter ({@code time.repeat.inFilter}); {@link #instant} of a phrase with
 *       an end or a repeat is its (first) start.
 * </ul>
 *
 * <p>Immutable and thread-safe. Every refusal is a {@link CommandException} whose message (in the
 * {@code time_messages} bundles) quotes the phrase; nothing else is thrown for any phrase,
 * including null. Phrases longer than 2,000 characters are refused before they are read.
 */
public final class TimePhraseResolver {

  private final Clock clock;

  public TimePhraseResolver(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The range a phrase names, for filters: the period, started at now when now falls inside it
   * ({@code today} at 11:00 is 11:00–24:00). A period wholly over is given only when a word points
   * to the past ({@code yesterday}, {@code hier}, {@code this morning} in the afternoon, {@code
   * last week}, {@code il y a 2 jours}, an explicit year); otherwise the phrase rolls forward to
   * its first occurrence that is not over.
   *
   * @param zone the community's zone
   * @throws CommandException when the phrase is empty, not understood, impossible or over
   */
  public TimeRange range(String phrase, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return new Spans(understand(phrase), phrase, clock.instant(), zone).range();
  }

  /**
   * The instant a phrase names, for the start of an event; strictly after now. A day or a period
   * without a time of day is refused ({@code time.needsTime}), as is a time already past ({@code
   * time.past}). A bare time is its next occurrence, a weekday with a time its first future match.
   *
   * @param zone the community's zone
   * @throws CommandException when the phrase is empty, not understood, impossible, past or has no
   *     time of day
   */
  public Instant instant(String phrase, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    Sentence sentence = understand(phrase);
    if (sentence.form == Sentence.Form.SINGLE) {
      return new Evaluation(sentence.first, phrase, clock.instant(), zone).instant();
    }
    return event(sentence, phrase, zone).start();
  }

  /**
   * The time of a new event: its start as {@link #instant} gives it, its end when the phrase states
   * one and its repeat rule when it recurs ({@code TIME-PHRASES.md} Part 2). Phrases of Part 1 give
   * a single event with no stated end.
   *
   * @param zone the community's zone
   * @throws CommandException as {@link #instant} does, and when an end or a repeat is refused
   */
  public EventTime event(String phrase, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return event(understand(phrase), phrase, zone);
  }

  /**
   * The time of a recurring event, as {@link #event} gives it; a phrase that names a single event
   * is refused ({@code time.repeat.none}).
   *
   * @param zone the community's zone
   * @throws CommandException as {@link #event} does, and when the phrase does not repeat
   */
  public EventTime repeat(String phrase, ZoneId zone) {
    EventTime event = event(phrase, zone);
    if (!event.repeats()) {
      throw Refusal.NOT_A_REPEAT.of(phrase);
    }
    return event;
  }

  private EventTime event(Sentence sentence, String phrase, ZoneId zone) {
    Instant now = clock.instant();
    return sentence.form == Sentence.Form.REPEAT
        ? new Repeats(sentence, phrase, now, zone).event()
        : new Spans(sentence, phrase, now, zone).event();
  }

  /**
   * Whether the phrase holds a word that lets {@link #range} name a period already over ({@code
   * yesterday}, {@code hier}, {@code today}, {@code this}/{@code ce}, {@code last}/{@code dernier},
   * {@code ago}/{@code il y a}, an explicit year). Phrases without one never give a range that
   * starts before now.
   *
   * @throws CommandException when the phrase is not understood
   */
  public boolean namesPast(String phrase) {
    Sentence sentence = understand(phrase);
    return sentence.first != null && sentence.first.pastWord;
  }

  private static Sentence understand(String phrase) {
    if (phrase == null) {
      throw Refusal.EMPTY.of("");
    }
    if (phrase.length() > Lexer.MAX_LENGTH) {
      throw Refusal.TOO_LONG.of(phrase, Lexer.MAX_LENGTH);
    }
    if (phrase.isBlank()) {
      throw Refusal.EMPTY.of(phrase);
    }
    return Sentences.read(phrase);
  }
}
