package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.Reply;
import org.networkeras.cluster.LeasedWork;
import org.networkeras.cluster.Leases;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/**
 * Two adapters of one bot token, as two instances on one database run them (two connections to one
 * SQLite file here: the lease SQL is the same on PostgreSQL), against a Bot API server that keeps
 * updates until they are confirmed, as Telegram does. Leases are renewed every 100 ms (real time);
 * whether one expired is judged on a clock the test moves.
 */
final class TelegramPollerLeaseTest {

  private static final Duration GENEROUS = Duration.ofSeconds(30);
  private static final LeasedWork.Timing FAST =
      new LeasedWork.Timing(Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(30));

  @TempDir Path tempDir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T18:00:00Z"));
  private final BotCore core = mock(BotCore.class);
  private final List<AutoCloseable> running = new ArrayList<>();
  private FakeBotApi api;

  @BeforeEach
  void startServer() throws Exception {
    api = new FakeBotApi(200);
    when(core.commandSpecs()).thenReturn(List.of());
    when(core.handle(any(IncomingCommand.class)))
        .thenAnswer(
            call -> {
              IncomingCommand command = call.getArgument(0);
              return Reply.text(Locale.ENGLISH, "handled " + command.arguments().text());
            });
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    api.close();
  }

  @Test
  void oneInstancePollsAndTheOtherTakesOverWhenItStopsWithNoUpdateLostOrRepeated()
      throws Exception {
    // given two instances, the first one polling
    TelegramAdapter first = instance();
    eventually(first::isPolling);
    TelegramAdapter second = instance();
    for (int id = 1; id <= 5; id++) {
      api.send(id, update(id));
    }
    eventually(() -> repliedToAll(1, 5));
    assertThat(second.isPolling()).isFalse();
    assertThat(second.status().detail()).startsWith("standing by");

    // when the first stops, and more updates come meanwhile
    first.close();
    for (int id = 6; id <= 10; id++) {
      api.send(id, update(id));
    }

    // then the second polls from where the first stopped
    eventually(() -> repliedToAll(1, 10));
    assertThat(second.isPolling()).isTrue();
    for (int id = 1; id <= 10; id++) {
      assertThat(api.textsSentTo(chatOf(id))).as("update %d", id).containsExactly("handled " + id);
    }
    assertThat(api.mostPollsAtOnce()).isEqualTo(1);
  }

  @Test
  void aConflictStopsPollingOnlyUntilTheRestartDelayWhileTheLeaseIsHeld() throws Exception {
    // given
    api.script(
        "getUpdates",
        409,
        """
        {"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates\
         request; make sure that only one bot instance is running"}""");
    TelegramAdapter adapter = instance();
    eventually(() -> api.count("getUpdates") >= 1 && !adapter.isPolling());

    // when
    clock.advance(FAST.restartAfter());
    api.send(1, update(1));

    // then
    eventually(() -> repliedToAll(1, 1));
    assertThat(adapter.isPolling()).isTrue();
  }

  private TelegramAdapter instance() {
    Database database = TestDatabases.sqlite(tempDir);
    running.add(database);
    TelegramAdapter adapter =
        TelegramAdapter.start(
            new TelegramSettings(FakeBotApi.TOKEN, api.url()),
            core,
            database.state(),
            new InMemoryUsernames(),
            new Leases(database, clock),
            FAST,
            clock,
            1);
    running.add(adapter);
    return adapter;
  }

  private boolean repliedToAll(int first, int last) {
    for (int id = first; id <= last; id++) {
      if (api.textsSentTo(chatOf(id)).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** Each update comes from a private chat of its own, so its reply names it. */
  private static long chatOf(int updateId) {
    return 500_000L + updateId;
  }

  private static String update(int id) {
    return BotApiJson.message(
        id,
        BotApiJson.privateChat(chatOf(id)),
        """
        {"id":%d,"is_bot":false,"first_name":"Member %d"}"""
            .formatted(chatOf(id), id),
        "/events " + id);
  }

  private static void eventually(BooleanSupplier condition) {
    Awaitility.await()
        .atMost(GENEROUS)
        .pollInterval(Duration.ofMillis(20))
        .until(condition::getAsBoolean);
  }
}
