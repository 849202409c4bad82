package org.networkeras.delivery;

/**
 * Told of every delivery attempt, on the thread that made it, after the outbox recorded it. A
 * feature reacts to the outcomes it cares about: the reminders tell a member whose direct messages
 * are closed ({@link DeliveryAttempt.Outcome#FAILED}) how to open them. Implementations must be
 * thread-safe and quick; an exception they throw is logged and otherwise ignored.
 */
@FunctionalInterface
public interface DeliveryListener {

  /** A listener that ignores everything. */
  DeliveryListener NONE = attempt -> {};

  void attempted(DeliveryAttempt attempt);

  /**
   * {@code message} was due but its platform's rate limit had no permit: it waits until {@code
   * until} (metrics count these waits). Nothing by default.
   */
  default void rateLimited(OutgoingMessage message, java.time.Instant until) {}
}
