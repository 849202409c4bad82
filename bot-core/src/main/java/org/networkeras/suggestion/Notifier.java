package org.networkeras.suggestion;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Gateways;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends core's own messages (notifications, announcements) through the gateway of the recipient's
 * platform. A failure is logged with the ids involved and never reaches the command that caused the
 * message. Thread-safe.
 */
final class Notifier {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private final Gateways gateways;

  Notifier(Gateways gateways) {
    this.gateways = Objects.requireNonNull(gateways, "gateways");
  }

  /** Posts {@code reply} in a group conversation; returns whether the platform accepted it. */
  boolean post(Conversation to, Reply reply, String deliveryKey) {
    Optional<ChatGateway> gateway = gateways.forPlatform(to.platform());
    if (gateway.isEmpty()) {
      log.warn(
          "no gateway for {}: message {} to conversation {} dropped",
          to.platform(),
          deliveryKey,
          to.id());
      return false;
    }
    try {
      return logged(gateway.get().send(to, reply, deliveryKey), deliveryKey, to.key());
    } catch (RuntimeException e) {
      log.error("message {} to conversation {} failed", deliveryKey, to.key(), e);
      return false;
    }
  }

  /** Sends {@code reply} to a member's direct chat, by the member's key ({@code telegram:42}). */
  boolean tell(String userKey, String displayName, Reply reply, String deliveryKey) {
    int colon = userKey.indexOf(':');
    Platform platform;
    try {
      platform =
          Platform.valueOf(userKey.substring(0, Math.max(colon, 0)).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      log.warn("message {} dropped: {} is not a member key", deliveryKey, userKey);
      return false;
    }
    ChatUser to =
        new ChatUser(platform, userKey.substring(colon + 1), displayName, null, Role.MEMBER);
    Optional<ChatGateway> gateway = gateways.forPlatform(platform);
    if (gateway.isEmpty()) {
      log.warn("no gateway for {}: message {} to {} dropped", platform, deliveryKey, userKey);
      return false;
    }
    try {
      return logged(gateway.get().sendDirect(to, reply, deliveryKey), deliveryKey, userKey);
    } catch (RuntimeException e) {
      log.error("message {} to {} failed", deliveryKey, userKey, e);
      return false;
    }
  }

  private static boolean logged(DeliveryResult result, String deliveryKey, String recipient) {
    if (result instanceof DeliveryResult.Failed failed) {
      log.warn(
          "message {} to {} not delivered (retryable={}): {}",
          deliveryKey,
          recipient,
          failed.retryable(),
          failed.reason());
      return false;
    }
    return true;
  }
}
