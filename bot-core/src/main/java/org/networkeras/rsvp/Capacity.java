package org.networkeras.rsvp;

import java.util.Objects;
import java.util.Optional;

/**
 * An event's RSVP rules, shared by every occurrence of a series.
 *
 * @param seats how many people may go (members and their guests), or empty for no limit
 * @param guestLimit how many guests one member may bring
 */
public record Capacity(Optional<Integer> seats, int guestLimit) {

  /** How many guests a member may bring when the event sets nothing: two (a partner, a friend). */
  public static final int DEFAULT_GUEST_LIMIT = 2;

  /** No seat limit, the default guest limit. */
  public static final Capacity DEFAULT = new Capacity(Optional.empty(), DEFAULT_GUEST_LIMIT);

  public Capacity {
    Objects.requireNonNull(seats, "seats");
    if (seats.isPresent() && seats.get() < 1) {
      throw new IllegalArgumentException("an event has at least one seat");
    }
    if (guestLimit < 0) {
      throw new IllegalArgumentException("the guest limit must not be negative");
    }
  }
}
