package org.networkeras.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.store.TestDatabases;

/**
 * The two-instance scenario of issue 16 at a small size: two launchers on one PostgreSQL, 100
 * members going to events on Telegram and Discord, 1,000 reminders due at once; the instance
 * polling Telegram is killed mid-delivery (see {@link TwoInstancesScenario} for what is checked).
 * {@code benchmarks/run.sh} runs it at full size. Skipped, saying so, without {@value
 * TestDatabases#POSTGRES_URL_VARIABLE}.
 */
final class TwoInstancesKillTest {

  /**
   * The longest wait for each step: a launcher's start on a busy machine, the 40 seconds before
   * db-scheduler declares the killed instance's delivery round dead, the back-off of Discord
   * messages the instance without the shard tried.
   */
  private static final Duration GENEROUS = Duration.ofMinutes(5);

  @TempDir Path tempDir;

  @Test
  void everyReminderIsDeliveredOnceWhenTheTelegramPollerIsKilledMidDelivery() throws Exception {
    Assumptions.assumeTrue(TestDatabases.postgresConfigured(), TestDatabases.POSTGRES_SKIPPED);
    // given two launchers started as Main on this class path, and 1,000 reminders due
    TwoInstancesScenario scenario =
        new TwoInstancesScenario(
            new TwoInstancesScenario.Size(100, 10, 0.3),
            System.getenv(TestDatabases.POSTGRES_URL_VARIABLE),
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()),
            tempDir,
            GENEROUS,
            System.out);

    // when the poller is killed mid-delivery, then every check of the scenario holds
    TwoInstancesScenario.Figures figures = scenario.run();

    System.out.println(figures.report());
    assertThat(figures.killed().total() + figures.survivor().total())
        .isEqualTo(1000 + figures.telegramRepeats());
  }
}
