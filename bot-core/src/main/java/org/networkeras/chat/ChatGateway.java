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

  /** What the platform can show and how fast the bot may send there. */
  default Capabilities capabilities() {
    return Capabilities.PLAIN;
  }
}
