package org.networkeras.chat;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How fast a platform accepts messages the bot sends on its own: at most so many in any window of a
 * period, overall, per chat, and per group chat on top of that. Core's delivery spreads what it
 * sends to stay within them.
 *
 * @param overall for everything the bot sends on the platform, or empty
 * @param perChat for each chat (group or direct), or empty
 * @param perGroup for each group chat, on top of {@code perChat}, or empty
 */
public record SendLimits(
    Optional<Limit> overall, Optional<Limit> perChat, Optional<Limit> perGroup) {

  /** No limit at all (the console). */
  public static final SendLimits UNLIMITED =
      new SendLimits(Optional.empty(), Optional.empty(), Optional.empty());

  public SendLimits {
    Objects.requireNonNull(overall, "overall");
    Objects.requireNonNull(perChat, "perChat");
    Objects.requireNonNull(perGroup, "perGroup");
  }

  /**
   * At most {@code permits} messages in any window of {@code per}.
   *
   * @param permits at least one
   * @param per a positive period
   */
  public record Limit(int permits, Duration per) {
    public Limit {
      Objects.requireNonNull(per, "per");
      if (permits < 1 || per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException("a limit is at least one permit per positive period");
      }
    }

    /** The steady pace this limit allows: its period divided by its permits. */
    public Duration spacing() {
      return per.dividedBy(permits);
    }
  }
}
