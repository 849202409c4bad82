package org.networkeras.chat;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What became of a message handed to a {@link ChatGateway}. */
public sealed interface DeliveryResult {

  /** The platform accepted the message. */
  record Delivered(String messageId) implements DeliveryResult {
    public Delivered {
      Objects.requireNonNull(messageId, "messageId");
    }
  }

  /**
   * The platform did not accept the message.
   *
   * @param retryable whether sending again later may work (429, 5xx, network errors); a blocked
   *     user or closed direct messages is permanent
   * @param reason a short description for logs, never shown to members
   * @param retryAfter how long the platform asked to wait, if it said
   */
  record Failed(boolean retryable, String reason, Optional<Duration> retryAfter)
      implements DeliveryResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public static Failed permanent(String reason) {
      return new Failed(false, reason, Optional.empty());
    }

    public static Failed retryable(String reason) {
      return new Failed(true, reason, Optional.empty());
    }

    public static Failed retryAfter(String reason, Duration wait) {
      return new Failed(true, reason, Optional.of(wait));
    }
  }

  default boolean delivered() {
    return this instanceof Delivered;
  }
}
