package org.networkeras.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a message is about, so that the delivery worker can check it still holds just before sending
 * it: an event occurrence that was published and started at {@code start} when the message was
 * written, and, for a message about a member's answer, that the member still goes (or is
 * interested). A message whose premise no longer holds is dropped unsent ({@link
 * OutboxEntry.Status#DROPPED}), with the reason.
 *
 * @param ref the occurrence's reference ({@code 42}, or {@code 42-1127} for one date of series 42)
 * @param start when the occurrence started when the message was written
 * @param memberKey the member whose answer the message is about, or empty
 */
public record Premise(String ref, Instant start, Optional<String> memberKey) {

  public Premise {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(memberKey, "memberKey");
    if (ref.isBlank()) {
      throw new IllegalArgumentException("a premise names an occurrence");
    }
  }

  /** The occurrence {@code ref} is still published and still starts at {@code start}. */
  public static Premise occurrence(String ref, Instant start) {
    return new Premise(ref, start, Optional.empty());
  }

  /** As {@link #occurrence}, and the member {@code memberKey} still goes or is interested. */
  public static Premise attendance(String ref, Instant start, String memberKey) {
    return new Premise(ref, start, Optional.of(memberKey));
  }
}
