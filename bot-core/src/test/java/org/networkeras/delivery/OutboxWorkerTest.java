package org.networkeras.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.networkeras.delivery.OutgoingMessages.toAlice;
import static org.networkeras.delivery.OutgoingMessages.toGroup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.core.SimulatedClock;
import org.networkeras.delivery.DeliveryAttempt.Outcome;
import org.networkeras.delivery.OutboxEntry.Status;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class OutboxWorkerTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Instant EVENT = NOW.plus(Duration.ofDays(1));

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private SimulatedClock clock;
  private Outbox outbox;
  private RecordingGateway gateway;
  private final List<DeliveryAttempt> heard = new CopyOnWriteArrayList<>();
  private OutboxWorker worker;

  @BeforeEach
  void openOutbox() {
    database = backend.open(tempDir);
    clock = new SimulatedClock(NOW, ZoneOffset.UTC);
    outbox = new Outbox(database, clock);
    gateway = new RecordingGateway(Platform.TELEGRAM);
    worker = Workers.unlimited(outbox, gateway, clock, "w1", heard::add);
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void sendsDueMessagesAndKeepsTheOthersForLater() {
    // given
    outbox.enqueue(toAlice("due", NOW, EVENT));
    outbox.enqueue(toGroup("later", NOW.plusSeconds(60), EVENT));

    // when
    List<DeliveryAttempt> first = worker.deliverDue();
    clock.advance(Duration.ofSeconds(59));
    List<DeliveryAttempt> second = worker.deliverDue();
    clock.advance(Duration.ofSeconds(1));
    List<DeliveryAttempt> third = worker.deliverDue();

    // then
    assertThat(first).extracting(a -> a.message().key()).containsExactly("due");
    assertThat(first.get(0).outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(second).isEmpty();
    assertThat(third).extracting(a -> a.message().key()).containsExactly("later");
    assertThat(gateway.sent())
        .extracting(RecordingGateway.Sent::to)
        .containsExactly(OutgoingMessages.ALICE, OutgoingMessages.GROUP);
    assertThat(heard).hasSize(2);
  }

  @Test
  void deliversEachMessageExactlyOnceHoweverOftenItRuns() {
    // given
    for (int i = 0; i < 120; i++) {
      outbox.enqueue(toAlice("m" + i, NOW, EVENT));
    }

    // when
    int delivered = worker.deliverDue().size();
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofMinutes(5));
      delivered += worker.deliverDue().size();
    }

    // then
    assertThat(delivered).isEqualTo(120);
    assertThat(gateway.sendsByKey()).hasSize(120);
    assertThat(gateway.sendsByKey().values()).allMatch(count -> count.get() == 1);
    assertThat(outbox.find("m119").orElseThrow().status()).isEqualTo(Status.DELIVERED);
    assertThat(outbox.find("m119").orElseThrow().attempts()).isEqualTo(1);
  }

  @Test
  void retriesARetryableFailureNoSoonerThanThePlatformAsked() {
    // given
    outbox.enqueue(toAlice("busy", NOW, EVENT));
    gateway.answering(key -> DeliveryResult.Failed.retryAfter("429", Duration.ofMinutes(2)));

    // when
    List<DeliveryAttempt> first = worker.deliverDue();
    gateway.answering(key -> new DeliveryResult.Delivered("m1"));
    clock.advance(Duration.ofSeconds(119));
    List<DeliveryAttempt> tooSoon = worker.deliverDue();
    clock.advance(Duration.ofSeconds(1));
    List<DeliveryAttempt> retried = worker.deliverDue();

    // then
    assertThat(first).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.RETRYING);
    assertThat(tooSoon).isEmpty();
    assertThat(retried).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.DELIVERED);
    assertThat(gateway.sends("busy")).isEqualTo(2);
    assertThat(outbox.find("busy").orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void backsOffExponentiallyWhenThePlatformGivesNoRetryAfter() {
    // given
    outbox.enqueue(toAlice("flaky", NOW, EVENT));
    gateway.answering(key -> DeliveryResult.Failed.retryable("502"));
    List<Instant> tries = new ArrayList<>();

    // when
    for (int second = 0; second <= 70; second++) {
      if (!worker.deliverDue().isEmpty()) {
        tries.add(clock.instant());
      }
      clock.advance(Duration.ofSeconds(1));
    }

    // then: 10 s, then 20 s, then 40 s
    assertThat(tries)
        .containsExactly(NOW, NOW.plusSeconds(10), NOW.plusSeconds(30), NOW.plusSeconds(70));
    assertThat(outbox.find("flaky").orElseThrow().lastError()).contains("502");
  }

  @Test
  void givesUpOnAMessageThatKeepsFailing() {
    // given
    outbox.enqueue(
        OutgoingMessage.unexpiring(
            "flaky", toAlice("x", NOW, EVENT).target(), toAlice("x", NOW, EVENT).reply(), NOW));
    gateway.answering(key -> DeliveryResult.Failed.retryable("502"));

    // when
    for (int i = 0; i < 12; i++) {
      worker.deliverDue();
      clock.advance(Duration.ofHours(1));
    }

    // then
    assertThat(gateway.sends("flaky")).isEqualTo(OutboxWorker.Settings.DEFAULTS.maxAttempts());
    OutboxEntry entry = outbox.find("flaky").orElseThrow();
    assertThat(entry.status()).isEqualTo(Status.FAILED);
    assertThat(entry.lastError()).hasValueSatisfying(e -> assertThat(e).contains("gave up"));
  }

  @Test
  void neverRetriesAPermanentFailureAndTellsTheListener() {
    // given
    outbox.enqueue(toAlice("blocked", NOW, EVENT));
    gateway.answering(key -> DeliveryResult.Failed.permanent("403 bot was blocked by the user"));

    // when
    worker.deliverDue();
    clock.advance(Duration.ofHours(3));
    worker.deliverDue();

    // then
    assertThat(gateway.sends("blocked")).isEqualTo(1);
    OutboxEntry entry = outbox.find("blocked").orElseThrow();
    assertThat(entry.status()).isEqualTo(Status.FAILED);
    assertThat(entry.lastError()).contains("403 bot was blocked by the user");
    assertThat(heard)
        .singleElement()
        .satisfies(
            attempt -> {
              assertThat(attempt.outcome()).isEqualTo(Outcome.FAILED);
              assertThat(attempt.message().target())
                  .isEqualTo(Target.member(OutgoingMessages.ALICE));
            });
  }

  @Test
  void dropsAMessageWhoseEventStartedInsteadOfSendingItLate() {
    // given: the bot was down from before the reminder until after the event started
    outbox.enqueue(toAlice("reminder:42:a:PT2H", NOW, NOW.plus(Duration.ofHours(2))));
    outbox.enqueue(toAlice("reminder:43:a:PT2H", NOW, NOW.plus(Duration.ofHours(5))));
    clock.advance(Duration.ofHours(3));

    // when
    List<DeliveryAttempt> attempts = worker.deliverDue();

    // then
    assertThat(gateway.keys()).containsExactly("reminder:43:a:PT2H");
    assertThat(attempts)
        .extracting(DeliveryAttempt::outcome)
        .containsExactly(Outcome.EXPIRED, Outcome.DELIVERED);
    assertThat(outbox.find("reminder:42:a:PT2H").orElseThrow().status()).isEqualTo(Status.EXPIRED);
  }

  @Test
  void dropsAFailedMessageWhoseNextTryWouldComeAfterItExpires() {
    // given
    outbox.enqueue(toAlice("soon", NOW, NOW.plusSeconds(30)));
    gateway.answering(key -> DeliveryResult.Failed.retryAfter("429", Duration.ofMinutes(1)));

    // when
    List<DeliveryAttempt> attempts = worker.deliverDue();

    // then
    assertThat(attempts).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.EXPIRED);
    assertThat(outbox.find("soon").orElseThrow().status()).isEqualTo(Status.EXPIRED);
  }

  @Test
  void keepsMessagesForAPlatformThatDoesNotRunUntilItDoes() {
    // given
    outbox.enqueue(toAlice("waiting", NOW, EVENT));
    Function<Platform, Optional<ChatGateway>> none = platform -> Optional.empty();
    OutboxWorker withoutTelegram =
        new OutboxWorker(
            outbox,
            none,
            new RateLimiter(Map.of(), clock),
            clock,
            "w0",
            heard::add,
            OutboxWorker.Settings.DEFAULTS);

    // when
    List<DeliveryAttempt> without = withoutTelegram.deliverDue();
    clock.advance(Duration.ofSeconds(10));
    List<DeliveryAttempt> with = worker.deliverDue();

    // then
    assertThat(without).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.RETRYING);
    assertThat(with).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.DELIVERED);
  }

  @Test
  void treatsAGatewayThatThrowsAsARetryableFailure() {
    // given
    outbox.enqueue(toAlice("boom", NOW, EVENT));
    gateway.answering(
        key -> {
          throw new IllegalStateException("socket closed");
        });

    // when
    List<DeliveryAttempt> attempts = worker.deliverDue();

    // then
    assertThat(attempts).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.RETRYING);
    assertThat(outbox.find("boom").orElseThrow().lastError())
        .hasValueSatisfying(e -> assertThat(e).contains("socket closed"));
  }

  @Test
  void spreadsABurstToOneTelegramGroupWithinItsLimitsInsteadOfRejectingIt() {
    // given
    OutboxWorker limited =
        new OutboxWorker(
            outbox,
            gateway.asLookup(),
            new RateLimiter(PlatformLimits.BOTH, clock),
            clock,
            "w1",
            heard::add,
            OutboxWorker.Settings.DEFAULTS);
    for (int i = 0; i < 100; i++) {
      outbox.enqueue(toGroup("announce:" + i, NOW, NOW.plus(Duration.ofHours(1))));
    }
    List<Instant> sentAt = new ArrayList<>();

    // when: the scheduler wakes the worker every second for ten minutes
    for (int second = 0; second < 600; second++) {
      for (DeliveryAttempt attempt : limited.deliverDue()) {
        assertThat(attempt.outcome()).isEqualTo(Outcome.DELIVERED);
        sentAt.add(attempt.at());
      }
      clock.advance(Duration.ofSeconds(1));
    }

    // then
    assertThat(sentAt).hasSize(100);
    assertThat(gateway.sendsByKey().values()).allMatch(count -> count.get() == 1);
    RateLimiterTest.assertAtMost(sentAt, 20, Duration.ofMinutes(1));
    RateLimiterTest.assertAtMost(sentAt, 1, Duration.ofSeconds(1));
    assertThat(sentAt.get(99)).isBefore(NOW.plus(Duration.ofMinutes(6)));
  }

  @Test
  void underTelegramsCeilingARoundPausesUntilTheNextPermitInsteadOfEndingUntilTheNextPoll() {
    // given: 90 reminders due at once to 90 members, so Telegram's 30 a second is the ceiling
    OutboxWorker limited = limitedWorker();
    for (int i = 0; i < 90; i++) {
      outbox.enqueue(toMember("reminder:" + i, i));
    }
    List<Instant> pausedUntil = new ArrayList<>();
    OutboxWorker.Pause pause =
        moment -> {
          pausedUntil.add(moment);
          clock.advance(Duration.between(clock.instant(), moment));
        };

    // when: one scheduled round
    List<DeliveryAttempt> attempts = limited.deliverDue(() -> true, pause);

    // then: all 90 in that round, 30 in each second, each second's as soon as its permits freed
    assertThat(attempts).hasSize(90).allMatch(attempt -> attempt.outcome() == Outcome.DELIVERED);
    assertThat(pausedUntil)
        .as("never more than a poll's interval without claiming again")
        .containsExactly(
            NOW.plusMillis(250),
            NOW.plusMillis(500),
            NOW.plusMillis(750),
            NOW.plusMillis(1000),
            NOW.plusMillis(1250),
            NOW.plusMillis(1500),
            NOW.plusMillis(1750),
            NOW.plusMillis(2000));
    List<Instant> sentAt = attempts.stream().map(DeliveryAttempt::at).toList();
    RateLimiterTest.assertAtMost(sentAt, 30, Duration.ofSeconds(1));
    assertThat(sentAt.get(30)).isEqualTo(NOW.plusSeconds(1));
    assertThat(sentAt.get(60)).isEqualTo(NOW.plusSeconds(2));
    assertThat(gateway.sendsByKey().values()).allMatch(count -> count.get() == 1);
  }

  @Test
  void withoutAPauseARoundThatRunsOutOfPermitsEndsAndLeavesTheRestForLater() {
    // given
    OutboxWorker limited = limitedWorker();
    for (int i = 0; i < 90; i++) {
      outbox.enqueue(toMember("reminder:" + i, i));
    }

    // when: the console's way, and after it a second later
    List<DeliveryAttempt> first = limited.deliverDue();
    clock.advance(Duration.ofSeconds(1));
    List<DeliveryAttempt> second = limited.deliverDue();

    // then
    assertThat(first).hasSize(30);
    assertThat(second).hasSize(30);
  }

  @Test
  void aRoundServesOneMembersQueueAtTheMembersPace() {
    // given: three reminders to one member, whom Telegram allows one message a second
    OutboxWorker limited = limitedWorker();
    for (int i = 0; i < 3; i++) {
      outbox.enqueue(toAlice("reminder:" + i, NOW, NOW.plus(Duration.ofHours(1))));
    }

    // when
    List<DeliveryAttempt> attempts =
        limited.deliverDue(
            () -> true, moment -> clock.advance(Duration.between(clock.instant(), moment)));

    // then
    assertThat(attempts)
        .extracting(DeliveryAttempt::at)
        .containsExactly(NOW, NOW.plusSeconds(1), NOW.plusSeconds(2));
  }

  @Test
  void aRoundDoesNotWaitForAPermitFurtherAwayThanASecond() {
    // given: 21 announcements to one Telegram group, which takes 20 a minute
    OutboxWorker limited = limitedWorker();
    for (int i = 0; i < 21; i++) {
      outbox.enqueue(toGroup("announce:" + i, NOW, NOW.plus(Duration.ofHours(1))));
    }

    // when
    List<DeliveryAttempt> attempts =
        limited.deliverDue(
            () -> true, moment -> clock.advance(Duration.between(clock.instant(), moment)));

    // then: the second goes a second after the first; the others are spread three seconds apart
    // (20 a minute) and wait in the outbox for the next polls, not in the round
    assertThat(attempts).extracting(DeliveryAttempt::at).containsExactly(NOW, NOW.plusSeconds(1));
    assertThat(clock.instant()).isBefore(NOW.plusSeconds(2));
    assertThat(outbox.find("announce:20").orElseThrow().status()).isEqualTo(Status.PENDING);
  }

  private OutboxWorker limitedWorker() {
    return new OutboxWorker(
        outbox,
        gateway.asLookup(),
        new RateLimiter(PlatformLimits.BOTH, clock),
        clock,
        "w1",
        heard::add,
        OutboxWorker.Settings.DEFAULTS);
  }

  private static OutgoingMessage toMember(String key, int member) {
    ChatUser someone = ChatUser.member(Platform.TELEGRAM, String.valueOf(1000 + member), "M");
    return OutgoingMessage.of(
        key,
        Target.member(someone),
        Reply.text(Locale.ENGLISH, key),
        NOW,
        NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void dropsAMessageWhosePremiseNoLongerHoldsAndRecordsWhy() {
    // given
    Premise about = Premise.attendance("42", EVENT, OutgoingMessages.ALICE.key());
    outbox.enqueue(toAlice("reminder:42:stale", NOW, EVENT).about(about));
    outbox.enqueue(toAlice("reminder:42:fine", NOW, EVENT).about(Premise.occurrence("43", EVENT)));
    outbox.enqueue(toGroup("agenda", NOW, EVENT));
    List<Premise> checked = new CopyOnWriteArrayList<>();
    OutboxWorker checking =
        withPremises(
            (premise, now) -> {
              checked.add(premise);
              return premise.ref().equals("42")
                  ? Optional.of("event 42 is cancelled")
                  : Optional.empty();
            });

    // when
    List<DeliveryAttempt> attempts = checking.deliverDue();

    // then
    assertThat(attempts)
        .extracting(a -> a.message().key() + " " + a.outcome())
        .containsExactlyInAnyOrder(
            "reminder:42:stale DROPPED", "reminder:42:fine DELIVERED", "agenda DELIVERED");
    assertThat(gateway.keys()).containsExactlyInAnyOrder("reminder:42:fine", "agenda");
    OutboxEntry stale = outbox.find("reminder:42:stale").orElseThrow();
    assertThat(stale.status()).isEqualTo(Status.DROPPED);
    assertThat(stale.lastError()).contains("event 42 is cancelled");
    assertThat(checked).containsExactlyInAnyOrder(about, Premise.occurrence("43", EVENT));
    assertThat(heard).extracting(DeliveryAttempt::outcome).contains(Outcome.DROPPED);
  }

  @Test
  void triesAgainLaterWhenThePremiseCannotBeChecked() {
    // given
    outbox.enqueue(toAlice("reminder:42:a", NOW, EVENT).about(Premise.occurrence("42", EVENT)));
    OutboxWorker failing =
        withPremises(
            (premise, now) -> {
              throw new IllegalStateException("database unreachable");
            });

    // when
    List<DeliveryAttempt> attempts = failing.deliverDue();

    // then
    assertThat(attempts).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.RETRYING);
    assertThat(gateway.keys()).isEmpty();
    OutboxEntry entry = outbox.find("reminder:42:a").orElseThrow();
    assertThat(entry.status()).isEqualTo(Status.PENDING);
    assertThat(entry.lastError()).hasValueSatisfying(e -> assertThat(e).contains("unreachable"));
  }

  @Test
  void purgesDroppedMessagesWithTheOtherSettledOnes() {
    // given
    outbox.enqueue(toAlice("stale", NOW, EVENT).about(Premise.occurrence("42", EVENT)));
    withPremises((premise, now) -> Optional.of("event 42 is cancelled")).deliverDue();
    clock.advance(Duration.ofDays(2));

    // when
    int purged = outbox.purgeSettledBefore(clock.instant().minus(Duration.ofDays(1)));

    // then
    assertThat(purged).isEqualTo(1);
    assertThat(outbox.find("stale")).isEmpty();
  }

  private OutboxWorker withPremises(Premises premises) {
    return new OutboxWorker(
        outbox,
        gateway.asLookup(),
        new RateLimiter(Map.of(), clock),
        clock,
        "w1",
        heard::add,
        OutboxWorker.Settings.DEFAULTS,
        premises);
  }
}
