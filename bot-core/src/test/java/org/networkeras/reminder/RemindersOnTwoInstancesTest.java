package org.networkeras.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;
import org.networkeras.testing.RecordingGateway;

/**
 * Two bot instances (each its own core, caches and connection pool) on one PostgreSQL schema:
 * members answer on either, and both deliver the reminders that fall due at the same moment. Each
 * member gets each reminder once, whichever instance sent it. Skipped, saying why, without {@value
 * TestDatabases#POSTGRES_URL_VARIABLE}.
 */
final class RemindersOnTwoInstancesTest {

  private static final int MEMBERS = 200;

  private final List<Database> databases = new ArrayList<>();
  private ExecutorService instances;

  @AfterEach
  void close() {
    if (instances != null) {
      instances.shutdownNow();
    }
    databases.forEach(Database::close);
  }

  @Test
  void twoHundredMembersGoingGetTheirReminderExactlyOnceFromTwoInstances() throws Exception {
    // given two instances, and members going through either
    Assumptions.assumeTrue(TestDatabases.postgresConfigured(), TestDatabases.POSTGRES_SKIPPED);
    databases.addAll(TestDatabases.postgresInstances(2).orElseThrow());
    Chat first = Chat.on(databases.get(0)).at("2026-11-26T10:00");
    Chat second = Chat.on(databases.get(1)).at("2026-11-26T10:00");
    String ref =
        Long.toString(Events.publish(first, "paris-tech", "Apéro web", "2026-12-03T19:00").id());
    for (int i = 0; i < MEMBERS; i++) {
      Chat instance = i % 2 == 0 ? first : second;
      assertThat(instance.as("member" + i).in("paris-tech").send("/going " + ref).text())
          .contains("Apéro web");
    }

    // when the day-before reminders fall due and both instances deliver at the same moment
    for (Chat instance : List.of(first, second)) {
      instance.advance(
          Duration.between(
              instance.clock().instant(),
              LocalDateTime.parse("2026-12-02T19:00").atZone(Chat.PARIS).toInstant()));
    }
    instances = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<Void> byFirst = deliverAll(first, go);
    CompletableFuture<Void> bySecond = deliverAll(second, go);
    go.countDown();
    byFirst.get(60, TimeUnit.SECONDS);
    bySecond.get(60, TimeUnit.SECONDS);

    // then
    List<RecordingGateway.Sent> sent = new ArrayList<>(first.sent());
    sent.addAll(second.sent());
    Map<String, Long> remindersByMember =
        sent.stream()
            .filter(s -> s.direct() && s.text().contains("Reminder:"))
            .collect(Collectors.groupingBy(RecordingGateway.Sent::to, Collectors.counting()));
    assertThat(remindersByMember).hasSize(MEMBERS);
    assertThat(remindersByMember.values()).allMatch(count -> count == 1);
  }

  /** Delivers what is due until nothing is left, on a thread of its own, once {@code go} opens. */
  private CompletableFuture<Void> deliverAll(Chat instance, CountDownLatch go) {
    Function<Chat, Void> drain =
        chat -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
          }
          while (!chat.wiring().delivery().deliverDueNow().isEmpty()) {
            // another round: a round delivers one claimed batch
          }
          return null;
        };
    return CompletableFuture.supplyAsync(() -> drain.apply(instance), instances);
  }
}
