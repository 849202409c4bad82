package org.networkeras.app.console;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.networkeras.chat.Capabilities;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.PlainTextRenderer;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.SendLimits;

/**
 * Delivers what the bot sends on its own (reminders, announcements) to the console, printing each
 * message with its addressee. Always accepts. Thread-safe.
 */
public final class ConsoleGateway implements ChatGateway {

  static final Capabilities CAPABILITIES =
      new Capabilities(
          false, false, true, false, SendLimits.UNLIMITED, Capabilities.PersonNaming.TYPED_ID);

  private final PrintStream out;
  private final PlainTextRenderer renderer;
  private final ConsoleTexts texts;
  private final AtomicLong ids = new AtomicLong();

  ConsoleGateway(PrintStream out, PlainTextRenderer renderer, ConsoleTexts texts) {
    this.out = out;
    this.renderer = renderer;
    this.texts = texts;
  }

  @Override
  public Platform platform() {
    return Platform.CONSOLE;
  }

  /** Text and buttons; replies marked as only for the member; no limits. */
  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public synchronized DeliveryResult send(Conversation to, Reply reply, String deliveryKey) {
    out.println(texts.get("console.to_chat", to.id()));
    out.print(renderer.render(reply));
    out.flush();
    return new DeliveryResult.Delivered("console-" + ids.incrementAndGet());
  }

  @Override
  public synchronized DeliveryResult sendDirect(ChatUser to, Reply reply, String deliveryKey) {
    out.println(texts.get("console.to_user", to.displayName()));
    out.print(renderer.render(reply));
    out.flush();
    return new DeliveryResult.Delivered("console-" + ids.incrementAndGet());
  }
}
