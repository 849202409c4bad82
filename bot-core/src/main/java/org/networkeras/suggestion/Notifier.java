package org.networkeras.suggestion;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.delivery.Delivery;
import org.networkeras.delivery.OutgoingMessage;
import org.networkeras.delivery.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends core's own messages (notifications, announcements) through the outbox: each is written with
 * its unique key, in the transaction of the change that caused it when one is open on the calling
 * thread, then delivered once that change is stored (at once, or by the delivery scheduler within
 * the platform's rate limits). A message that cannot be written fails the change, which then rolls
 * back: a change is never stored without its messages. A failure to send is the outbox's to retry.
 * Thread-safe.
 */
final class Notifier {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private final Delivery delivery;
  private final Clock clock;

  Notifier(Delivery delivery, Clock clock) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Posts {@code reply} in a group conversation. */
  void post(Conversation to, Reply reply, String deliveryKey) {
    send(deliveryKey, Target.conversation(to), reply);
  }

  /** Sends {@code reply} to a member's direct chat, by the member's key ({@code telegram:42}). */
  void tell(String userKey, String displayName, Reply reply, String deliveryKey) {
    int colon = userKey.indexOf(':');
    Platform platform;
    try {
      platform =
          Platform.valueOf(userKey.substring(0, Math.max(colon, 0)).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      log.warn("message {} dropped: {} is not a member key", deliveryKey, userKey);
      return;
    }
    ChatUser to =
        new ChatUser(platform, userKey.substring(colon + 1), displayName, null, Role.MEMBER);
    send(deliveryKey, Target.member(to), reply);
  }

  /**
   * Writes a message to the outbox.
   *
   * @throws org.networkeras.store.StoreException if the database fails: the caller's transaction
   *     then rolls back with it
   */
  private void send(String deliveryKey, Target target, Reply reply) {
    delivery
        .outbox()
        .enqueue(OutgoingMessage.unexpiring(deliveryKey, target, reply, clock.instant()));
    delivery.deliverAfterCommit();
  }

  /**
   * Sends what is due at once when no delivery scheduler runs (the scheduler picks it up
   * otherwise). Call it after the transaction that wrote the messages committed; it never throws.
   */
  void deliverNow() {
    if (delivery.isRunning()) {
      return;
    }
    try {
      delivery.deliverDueNow();
    } catch (RuntimeException e) {
      log.error("messages could not be sent now; the outbox keeps them", e);
    }
  }
}
