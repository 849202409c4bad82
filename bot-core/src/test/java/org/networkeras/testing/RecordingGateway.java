package org.networkeras.testing;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.networkeras.chat.Capabilities;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.PlainTextRenderer;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.SendLimits;

/** A gateway that records what core sends on its own, as plain text, and can be made to fail. */
public final class RecordingGateway implements ChatGateway {

  /**
   * One message core sent.
   *
   * @param to the conversation key ({@code console:paris-tech}) or member key ({@code
   *     console:alice})
   * @param direct whether it went to a member's direct chat
   * @param text the message as the console shows it
   */
  public record Sent(Platform platform, String to, boolean direct, String text) {}

  private final Platform platform;
  private final List<Sent> sent;
  private final PlainTextRenderer renderer;
  private final AtomicBoolean failing = new AtomicBoolean();
  private volatile Capabilities declared;
  private final java.util.Set<String> closed = java.util.concurrent.ConcurrentHashMap.newKeySet();

  RecordingGateway(Platform platform, List<Sent> sent, Clock clock) {
    this.platform = platform;
    this.sent = sent;
    this.renderer = new PlainTextRenderer(clock, false);
  }

  /** From now on, declares {@code declared} instead of what the platform's adapter does today. */
  public void declare(Capabilities declared) {
    this.declared = declared;
  }

  /** From now on, every delivery throws (as a broken adapter would). */
  public void fail() {
    failing.set(true);
  }

  /**
   * From now on, direct messages to the member with this platform id are refused for good, as a
   * platform does when a member closed them or never opened a chat with the bot.
   */
  public void closeDirectMessages(String memberId) {
    closed.add(memberId);
  }

  @Override
  public Platform platform() {
    return platform;
  }

  /** What each platform's adapter declares, as far as core's decisions go (no send limits). */
  @Override
  public Capabilities capabilities() {
    if (declared != null) {
      return declared;
    }
    return switch (platform) {
      case DISCORD ->
          new Capabilities(
              true, false, true, true, SendLimits.UNLIMITED, Capabilities.PersonNaming.PICKER);
      case TELEGRAM ->
          new Capabilities(
              false,
              false,
              false,
              true,
              SendLimits.UNLIMITED,
              Capabilities.PersonNaming.REPLY_OR_MENTION);
      case CONSOLE ->
          new Capabilities(
              false, false, true, false, SendLimits.UNLIMITED, Capabilities.PersonNaming.TYPED_ID);
    };
  }

  @Override
  public DeliveryResult send(Conversation to, Reply reply, String deliveryKey) {
    if (failing.get()) {
      throw new IllegalStateException("platform down");
    }
    synchronized (sent) {
      sent.add(new Sent(platform, to.key(), false, renderer.render(reply)));
    }
    return new DeliveryResult.Delivered(deliveryKey);
  }

  @Override
  public DeliveryResult sendDirect(ChatUser to, Reply reply, String deliveryKey) {
    if (failing.get()) {
      throw new IllegalStateException("platform down");
    }
    if (closed.contains(to.id())) {
      return DeliveryResult.Failed.permanent("direct messages closed");
    }
    synchronized (sent) {
      sent.add(new Sent(platform, to.key(), true, renderer.render(reply)));
    }
    return new DeliveryResult.Delivered(deliveryKey);
  }
}
