package org.networkeras.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LoginBackOffTest {

  @TempDir Path dataFolder;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

  @Test
  void logsInAtOnceTheFirstTime() {
    // given
    LoginBackOff backOff = new LoginBackOff(dataFolder, clock);

    // when
    Duration wait = backOff.delayBeforeLogin();

    // then
    assertThat(wait).isZero();
  }

  @Test
  void doublesTheWaitOnEachQuickRestartUpToTheCap() {
    // given a bot that crashes one second after each login
    List<Duration> waits = new ArrayList<>();

    // when
    for (int restart = 0; restart < 12; restart++) {
      LoginBackOff backOff = new LoginBackOff(dataFolder, clock);
      Duration wait = backOff.delayBeforeLogin();
      waits.add(wait);
      clock.advance(wait);
      backOff.recordLogin();
      clock.advance(Duration.ofSeconds(1));
    }

    // then
    assertThat(waits.subList(0, 5))
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(4),
            Duration.ofSeconds(9),
            Duration.ofSeconds(19),
            Duration.ofSeconds(39));
    assertThat(waits.get(11)).isEqualTo(LoginBackOff.CAP.minusSeconds(1));
  }

  @Test
  void keepsACrashLoopFarBelowDiscordsDailyLoginLimit() {
    // given
    Instant start = clock.instant();
    int logins = 0;

    // when the bot crashes at once after every login for a whole day
    while (clock.instant().isBefore(start.plus(Duration.ofDays(1)))) {
      LoginBackOff backOff = new LoginBackOff(dataFolder, clock);
      clock.advance(backOff.delayBeforeLogin());
      backOff.recordLogin();
      logins++;
    }

    // then
    assertThat(logins).isLessThan(110);
  }

  @Test
  void forgetsEarlierRestartsAfterAStableRun() {
    // given three quick restarts
    for (int i = 0; i < 3; i++) {
      LoginBackOff backOff = new LoginBackOff(dataFolder, clock);
      clock.advance(backOff.delayBeforeLogin());
      backOff.recordLogin();
    }

    // when the last session ran long enough
    clock.advance(LoginBackOff.STABLE_RUN);
    LoginBackOff backOff = new LoginBackOff(dataFolder, clock);
    Duration afterStableRun = backOff.delayBeforeLogin();
    backOff.recordLogin();
    clock.advance(Duration.ofSeconds(1));
    Duration nextQuickRestart = new LoginBackOff(dataFolder, clock).delayBeforeLogin();

    // then
    assertThat(afterStableRun).isZero();
    assertThat(nextQuickRestart).isEqualTo(LoginBackOff.FLOOR.minusSeconds(1));
  }

  @Test
  void countsTimeAlreadySpentDownAgainstTheWait() {
    // given a login, then a crash
    LoginBackOff first = new LoginBackOff(dataFolder, clock);
    first.delayBeforeLogin();
    first.recordLogin();

    // when the restart comes later than the floor
    clock.advance(LoginBackOff.FLOOR.plusSeconds(1));
    Duration wait = new LoginBackOff(dataFolder, clock).delayBeforeLogin();

    // then
    assertThat(wait).isZero();
  }

  @Test
  void treatsAnUnreadableRecordAsAQuickRestart() throws IOException {
    // given
    Files.writeString(dataFolder.resolve(LoginBackOff.FILE_NAME), "lastLogin=yesterday");

    // when
    Duration wait = new LoginBackOff(dataFolder, clock).delayBeforeLogin();

    // then
    assertThat(wait).isEqualTo(LoginBackOff.FLOOR);
  }

  @Test
  void waitsTheFullGapWhenTheClockWentBack() {
    // given
    LoginBackOff first = new LoginBackOff(dataFolder, clock);
    first.delayBeforeLogin();
    first.recordLogin();

    // when
    clock.advance(Duration.ofMinutes(-5));
    Duration wait = new LoginBackOff(dataFolder, clock).delayBeforeLogin();

    // then
    assertThat(wait).isEqualTo(LoginBackOff.FLOOR);
  }
}
