package org.networkeras.suggestion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.networkeras.chat.ChatUser;
import org.networkeras.command.CommandException;

/**
 * Drafts waiting for their member's answer (a city to confirm, a twin to accept), each under a
 * random id for the buttons, kept {@link #LIFETIME} after their last use. Thread-safe.
 */
final class Drafts {

  static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

  private record Held(String ownerKey, Draft draft) {}

  private final SecureRandom random = new SecureRandom();
  private final Cache<String, Held> held;

  Drafts(Clock clock) {
    this.held =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(LIFETIME)
            .ticker(() -> nanos(clock))
            .build();
  }

  /** A Caffeine ticker reading {@code clock}. */
  static long nanos(Clock clock) {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** Keeps {@code draft} for {@code owner}; returns its id (ten characters). */
  String hold(Draft draft, ChatUser owner) {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    held.put(id.toString(), new Held(owner.key(), draft));
    return id.toString();
  }

  /**
   * Takes back the owner's draft to answer it.
   *
   * @throws CommandException if it expired or is someone else's
   */
  Draft take(String id, ChatUser owner) {
    Held found = held.getIfPresent(id);
    if (found == null || !found.ownerKey().equals(owner.key())) {
      throw new CommandException("suggest.draft_gone");
    }
    held.invalidate(id);
    return found.draft();
  }

  /** Forgets the owner's draft; says whether they had one under this id. */
  boolean drop(String id, ChatUser owner) {
    Held found = held.getIfPresent(id);
    if (found == null || !found.ownerKey().equals(owner.key())) {
      return false;
    }
    held.invalidate(id);
    return true;
  }
}
