package org.networkeras.telegram;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Capabilities;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.SendLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers core's own messages (reminders, announcements) to Telegram chats and to members' private
 * chats, whose id is the member's user id. Each call is tried once and its outcome returned: a
 * member who blocked the bot or never started it is a permanent failure; 429 carries Telegram's
 * {@code retry_after}. Telegram has no way to drop a repeated message, so the delivery key is only
 * logged. Thread-safe.
 */
final class TelegramChatGateway implements ChatGateway {

  private static final Logger log = LoggerFactory.getLogger(TelegramChatGateway.class);

  /**
   * Text, buttons and documents, no forms and no ephemeral replies; Telegram's published limits:
   * about 30 messages a second, 1 a second per chat, 20 a minute per group; people named by a reply
   * to their message or a mention.
   */
  static final Capabilities CAPABILITIES =
      new Capabilities(
          false,
          false,
          false,
          true,
          new SendLimits(
              Optional.of(new SendLimits.Limit(30, Duration.ofSeconds(1))),
              Optional.of(new SendLimits.Limit(1, Duration.ofSeconds(1))),
              Optional.of(new SendLimits.Limit(20, Duration.ofMinutes(1)))),
          Capabilities.PersonNaming.REPLY_OR_MENTION);

  private final TelegramDelivery delivery;

  TelegramChatGateway(TelegramDelivery delivery) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  @Override
  public Platform platform() {
    return Platform.TELEGRAM;
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public DeliveryResult send(Conversation to, Reply reply, String deliveryKey) {
    requireTelegram(to.platform());
    log.debug("Delivering {} to Telegram chat {}", deliveryKey, to.id());
    return delivery.send(to.id(), reply);
  }

  @Override
  public DeliveryResult sendDirect(ChatUser to, Reply reply, String deliveryKey) {
    requireTelegram(to.platform());
    log.debug("Delivering {} to Telegram user {}", deliveryKey, to.id());
    return delivery.send(to.id(), reply);
  }

  private static void requireTelegram(Platform platform) {
    if (platform != Platform.TELEGRAM) {
      throw new IllegalArgumentException("not a Telegram recipient: " + platform);
    }
  }
}
