package org.networkeras.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until told to move: the console's {@code --now} and tests use it so
 * that time passes only when a script or a test says so. Thread-safe.
 */
public final class SimulatedClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  public SimulatedClock(Instant start, ZoneId zone) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  private SimulatedClock(AtomicReference<Instant> shared, ZoneId zone) {
    this.now = shared;
    this.zone = zone;
  }

  /** Moves the clock forward. */
  public Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("time only moves forward");
    }
    return now.updateAndGet(t -> t.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same moving clock seen in another zone. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new SimulatedClock(now, newZone);
  }
}
