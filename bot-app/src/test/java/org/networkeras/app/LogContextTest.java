package org.networkeras.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.slf4j.MDC;

/**
 * The log context (Logback's MDC, which JSON lines carry) names the community and the command while
 * a command runs, and is empty again once it is answered.
 */
final class LogContextTest {

  @TempDir Path tempDir;
  private Database database;

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void namesTheCommunityAndTheCommandWhileACommandRunsAndClearsThemAfter() {
    // given
    database = TestDatabases.sqlite(tempDir);
    Chat chat = Chat.on(database).withStarterCatalog("paris-tech");
    long community = chat.community("paris-tech").id();
    List<String> seen = new CopyOnWriteArrayList<>();
    chat.wiring()
        .listen(
            (command, platform, outcome, elapsed) ->
                seen.add(MDC.get("community") + " " + MDC.get("command")));

    // when
    chat.as("alice").in("paris-tech").send("/events tonight");
    chat.as("alice").in("paris-tech").send("/guide");

    // then
    assertThat(seen).containsExactly(community + " events", community + " guide");
    assertThat(MDC.get("community")).isNull();
    assertThat(MDC.get("command")).isNull();
  }
}
