package org.networkeras.chat;

import java.net.URI;
import java.util.Optional;

/**
 * Sends messages on core's own initiative (reminders, announcements, notifications). Each platform
 * adapter implements it; calls may block while the platform answers and are safe from several
 * threads.
 */
public interface ChatGateway {

  /** The platform this gateway delivers to. */
  Platform platform();

  /**
   * Posts {@code reply} in a conversation.
   *
   * @param deliveryKey unique per message core means to send once (an outbox key); adapters that
   *     can make a platform drop a repeated message (Discord's nonce) use it for that
   */
  DeliveryResult send(Conversation to, Reply reply, String deliveryKey);

  /** Sends {@code reply} to a member's direct chat with the bot. */
  DeliveryResult sendDirect(ChatUser to, Reply reply, String deliveryKey);

  /**
   * A link that opens the member's private chat with the bot, for a notice asking a member to open
   * it (Telegram lets a bot write to a person only once they have started it); empty where the
   * platform has none.
   */
  default Optional<URI> privateChatLink() {
    return Optional.empty();
  }

  /**
   * Whether the platform drops a message sent again under the same delivery key for at least a few
   * minutes (Discord's enforced nonce), so that sending it twice shows it once. The outbox then
   * records several sends in one transaction: a crash before they are recorded resends them, and
   * the platform drops the repeats. Without it (the default), every send is recorded before the
   * next one, so a crash repeats at most the message in flight.
   */
  default boolean dropsRepeatedSends() {
    return false;
  }

  /** What the platform can show and how fast the bot may send there. */
  default Capabilities capabilities() {
    return Capabilities.PLAIN;
  }

  /**
   * The platform's own calendar of scheduled events, if it has one and this adapter manages it
   * (Discord's guild scheduled events); empty by default.
   */
  default Optional<ScheduledEvents> scheduledEvents() {
    return Optional.empty();
  }
}
