package org.networkeras.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Platform;
import org.networkeras.core.SimulatedClock;

final class RateLimiterTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private final SimulatedClock clock = new SimulatedClock(NOW, ZoneOffset.UTC);
  private final RateLimiter limiter = new RateLimiter(PlatformLimits.BOTH, clock);

  @Test
  void spreadsABurstToOneTelegramGroupAtMostOnePerSecondAndTwentyPerMinute() {
    // given
    Target group = Target.conversation(OutgoingMessages.GROUP);

    // when: each message waits for the moment the limiter says a permit frees
    List<Instant> granted = acquireAll(List.of(group), 100);

    // then
    assertThat(granted).hasSize(100);
    assertAtMost(granted, 1, Duration.ofSeconds(1));
    assertAtMost(granted, 20, Duration.ofMinutes(1));
    // a burst goes out at once up to the limits, then as fast as they allow
    assertThat(granted.get(19)).isEqualTo(NOW.plusSeconds(19));
    assertThat(granted.get(20)).isEqualTo(NOW.plusSeconds(60));
    assertThat(granted.get(99)).isEqualTo(NOW.plusSeconds(4 * 60 + 19));
  }

  @Test
  void neverSendsMoreThanThirtyTelegramMessagesPerSecondOverall() {
    // given: one message to each of 100 members
    List<Target> members = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      members.add(Target.member(ChatUser.member(Platform.TELEGRAM, "u" + i, "Member " + i)));
    }

    // when
    List<Instant> granted = acquireAll(members, 100);

    // then
    assertAtMost(granted, 30, Duration.ofSeconds(1));
    assertThat(granted.get(29)).isEqualTo(NOW);
    assertThat(granted.get(30)).isEqualTo(NOW.plusSeconds(1));
    assertThat(granted.get(99)).isEqualTo(NOW.plusSeconds(3));
  }

  @Test
  void refillsPermitsAsTheClockMoves() {
    // given
    Target dm = Target.member(OutgoingMessages.ALICE);
    assertThat(limiter.tryAcquire(dm)).isEmpty();

    // when
    Optional<Instant> refused = limiter.tryAcquire(dm);
    clock.advance(Duration.ofMillis(999));
    Optional<Instant> stillRefused = limiter.tryAcquire(dm);
    clock.advance(Duration.ofMillis(1));
    Optional<Instant> granted = limiter.tryAcquire(dm);

    // then
    assertThat(refused).contains(NOW.plusSeconds(1));
    assertThat(stillRefused).contains(NOW.plusSeconds(1));
    assertThat(granted).isEmpty();
  }

  @Test
  void aPermitComesBackAPeriodAfterItsSendFinished() {
    // given: a direct chat's only permit, whose send took 300 ms to return
    Target dm = Target.member(OutgoingMessages.ALICE);
    assertThat(limiter.tryAcquire(dm)).isEmpty();
    clock.advance(Duration.ofMillis(300));
    limiter.sent(dm, NOW, clock.instant());

    // when
    clock.advance(Duration.ofMillis(700));
    Optional<Instant> aSecondAfterTheGrant = limiter.tryAcquire(dm);
    clock.advance(Duration.ofMillis(300));
    Optional<Instant> aSecondAfterTheSend = limiter.tryAcquire(dm);

    // then: the platform may have received the first message as late as 300 ms in
    assertThat(aSecondAfterTheGrant).contains(NOW.plusMillis(1300));
    assertThat(aSecondAfterTheSend).isEmpty();
  }

  @Test
  void aRefusalSpendsNoPermitOfTheOtherLimits() {
    // given: Alice's chat is busy, the overall limit is not
    Target alice = Target.member(OutgoingMessages.ALICE);
    limiter.tryAcquire(alice);
    for (int i = 0; i < 100; i++) {
      limiter.tryAcquire(alice);
    }
    Target bob = Target.member(ChatUser.member(Platform.TELEGRAM, "bob", "Bob"));

    // when
    List<Instant> granted = acquireAll(List.of(bob), 29);

    // then: the 100 refusals took nothing from the 30 per second
    assertThat(granted).hasSize(29);
    assertThat(granted.get(0)).isEqualTo(NOW);
  }

  @Test
  void capsDiscordGloballyAndLeavesTheConsoleUnlimited() {
    // given
    Target channel = Target.conversation(Conversation.group(Platform.DISCORD, "c1", "guild"));
    Target console =
        Target.conversation(Conversation.group(Platform.CONSOLE, "paris-tech", "paris-tech"));

    // when
    List<Instant> discord = acquireAll(List.of(channel), 120);
    List<Instant> local = acquireAll(List.of(console), 1000);

    // then
    assertAtMost(discord, 50, Duration.ofSeconds(1));
    assertThat(discord.get(49)).isEqualTo(NOW);
    assertThat(local).allMatch(local.get(0)::equals);
  }

  /** Acquires {@code count} permits, cycling through {@code targets}, moving the clock as told. */
  private List<Instant> acquireAll(List<Target> targets, int count) {
    List<Instant> granted = new ArrayList<>();
    while (granted.size() < count) {
      Target target = targets.get(granted.size() % targets.size());
      Optional<Instant> busy = limiter.tryAcquire(target);
      if (busy.isEmpty()) {
        granted.add(clock.instant());
      } else {
        assertThat(busy.get()).isAfter(clock.instant());
        clock.advance(Duration.between(clock.instant(), busy.get()));
      }
    }
    return granted;
  }

  /** Asserts that no window of {@code window} holds more than {@code max} of the sorted moments. */
  static void assertAtMost(List<Instant> moments, int max, Duration window) {
    List<Instant> sorted = moments.stream().sorted().toList();
    for (int i = 0; i + max < sorted.size(); i++) {
      assertThat(Duration.between(sorted.get(i), sorted.get(i + max)))
          .as("moments %d to %d", i, i + max)
          .isGreaterThanOrEqualTo(window);
    }
  }
}
