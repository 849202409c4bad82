package org.networkeras.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/** What metrics learn of each command: its name and outcome (MDC: bot-app's LogContextTest). */
final class CommandListenerTest {

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private final List<String> heard = new CopyOnWriteArrayList<>();

  @BeforeEach
  void openChat() {
    database = TestDatabases.sqlite(tempDir);
    chat = Chat.on(database).withStarterCatalog("paris-tech");
    chat.wiring()
        .listen(
            (command, platform, outcome, elapsed) ->
                heard.add(
                    command
                        + " "
                        + platform
                        + " "
                        + outcome
                        + (elapsed.isNegative() ? " negative" : "")));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void hearsEachCommandWithItsNameAndOutcome() {
    // when
    chat.as("alice").in("paris-tech").send("/events tonight");
    chat.as("alice").in("paris-tech").send("/event nonsense");

    // then
    assertThat(heard).containsExactly("events CONSOLE OK", "event CONSOLE REFUSED");
  }

  @Test
  void namesEveryCommandTheBotDoesNotHaveUnknown() {
    // when
    chat.as("alice").in("paris-tech").send("/evnts tonight");

    // then
    assertThat(heard).hasSize(1);
    assertThat(heard.get(0)).startsWith("unknown CONSOLE REFUSED");
  }

  @Test
  void aListenerThatThrowsDoesNotSpoilTheReply() {
    // given
    chat.wiring()
        .listen(
            (command, platform, outcome, elapsed) -> {
              throw new IllegalStateException("metrics broke");
            });

    // when
    String answer = chat.as("alice").in("paris-tech").send("/events tonight").text();

    // then
    assertThat(answer).contains("(sample)");
  }
}
