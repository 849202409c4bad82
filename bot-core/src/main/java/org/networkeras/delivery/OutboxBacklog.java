package org.networkeras.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far behind the outbox is at one moment, for operators (metrics).
 *
 * @param pending messages waiting to be sent, due or not
 * @param due pending messages already due
 * @param oldestDue when the longest-waiting due message fell due; empty when none is due
 */
public record OutboxBacklog(long pending, long due, Optional<Instant> oldestDue) {

  /** How long the oldest due message has waited at {@code now}; zero when none is due. */
  public Duration oldestDueAge(Instant now) {
    return oldestDue
        .map(at -> Duration.between(at, now))
        .filter(d -> !d.isNegative())
        .orElse(Duration.ZERO);
  }
}
