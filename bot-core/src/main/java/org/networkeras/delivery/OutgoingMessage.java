package org.networkeras.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Reply;

/**
 * A message core means to send once.
 *
 * @param key unique per message: enqueueing a key again does nothing, so it names what makes the
 *     message unique ({@code reminder:<event occurrence>:<recipient>:<offset>}); at most {@value
 *     #MAX_KEY_LENGTH} characters
 * @param target where it goes
 * @param reply what it says
 * @param notBefore the earliest moment it may be sent
 * @param expiresAt the moment after which it is useless (the event started) and is dropped instead
 *     of sent, or empty if it never expires
 * @param premise what it is about, checked again just before it is sent, or empty
 */
public record OutgoingMessage(
    String key,
    Target target,
    Reply reply,
    Instant notBefore,
    Optional<Instant> expiresAt,
    Optional<Premise> premise) {

  public static final int MAX_KEY_LENGTH = 200;

  public OutgoingMessage {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(premise, "premise");
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("a delivery key has 1.." + MAX_KEY_LENGTH + " characters");
    }
  }

  /** A message about nothing that could stop holding. */
  public OutgoingMessage(
      String key, Target target, Reply reply, Instant notBefore, Optional<Instant> expiresAt) {
    this(key, target, reply, notBefore, expiresAt, Optional.empty());
  }

  /** This message, sent only if {@code about} still holds when it is due. */
  public OutgoingMessage about(Premise about) {
    return new OutgoingMessage(key, target, reply, notBefore, expiresAt, Optional.of(about));
  }

  /** A message that may be sent from {@code notBefore} until {@code expiresAt}. */
  public static OutgoingMessage of(
      String key, Target target, Reply reply, Instant notBefore, Instant expiresAt) {
    return new OutgoingMessage(key, target, reply, notBefore, Optional.of(expiresAt));
  }

  /** A message that may be sent from {@code notBefore} on and never expires. */
  public static OutgoingMessage unexpiring(
      String key, Target target, Reply reply, Instant notBefore) {
    return new OutgoingMessage(key, target, reply, notBefore, Optional.empty());
  }
}
