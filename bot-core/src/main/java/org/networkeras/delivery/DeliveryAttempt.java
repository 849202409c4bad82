package org.networkeras.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * What the delivery worker did with one due message.
 *
 * @param message the message
 * @param outcome what became of it
 * @param detail the platform's message id when delivered, otherwise why it was not (for logs and
 *     operators, never shown to members)
 * @param at when it happened
 */
public record DeliveryAttempt(OutgoingMessage message, Outcome outcome, String detail, Instant at) {

  /** What became of a message. */
  public enum Outcome {
    /** The platform accepted it. */
    DELIVERED,
    /** The platform failed for now; the message will be tried again later. */
    RETRYING,
    /**
     * The platform refused it for good (a blocked user, closed direct messages) or it kept failing;
     * it will not be tried again.
     */
    FAILED,
    /** It was due no longer (the event started) and was dropped unsent. */
    EXPIRED,
    /**
     * What it was about no longer held (its event was cancelled or moved, its member no longer
     * goes) and it was dropped unsent.
     */
    DROPPED
  }

  public DeliveryAttempt {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
  }
}
