package org.networkeras.app.console;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.networkeras.chat.Capabilities;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.PlainTextRenderer;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.SendLimits;

/**
 * Delivers what the bot sends on its own (reminders, announcements) to the console, printing each
 * message with the time it was delivered and its addressee. Always accepts. Thread-safe.
 */
public final class ConsoleGateway implements ChatGateway {

  static final Capabilities CAPABILITIES =
      new Capabilities(
          false, false, true, false, SendLimits.UNLIMITED, Capabilities.PersonNaming.TYPED_ID);

  private final PrintStream out;
  private final Clock clock;
  private final PlainTextRenderer renderer;
  private final ConsoleTexts texts;
  private final AtomicLong ids = new AtomicLong();

  ConsoleGateway(PrintStream out, Clock clock, PlainTextRenderer renderer, ConsoleTexts texts) {
    this.out = out;
    this.clock = clock;
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
    out.println(texts.get("console.to_chat", to.id(), now(reply)));
    out.print(renderer.render(reply));
    out.flush();
    return new DeliveryResult.Delivered("console-" + ids.incrementAndGet());
  }

  @Override
  public synchronized DeliveryResult sendDirect(ChatUser to, Reply reply, String deliveryKey) {
    out.println(texts.get("console.to_user", to.displayName(), now(reply)));
    out.print(renderer.render(reply));
    out.flush();
    return new DeliveryResult.Delivered("console-" + ids.incrementAndGet());
  }

  /** The clock's time as the console prints times, so a message shows when it was delivered. */
  private String now(Reply reply) {
    return renderer.line(
        Line.of(Piece.time(clock.instant(), clock.getZone(), Piece.TimeStyle.FULL)),
        Reply.text(reply.locale()));
  }
}
