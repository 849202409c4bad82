package org.networkeras.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * A message as the outbox holds it.
 *
 * @param message the message as enqueued, except that its {@code notBefore} is when it is next due
 *     (later than enqueued after a failed attempt or for want of a rate permit)
 * @param status where it stands
 * @param attempts how many times it was handed to its platform so far
 * @param lastError why the last attempt failed, or empty
 */
public record OutboxEntry(
    OutgoingMessage message, Status status, int attempts, Optional<String> lastError) {

  /** Where a message stands. */
  public enum Status {
    /** Waiting to be sent, or being sent. */
    PENDING,
    /** The platform accepted it. */
    DELIVERED,
    /**
     * The platform refused it for good (a blocked user, closed direct messages) or kept failing.
     */
    FAILED,
    /** Dropped unsent because it was no longer useful (the event started). */
    EXPIRED,
    /**
     * Dropped unsent because what it was about no longer held (its event was cancelled or moved,
     * its member no longer goes); the reason is kept as its last error.
     */
    DROPPED
  }

  public OutboxEntry {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastError, "lastError");
  }
}
