package org.networkeras.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.networkeras.delivery.OutgoingMessages.toAlice;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.core.SimulatedClock;
import org.networkeras.delivery.OutboxEntry.Status;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/**
 * A process killed or stuck between claiming a message, sending it and recording the result: a
 * worker on another process (a new worker on the same database, with the clock past the lease)
 * takes over, loses nothing and re-sends at most the message that was in flight.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class CrashRecoveryTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Instant EVENT = NOW.plus(Duration.ofDays(1));
  private static final Duration PAST_THE_LEASE =
      OutboxWorker.Settings.DEFAULTS.lease().plusSeconds(1);
  private static final List<String> KEYS = List.of("r:1", "r:2", "r:3");

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private SimulatedClock clock;
  private Outbox outbox;

  /** What the platform accepted, whichever process sent it. */
  private RecordingGateway platform;

  @BeforeEach
  void enqueueThreeReminders() {
    database = backend.open(tempDir);
    clock = new SimulatedClock(NOW, ZoneOffset.UTC);
    outbox = new Outbox(database, clock);
    platform = new RecordingGateway(Platform.TELEGRAM);
    KEYS.forEach(key -> outbox.enqueue(toAlice(key, NOW, EVENT)));
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void killedAfterClaimingBeforeSendingLosesNothingAndRepeatsNothing() {
    // given
    OutboxWorker dying = worker("a", new Dying(platform, false));

    // when
    assertThatThrownBy(dying::deliverDue).isInstanceOf(Killed.class);
    List<DeliveryAttempt> duringTheLease = worker("b", platform).deliverDue();
    clock.advance(PAST_THE_LEASE);
    List<DeliveryAttempt> afterTheLease = worker("b", platform).deliverDue();

    // then
    assertThat(duringTheLease).isEmpty();
    assertThat(afterTheLease).hasSize(3);
    assertThat(platform.keys()).containsExactlyElementsOf(KEYS);
    assertAllDelivered();
  }

  @Test
  void killedAfterThePlatformAcceptedBeforeRecordingItResendsOnlyThatMessage() {
    // given
    OutboxWorker dying = worker("a", new Dying(platform, true));

    // when
    assertThatThrownBy(dying::deliverDue).isInstanceOf(Killed.class);
    clock.advance(PAST_THE_LEASE);
    worker("b", platform).deliverDue();

    // then
    assertThat(platform.sends("r:1")).isEqualTo(2);
    assertThat(platform.sends("r:2")).isEqualTo(1);
    assertThat(platform.sends("r:3")).isEqualTo(1);
    assertAllDelivered();
  }

  @Test
  void onAPlatformThatShowsRepeatsEachSendIsRecordedBeforeTheNextSoAKillResendsOnlyTheLast() {
    // given
    OutboxWorker dying = worker("a", new DyingOnTheSecond(platform, false));

    // when
    assertThatThrownBy(dying::deliverDue).isInstanceOf(Killed.class);
    clock.advance(PAST_THE_LEASE);
    worker("b", platform).deliverDue();

    // then
    assertThat(platform.sends("r:1")).isEqualTo(1);
    assertThat(platform.sends("r:2")).isEqualTo(2);
    assertThat(platform.sends("r:3")).isEqualTo(1);
    assertAllDelivered();
  }

  @Test
  void onAPlatformThatDropsRepeatsSendsAreRecordedTogetherSoAKillResendsTheUnrecordedOnes() {
    // given
    OutboxWorker dying = worker("a", new DyingOnTheSecond(platform, true));

    // when
    assertThatThrownBy(dying::deliverDue).isInstanceOf(Killed.class);
    clock.advance(PAST_THE_LEASE);
    worker("b", platform).deliverDue();

    // then: the platform dropped the second copies of r:1 and r:2 by their key
    assertThat(platform.sends("r:1")).isEqualTo(2);
    assertThat(platform.sends("r:2")).isEqualTo(2);
    assertThat(platform.sends("r:3")).isEqualTo(1);
    assertAllDelivered();
  }

  @Test
  void stuckInASendPastItsLeaseItIsOvertakenAndSendsNothingMoreWhenItWakes() throws Exception {
    // given
    CountDownLatch inSend = new CountDownLatch(1);
    CountDownLatch wake = new CountDownLatch(1);
    ChatGateway hanging =
        new Forwarding(platform) {
          @Override
          DeliveryResult before(String key) {
            inSend.countDown();
            await(wake);
            return null;
          }
        };
    OutboxWorker stuck = worker("a", hanging);

    // when
    CompletableFuture<List<DeliveryAttempt>> stuckRound =
        CompletableFuture.supplyAsync(stuck::deliverDue);
    assertThat(inSend.await(2, TimeUnit.MINUTES)).isTrue();
    clock.advance(PAST_THE_LEASE);
    List<DeliveryAttempt> overtaken = worker("b", platform).deliverDue();
    wake.countDown();
    List<DeliveryAttempt> woken = stuckRound.get(2, TimeUnit.MINUTES);

    // then
    assertThat(overtaken).hasSize(3);
    assertThat(woken).hasSize(1);
    assertThat(platform.sends("r:1")).isEqualTo(2);
    assertThat(platform.sends("r:2")).isEqualTo(1);
    assertThat(platform.sends("r:3")).isEqualTo(1);
    assertAllDelivered();
  }

  @Test
  void aMessageTakenOverAfterACrashIsStillRetriedUntilDelivered() {
    // given: the first process dies before the platform sees anything
    OutboxWorker dying =
        worker(
            "a",
            new Forwarding(platform) {
              @Override
              DeliveryResult before(String key) {
                throw new Killed();
              }
            });

    // when
    assertThatThrownBy(dying::deliverDue).isInstanceOf(Killed.class);
    clock.advance(PAST_THE_LEASE);
    platform.answering(key -> DeliveryResult.Failed.retryAfter("429", Duration.ofSeconds(5)));
    worker("b", platform).deliverDue();
    clock.advance(Duration.ofSeconds(10));
    platform.answering(key -> new DeliveryResult.Delivered("ok"));
    worker("c", platform).deliverDue();

    // then
    assertAllDelivered();
    assertThat(platform.sendsByKey().values()).allMatch(count -> count.get() == 2);
  }

  private void assertAllDelivered() {
    for (String key : KEYS) {
      assertThat(outbox.find(key).orElseThrow().status()).as(key).isEqualTo(Status.DELIVERED);
    }
  }

  private OutboxWorker worker(String name, ChatGateway gateway) {
    return new OutboxWorker(
        outbox,
        p -> p == Platform.TELEGRAM ? Optional.of(gateway) : Optional.empty(),
        new RateLimiter(Map.of(), clock),
        clock,
        name,
        DeliveryListener.NONE,
        OutboxWorker.Settings.DEFAULTS);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the test never woke the gateway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stands for the process being killed at that point: nothing after it runs. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  /** Hands messages to the platform, doing {@link #before} first. */
  private abstract static class Forwarding implements ChatGateway {
    private final ChatGateway platform;

    Forwarding(ChatGateway platform) {
      this.platform = platform;
    }

    /** Runs before the platform sees the message; a non-null result is returned instead. */
    abstract DeliveryResult before(String key);

    DeliveryResult after(String key, DeliveryResult result) {
      return result;
    }

    @Override
    public Platform platform() {
      return platform.platform();
    }

    @Override
    public DeliveryResult send(Conversation to, Reply reply, String key) {
      DeliveryResult instead = before(key);
      return instead != null ? instead : after(key, platform.send(to, reply, key));
    }

    @Override
    public DeliveryResult sendDirect(ChatUser to, Reply reply, String key) {
      DeliveryResult instead = before(key);
      return instead != null ? instead : after(key, platform.sendDirect(to, reply, key));
    }
  }

  /** Dies on its first message, before or after the platform accepted it. */
  private static final class Dying extends Forwarding {
    private final boolean afterSending;

    Dying(ChatGateway platform, boolean afterSending) {
      super(platform);
      this.afterSending = afterSending;
    }

    @Override
    DeliveryResult before(String key) {
      if (!afterSending) {
        throw new Killed();
      }
      return null;
    }

    @Override
    DeliveryResult after(String key, DeliveryResult result) {
      throw new Killed();
    }
  }

  /**
   * Dies once the platform accepted the second message; declares whether the platform drops a
   * message sent again under its key.
   */
  private static final class DyingOnTheSecond extends Forwarding {
    private final boolean dropsRepeats;
    private int accepted;

    DyingOnTheSecond(ChatGateway platform, boolean dropsRepeats) {
      super(platform);
      this.dropsRepeats = dropsRepeats;
    }

    @Override
    DeliveryResult before(String key) {
      return null;
    }

    @Override
    DeliveryResult after(String key, DeliveryResult result) {
      if (++accepted == 2) {
        throw new Killed();
      }
      return result;
    }

    @Override
    public boolean dropsRepeatedSends() {
      return dropsRepeats;
    }
  }
}
