package org.networkeras.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * Checks a message's {@link Premise} just before it is sent. Implementations read the current state
 * (the catalog, the answers) and must be thread-safe.
 */
@FunctionalInterface
public interface Premises {

  /** Takes every premise to hold (nothing to check against). */
  Premises NONE = (premise, now) -> Optional.empty();

  /**
   * Why {@code premise} no longer holds at {@code now} ("event 42 was cancelled"), or empty if it
   * still does.
   *
   * @throws RuntimeException if it cannot be told (the database fails): the message is then tried
   *     again later
   */
  Optional<String> broken(Premise premise, Instant now);
}
