package org.networkeras.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * One dated instance of an event: the event itself, or one date of a recurring series.
 *
 * @param event the event or series
 * @param start when this occurrence starts
 * @param end when it ends
 * @param ref the reference members type to open it ({@code 42}, or {@code 42-1127} for the 27
 *     November occurrence of series 42)
 */
public record Occurrence(Event event, Instant start, Instant end, String ref) {
  public Occurrence {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(ref, "ref");
  }
}
