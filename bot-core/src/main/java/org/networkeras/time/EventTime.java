package org.networkeras.time;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * What the <em>when</em> of a new event names: its (first) start, its end when the phrase states
 * one, and its repeat rule when it recurs ({@code TIME-PHRASES.md} Part 2).
 *
 * @param start the start, strictly after now; for a repeat, the first occurrence's start
 * @param end the end when the phrase states one (after {@code start}), or {@code null}: the product
 *     then gives the event its default length
 * @param recurrence the RFC 5545 {@code RRULE} value without the {@code RRULE:} prefix ({@code
 *     FREQ=WEEKLY;BYDAY=TH}), or {@code null} for a single event; occurrences keep the local
 *     wall-clock time of {@code start} in the community's zone, as {@link
 *     org.networkeras.catalog.Event#recurrence()} does
 * @param firstStarts for a repeat, the starts of its first occurrences (up to four, the first being
 *     {@code start}); for a single event, {@code start} alone
 * @param wallTime for a repeat, the local time of day the phrase asked ({@code 02:30}), which every
 *     date keeps; it differs from {@code start}'s local time only when the first date falls in a
 *     spring daylight-saving gap ({@code 02:30} then starts at {@code 03:30} on that date alone, as
 *     RFC 5545 says); {@code null} for a single event
 */
public record EventTime(
    Instant start, Instant end, String recurrence, List<Instant> firstStarts, LocalTime wallTime) {

  public EventTime {
    Objects.requireNonNull(start, "start");
    if (end != null && !end.isAfter(start)) {
      throw new IllegalArgumentException("an event ends after it starts: " + start + " .. " + end);
    }
    firstStarts = List.copyOf(firstStarts);
  }

  /** A single event starting at {@code start}, with the end stated or {@code null}. */
  public static EventTime single(Instant start, Instant end) {
    return new EventTime(start, end, null, List.of(start), null);
  }

  public boolean repeats() {
    return recurrence != null;
  }
}
