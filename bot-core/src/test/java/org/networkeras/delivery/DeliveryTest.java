package org.networkeras.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.networkeras.delivery.OutgoingMessages.toAlice;
import static org.networkeras.delivery.OutgoingMessages.toGroup;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Platform;
import org.networkeras.core.SimulatedClock;
import org.networkeras.delivery.DeliveryAttempt.Outcome;
import org.networkeras.delivery.OutboxEntry.Status;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class DeliveryTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Instant EVENT = NOW.plus(Duration.ofDays(1));

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private SimulatedClock clock;
  private RecordingGateway gateway;
  private Delivery delivery;

  @BeforeEach
  void openDatabase() {
    database = backend.open(tempDir);
    clock = new SimulatedClock(NOW, ZoneOffset.UTC);
    gateway = new RecordingGateway(Platform.TELEGRAM);
  }

  @AfterEach
  void close() {
    if (delivery != null) {
      delivery.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void theSchedulerDeliversDueMessagesByItselfAndStopsCleanly() throws InterruptedException {
    // given
    CountDownLatch delivered = new CountDownLatch(2);
    delivery =
        new Delivery(
            database,
            gateway.asLookup(),
            clock,
            attempt -> {
              if (attempt.outcome() == Outcome.DELIVERED) {
                delivered.countDown();
              }
            });
    delivery.outbox().enqueue(toAlice("reminder:42:a:PT2H", NOW, EVENT));
    delivery.outbox().enqueue(toGroup("starting-soon:42", NOW, EVENT));

    // when
    delivery.start();
    boolean deliveredInTime = delivered.await(2, TimeUnit.MINUTES);
    delivery.close();

    // then
    assertThat(deliveredInTime)
        .as("delivered by the scheduler (waited at most 2 minutes)")
        .isTrue();
    assertThat(delivery.isRunning()).isFalse();
    assertThat(gateway.keys()).containsExactlyInAnyOrder("reminder:42:a:PT2H", "starting-soon:42");
    assertThat(delivery.outbox().find("starting-soon:42").orElseThrow().status())
        .isEqualTo(Status.DELIVERED);
    assertThat(scheduledTasks()).contains(Delivery.TASK_NAME);
  }

  @Test
  void deliversWhatIsDueOnTheCallersThreadWithoutTheScheduler() {
    // given
    delivery = new Delivery(database, gateway.asLookup(), clock, DeliveryListener.NONE);
    delivery.outbox().enqueue(toAlice("reminder:42:a:PT2H", NOW.plusSeconds(60), EVENT));

    // when
    List<DeliveryAttempt> before = delivery.deliverDueNow();
    clock.advance(Duration.ofMinutes(1));
    List<DeliveryAttempt> after = delivery.deliverDueNow();

    // then
    assertThat(before).isEmpty();
    assertThat(after)
        .singleElement()
        .satisfies(
            attempt -> {
              assertThat(attempt.outcome()).isEqualTo(Outcome.DELIVERED);
              assertThat(attempt.message().target())
                  .isEqualTo(Target.member(OutgoingMessages.ALICE));
            });
    assertThat(delivery.isRunning()).isFalse();
  }

  @Test
  void startingTwiceOrClosingTwiceIsHarmlessAndAClosedDeliveryDoesNotRestart() {
    // given
    delivery = new Delivery(database, gateway.asLookup(), clock, DeliveryListener.NONE);

    // when
    delivery.start();
    delivery.start();
    boolean running = delivery.isRunning();
    delivery.close();
    delivery.close();

    // then
    assertThat(running).isTrue();
    assertThat(delivery.isRunning()).isFalse();
    assertThatThrownBy(delivery::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void runsMoreRecurringTasksOnTheSameScheduler() throws InterruptedException {
    // given
    CountDownLatch ran = new CountDownLatch(1);
    RecurringTask<Void> agenda =
        Tasks.recurring("weekly-agenda", FixedDelay.ofSeconds(1))
            .execute((instance, context) -> ran.countDown());
    delivery = new Delivery(database, gateway.asLookup(), clock, DeliveryListener.NONE);

    // when
    delivery.start(List.of(agenda));
    boolean ranInTime = ran.await(2, TimeUnit.MINUTES);
    delivery.close();

    // then
    assertThat(ranInTime).as("the extra task ran (waited at most 2 minutes)").isTrue();
    assertThat(scheduledTasks()).contains(Delivery.TASK_NAME, "weekly-agenda");
  }

  @Test
  void purgesMessagesSettledLongerAgoThanThirtyDaysByDefaultAndNeverPendingOnes() {
    // given one message delivered now, one delivered 20 days later, one pending for 60 days
    delivery = new Delivery(database, gateway.asLookup(), clock, DeliveryListener.NONE);
    Outbox outbox = delivery.outbox();
    outbox.enqueue(toAlice("old", NOW, EVENT));
    outbox.enqueue(
        OutgoingMessage.unexpiring(
            "later",
            toAlice("x", NOW, EVENT).target(),
            toAlice("later", NOW, EVENT).reply(),
            NOW.plus(Duration.ofDays(20))));
    outbox.enqueue(
        toAlice("pending", NOW.plus(Duration.ofDays(60)), NOW.plus(Duration.ofDays(61))));
    delivery.deliverDueNow();
    clock.advance(Duration.ofDays(20));
    delivery.deliverDueNow();

    // when 31 days after the first delivery
    clock.advance(Duration.ofDays(11));
    int purged = delivery.purgeSettled();

    // then
    assertThat(delivery.retention()).isEqualTo(Duration.ofDays(30));
    assertThat(purged).isEqualTo(1);
    assertThat(outbox.find("old")).isEmpty();
    assertThat(outbox.find("later").orElseThrow().status()).isEqualTo(Status.DELIVERED);
    assertThat(outbox.find("pending").orElseThrow().status()).isEqualTo(Status.PENDING);
  }

  @Test
  void aShorterRetentionPurgesSooner() {
    // given
    delivery = new Delivery(database, gateway.asLookup(), clock, DeliveryListener.NONE);
    delivery.keepSettledFor(Duration.ofDays(7));
    delivery.outbox().enqueue(toAlice("sent", NOW, EVENT));
    delivery.deliverDueNow();

    // when
    clock.advance(Duration.ofDays(7).minusMinutes(1));
    int tooSoon = delivery.purgeSettled();
    clock.advance(Duration.ofMinutes(2));
    int purged = delivery.purgeSettled();

    // then
    assertThat(tooSoon).isZero();
    assertThat(purged).isEqualTo(1);
  }

  @Test
  void refusesARetentionShorterThanADay() {
    // given
    delivery = new Delivery(database, gateway.asLookup(), clock, DeliveryListener.NONE);

    // when / then
    assertThatThrownBy(() -> delivery.keepSettledFor(Duration.ofHours(23)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT24H");
  }

  @Test
  void theSchedulerPurgesSettledMessagesByItself() throws InterruptedException {
    // given a message delivered 31 days ago (simulated time)
    delivery = new Delivery(database, gateway.asLookup(), clock, DeliveryListener.NONE);
    delivery.outbox().enqueue(toAlice("sent", NOW, EVENT));
    delivery.deliverDueNow();
    clock.advance(Duration.ofDays(31));

    // when
    delivery.start();
    try {
      // then
      await("purged by the scheduler within 30 s")
          .atMost(Duration.ofSeconds(30))
          .until(() -> delivery.outbox().find("sent").isEmpty());
    } finally {
      delivery.close();
    }
    assertThat(scheduledTasks()).contains(Delivery.PURGE_TASK_NAME);
  }

  private List<String> scheduledTasks() {
    return database.withHandle(
        "list scheduled tasks",
        handle ->
            handle.createQuery("SELECT task_name FROM scheduled_tasks").mapTo(String.class).list());
  }
}
