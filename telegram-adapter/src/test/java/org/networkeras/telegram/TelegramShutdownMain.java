package org.networkeras.telegram;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.ButtonPress;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Choice;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.FormSubmission;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.IncomingMessage;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandSpec;

/**
 * A bot process for {@link TelegramShutdownTest}: starts the adapter against the API address given
 * as argument, closes it from a shutdown hook as the launcher does, and says so on standard output.
 */
final class TelegramShutdownMain {

  private TelegramShutdownMain() {}

  public static void main(String[] args) throws InterruptedException {
    TelegramAdapter adapter =
        TelegramAdapter.start(
            new TelegramSettings(FakeBotApi.TOKEN, URI.create(args[0])),
            new CannedCore(),
            new InMemoryStateStore(),
            new InMemoryUsernames(),
            Clock.systemUTC());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("ADAPTER CLOSING");
                  System.out.flush();
                  adapter.close();
                  System.out.println("ADAPTER CLOSED");
                  System.out.flush();
                }));
    System.out.println("ADAPTER STARTED");
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /** Answers every command with the same text. */
  private static final class CannedCore implements BotCore {
    @Override
    public Reply handle(IncomingCommand command) {
      return Reply.text(Locale.ENGLISH, "canned");
    }

    @Override
    public Reply handle(ButtonPress press) {
      return Reply.text(Locale.ENGLISH, "canned");
    }

    @Override
    public Reply handle(FormSubmission submission) {
      return Reply.text(Locale.ENGLISH, "canned");
    }

    @Override
    public Optional<Reply> handle(IncomingMessage message) {
      return Optional.empty();
    }

    @Override
    public List<Choice> complete(
        String command, String parameter, String prefix, ChatUser user, Conversation conversation) {
      return List.of();
    }

    @Override
    public List<CommandSpec> commandSpecs() {
      return List.of();
    }
  }
}
