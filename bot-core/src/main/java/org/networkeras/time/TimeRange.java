package org.networkeras.time;

import java.time.Instant;
import java.util.Objects;

/** A half-open range of time {@code [start, end)}; never empty. */
public record TimeRange(Instant start, Instant end) {
  public TimeRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("empty range " + start + " .. " + end);
    }
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}
