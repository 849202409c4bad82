package org.networkeras.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.core.SimulatedClock;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/**
 * Two bot instances on one PostgreSQL share the outbox: every message goes out exactly once.
 * Skipped, saying why, when {@value TestDatabases#POSTGRES_URL_VARIABLE} is not set.
 */
final class TwoInstancesTest {

  private static final int MESSAGES = 10_000;
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  /** The default settings, but a round claims one batch: a first round cannot take everything. */
  private static final OutboxWorker.Settings ONE_BATCH_A_ROUND =
      new OutboxWorker.Settings(
          OutboxWorker.Settings.DEFAULTS.batchSize(),
          OutboxWorker.Settings.DEFAULTS.lease(),
          OutboxWorker.Settings.DEFAULTS.leaseMargin(),
          OutboxWorker.Settings.DEFAULTS.firstRetry(),
          OutboxWorker.Settings.DEFAULTS.longestRetry(),
          OutboxWorker.Settings.DEFAULTS.maxAttempts(),
          1,
          OutboxWorker.Settings.DEFAULTS.recordEvery());

  private String serverUrl;
  private String schema;
  private Database first;
  private Database second;
  private ExecutorService instances;

  @BeforeEach
  void createSchema() throws SQLException {
    Assumptions.assumeTrue(
        TestDatabases.postgresConfigured(),
        TestDatabases.POSTGRES_URL_VARIABLE + " not set: PostgreSQL tests skipped");
    serverUrl = System.getenv(TestDatabases.POSTGRES_URL_VARIABLE);
    schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    execute("CREATE SCHEMA " + schema);
  }

  @AfterEach
  void close() throws SQLException {
    if (instances != null) {
      instances.shutdownNow();
    }
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
    if (schema != null) {
      execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void twoInstancesOnOnePostgresDeliverTenThousandMessagesExactlyOnceBetweenThem()
      throws Exception {
    // given: one database, two instances, each with its own connection pool
    String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    first = Database.open(url);
    second = Database.open(url);
    SimulatedClock clock = new SimulatedClock(NOW, ZoneOffset.UTC);
    Outbox outbox = new Outbox(first, clock);
    enqueue(outbox, clock);
    RecordingGateway platform = new RecordingGateway(Platform.CONSOLE);
    OutboxWorker a = worker(new Outbox(first, clock), platform, clock, "instance-a");
    OutboxWorker b = worker(new Outbox(second, clock), platform, clock, "instance-b");
    instances = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);

    // when: each takes one round in turn (so both take part whatever the threads' timing), then
    // both drain the rest at once
    int firstRoundOfA = a.deliverDue().size();
    int firstRoundOfB = b.deliverDue().size();
    CompletableFuture<Integer> byA = CompletableFuture.supplyAsync(() -> drain(a, go), instances);
    CompletableFuture<Integer> byB = CompletableFuture.supplyAsync(() -> drain(b, go), instances);
    go.countDown();
    // A bound for a stuck test, far above the few seconds this takes even on a loaded machine.
    int deliveredByA = firstRoundOfA + byA.get(10, TimeUnit.MINUTES);
    int deliveredByB = firstRoundOfB + byB.get(10, TimeUnit.MINUTES);

    // then
    assertThat(deliveredByA + deliveredByB).isEqualTo(MESSAGES);
    assertThat(platform.sendsByKey()).hasSize(MESSAGES);
    assertThat(platform.sendsByKey().values()).allMatch(count -> count.get() == 1);
    assertThat(firstRoundOfA)
        .as("instance a's first round")
        .isEqualTo(ONE_BATCH_A_ROUND.batchSize());
    assertThat(firstRoundOfB)
        .as("instance b's first round")
        .isEqualTo(ONE_BATCH_A_ROUND.batchSize());
    assertThat(outbox.find("announce:9999").orElseThrow().status())
        .isEqualTo(OutboxEntry.Status.DELIVERED);
  }

  private static void enqueue(Outbox outbox, SimulatedClock clock) {
    List<ChatUser> members = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      members.add(ChatUser.member(Platform.CONSOLE, "member-" + i, "Member " + i));
    }
    List<OutgoingMessage> messages = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      messages.add(
          OutgoingMessage.of(
              "announce:" + i,
              Target.member(members.get(i % members.size())),
              Reply.text(Locale.ENGLISH, "message " + i),
              clock.instant(),
              clock.instant().plus(Duration.ofHours(1))));
    }
    assertThat(outbox.enqueueAll(messages)).isEqualTo(MESSAGES);
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static OutboxWorker worker(
      Outbox outbox, RecordingGateway platform, SimulatedClock clock, String name) {
    return new OutboxWorker(
        outbox,
        platform.asLookup(),
        new RateLimiter(Map.of(), clock),
        clock,
        name,
        DeliveryListener.NONE,
        ONE_BATCH_A_ROUND);
  }

  /** Runs delivery rounds until a round finds nothing due; returns how many it delivered. */
  private static int drain(OutboxWorker worker, CountDownLatch go) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
    int delivered = 0;
    while (true) {
      List<DeliveryAttempt> round = worker.deliverDue();
      if (round.isEmpty()) {
        return delivered;
      }
      delivered += round.size();
    }
  }
}
