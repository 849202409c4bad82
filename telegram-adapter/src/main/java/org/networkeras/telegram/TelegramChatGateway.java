package org.networkeras.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.networkeras.chat.Capabilities;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.SendLimits;
import org.networkeras.chat.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers core's own messages (reminders, announcements) to Telegram chats and to members' private
 * chats, whose id is the member's user id. Each call is tried once and its outcome returned: a
 * member who blocked the bot or never started it is a permanent failure; 429 carries Telegram's
 * {@code retry_after}.
 *
 * <p>Telegram has no way to drop a repeated message. A reply too long for one message goes out in
 * parts; how many were delivered is kept under its delivery key in the {@link StateStore} until the
 * last part is, so a retry after a failure (or a restart) sends only the parts not yet delivered.
 * At most the part in flight when the bot stops may be sent twice. Thread-safe.
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
  private final StateStore progress;
  private final String keyPrefix;
  private final Optional<URI> privateChat;

  /**
   * @param progress where the parts delivered of a reply sent in several are kept
   * @param keyPrefix what the progress keys start with ({@code telegram.<bot id>.parts.})
   */
  TelegramChatGateway(TelegramDelivery delivery, StateStore progress, String keyPrefix) {
    this(delivery, progress, keyPrefix, null);
  }

  /**
   * @param privateChat the bot's {@code https://t.me/<bot>} link, or {@code null}
   */
  TelegramChatGateway(
      TelegramDelivery delivery, StateStore progress, String keyPrefix, URI privateChat) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    this.privateChat = Optional.ofNullable(privateChat);
  }

  /** {@code https://t.me/<bot>}: Telegram opens the bot's private chat with its Start button. */
  @Override
  public Optional<URI> privateChatLink() {
    return privateChat;
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
    return resuming(to.id(), reply, deliveryKey);
  }

  @Override
  public DeliveryResult sendDirect(ChatUser to, Reply reply, String deliveryKey) {
    requireTelegram(to.platform());
    log.debug("Delivering {} to Telegram user {}", deliveryKey, to.id());
    return resuming(to.id(), reply, deliveryKey);
  }

  /** Sends the parts of {@code reply} not yet delivered under {@code deliveryKey}. */
  private DeliveryResult resuming(String chatId, Reply reply, String deliveryKey) {
    String key = keyPrefix + deliveryKey;
    int from =
        progress.get(key).filter(n -> n.matches("[0-9]{1,4}")).map(Integer::parseInt).orElse(0);
    if (from > 0) {
      log.info("Resuming {} at part {} in Telegram chat {}", deliveryKey, from + 1, chatId);
    }
    AtomicBoolean recorded = new AtomicBoolean(from > 0);
    DeliveryResult result =
        delivery.send(
            chatId,
            reply,
            from,
            parts -> {
              progress.put(key, Integer.toString(parts));
              recorded.set(true);
            });
    if (recorded.get() && result.delivered()) {
      progress.remove(key);
    }
    return result;
  }

  private static void requireTelegram(Platform platform) {
    if (platform != Platform.TELEGRAM) {
      throw new IllegalArgumentException("not a Telegram recipient: " + platform);
    }
  }
}
