package org.networkeras.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.core.SimulatedClock;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/** How far behind the outbox is, as metrics read it. */
final class OutboxBacklogTest {

  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  @TempDir Path tempDir;
  private Database database;

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Backend.class)
  void countsPendingAndDueMessagesAndDatesTheOldestDueOne(TestDatabases.Backend backend) {
    // given
    database = backend.open(tempDir);
    Outbox outbox = new Outbox(database, new SimulatedClock(NOW, java.time.ZoneOffset.UTC));
    outbox.enqueue(message("a", NOW.minus(Duration.ofMinutes(10))));
    outbox.enqueue(message("b", NOW.minus(Duration.ofMinutes(2))));
    outbox.enqueue(message("c", NOW.plus(Duration.ofHours(1))));

    // when
    OutboxBacklog backlog = outbox.backlog(NOW);

    // then
    assertThat(backlog.pending()).isEqualTo(3);
    assertThat(backlog.due()).isEqualTo(2);
    assertThat(backlog.oldestDue()).contains(NOW.minus(Duration.ofMinutes(10)));
    assertThat(backlog.oldestDueAge(NOW)).isEqualTo(Duration.ofMinutes(10));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Backend.class)
  void hasNoOldestDueMessageWhenNothingIsDueYet(TestDatabases.Backend backend) {
    // given
    database = backend.open(tempDir);
    Outbox outbox = new Outbox(database, new SimulatedClock(NOW, java.time.ZoneOffset.UTC));
    OutboxBacklog empty = outbox.backlog(NOW);
    outbox.enqueue(message("later", NOW.plus(Duration.ofMinutes(5))));

    // when
    OutboxBacklog backlog = outbox.backlog(NOW);

    // then
    assertThat(empty).isEqualTo(new OutboxBacklog(0, 0, Optional.empty()));
    assertThat(backlog).isEqualTo(new OutboxBacklog(1, 0, Optional.empty()));
    assertThat(backlog.oldestDueAge(NOW)).isZero();
  }

  private static OutgoingMessage message(String key, Instant due) {
    return OutgoingMessage.unexpiring(
        key,
        Target.member(ChatUser.member(Platform.TELEGRAM, "7", "Ann")),
        Reply.text(Locale.ENGLISH, "hello"),
        due);
  }
}
