package org.networkeras.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.networkeras.chat.Capabilities;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.ScheduledEvents;
import org.networkeras.chat.SendLimits;

/**
 * Delivers core's own messages (reminders, announcements) to Discord channels and members' direct
 * messages. Each message carries a nonce derived from its delivery key with {@code enforce_nonce},
 * so Discord drops a copy sent again after a crash. Calls block until Discord answers (or the
 * timeout passes) and never wait out a rate limit: a 429 comes back as a retryable failure with the
 * wait Discord asked for. Thread-safe; never call it from JDA's event thread.
 */
final class DiscordChatGateway implements ChatGateway {

  /** Discord error codes that no retry can fix. */
  private static final Set<Integer> PERMANENT_CODES =
      Set.of(
          10003, // unknown channel
          10013, // unknown user
          50001, // missing access
          50007, // cannot send messages to this user (closed DMs, blocked bot)
          50013); // missing permissions

  /**
   * Modals (with select menus inside labels), ephemeral replies and attachments; a global cap of 50
   * messages a second (JDA keeps Discord's per-route buckets itself); people picked in user
   * options.
   */
  static final Capabilities CAPABILITIES =
      new Capabilities(
          true,
          true,
          true,
          true,
          new SendLimits(
              Optional.of(new SendLimits.Limit(50, Duration.ofSeconds(1))),
              Optional.empty(),
              Optional.empty()),
          Capabilities.PersonNaming.PICKER);

  /**
   * How long a message for a channel this instance does not see waits before a new try when no
   * session at all runs here (all of its shards held by other instances): there is then no
   * requester to send it by REST with.
   */
  static final Duration NOT_HERE_RETRY = Duration.ofSeconds(30);

  private final DiscordChannels channels;
  private final DiscordReplyRenderer renderer;
  private final Duration timeout;
  private final DiscordScheduledEvents scheduledEvents;

  DiscordChatGateway(DiscordChannels channels, DiscordReplyRenderer renderer, Duration timeout) {
    this.channels = Objects.requireNonNull(channels, "channels");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.scheduledEvents = new DiscordScheduledEvents(channels, timeout);
  }

  /** The servers' scheduled events (the Events tab), through JDA. */
  @Override
  public Optional<ScheduledEvents> scheduledEvents() {
    return Optional.of(scheduledEvents);
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** Yes: every message carries its delivery key's nonce, which Discord enforces. */
  @Override
  public boolean dropsRepeatedSends() {
    return true;
  }

  @Override
  public DeliveryResult send(Conversation to, Reply reply, String deliveryKey) {
    if (to.platform() != Platform.DISCORD) {
      throw new IllegalArgumentException("not a Discord conversation: " + to.key());
    }
    MessageChannel channel = channels.channel(to.id());
    if (channel == null && !channels.seesEveryGuild()) {
      // its guild may be on a shard another instance runs: sending needs no gateway session, so
      // the message goes out from here by REST, with the same nonce (Discord still drops a copy)
      RestAction<String> post =
          channels.postByRest(to.id(), renderer.message(reply), nonce(deliveryKey));
      if (post == null) {
        return DeliveryResult.Failed.retryAfter(
            "no Discord shard runs on this instance to send to channel " + to.id(), NOT_HERE_RETRY);
      }
      return deliver(post);
    }
    if (channel == null) {
      return DeliveryResult.Failed.permanent("unknown or unreachable channel " + to.id());
    }
    MessageCreateData message = renderer.message(reply);
    try {
      return deliver(channel.sendMessage(message).setNonce(nonce(deliveryKey)).map(Message::getId));
    } catch (InsufficientPermissionException e) {
      return DeliveryResult.Failed.permanent("missing permission " + e.getPermission());
    }
  }

  @Override
  public DeliveryResult sendDirect(ChatUser to, Reply reply, String deliveryKey) {
    if (to.platform() != Platform.DISCORD) {
      throw new IllegalArgumentException("not a Discord user: " + to.key());
    }
    MessageCreateData message = renderer.message(reply);
    String nonce = nonce(deliveryKey);
    return deliver(
        channels
            .openPrivate(to.id())
            .flatMap(channel -> channel.sendMessage(message).setNonce(nonce))
            .map(Message::getId));
  }

  /**
   * A Discord nonce (at most 25 characters) for a delivery key: the first 100 bits of its SHA-256,
   * in hexadecimal. The same key always gives the same nonce.
   */
  static String nonce(String deliveryKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(deliveryKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, Message.MAX_NONCE_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private DeliveryResult deliver(RestAction<String> action) {
    try {
      String sentId = action.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).complete(false);
      return new DeliveryResult.Delivered(sentId);
    } catch (RateLimitedException e) {
      return DeliveryResult.Failed.retryAfter(
          "rate limited on " + e.getRateLimitedRoute(), Duration.ofMillis(e.getRetryAfter()));
    } catch (ErrorResponseException e) {
      return failure(e);
    } catch (InsufficientPermissionException e) {
      return DeliveryResult.Failed.permanent("missing permission " + e.getPermission());
    } catch (RuntimeException e) {
      if (causedBy(e, TimeoutException.class)) {
        return DeliveryResult.Failed.retryable("no answer from Discord within " + timeout);
      }
      return DeliveryResult.Failed.retryable("could not reach Discord: " + e);
    }
  }

  /** Maps a Discord error answer: see {@link #PERMANENT_CODES}; 429 and 5xx may be retried. */
  static DeliveryResult failure(ErrorResponseException e) {
    String reason = "Discord error " + e.getErrorCode() + " (" + e.getMeaning() + ")";
    if (PERMANENT_CODES.contains(e.getErrorCode())) {
      return DeliveryResult.Failed.permanent(reason);
    }
    int status = e.getResponse() == null ? -1 : e.getResponse().code;
    if (status == 429) {
      long retryAfter = e.getResponse().retryAfter;
      return retryAfter > 0
          ? DeliveryResult.Failed.retryAfter(reason, Duration.ofMillis(retryAfter))
          : DeliveryResult.Failed.retryable(reason);
    }
    if (e.isServerError() || status >= 500 || status < 0) {
      return DeliveryResult.Failed.retryable(reason);
    }
    return DeliveryResult.Failed.permanent(reason);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
