package org.networkeras.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.core.SimulatedClock;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class IdentifyBudgetTest {

  private static final String TOKEN = "a-bot-token";
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path tempDir;

  private final TestDatabases.Backend backend;
  private final SimulatedClock clock = new SimulatedClock(NOW, ZoneOffset.UTC);
  private Database database;
  private IdentifyBudget budget;
  private final String hash = IdentifyBudget.tokenHash(TOKEN);

  IdentifyBudgetTest(TestDatabases.Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void openDatabase() {
    database = backend.open(tempDir);
    budget = new IdentifyBudget(database, clock);
  }

  @AfterEach
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aFirstSpendOpensADayWindowOfDiscordsDefaultTotalAndStoresOnlyTheTokensHash() {
    // when
    IdentifyBudget.Spend spend = budget.spend(hash);

    // then
    assertThat(spend.granted()).isTrue();
    assertThat(budget.window(hash))
        .contains(new IdentifyBudget.Window(1_000, 1, NOW.plus(Duration.ofDays(1))));
    assertThat(hash).hasSize(64).doesNotContain(TOKEN);
    String stored =
        database.withHandle(
            "read",
            h -> h.createQuery("SELECT token_hash FROM identify_budget").mapTo(String.class).one());
    assertThat(stored).isEqualTo(hash);
  }

  @Test
  void refusesOnceTheWindowIsSpentAndGrantsAgainInTheNextWindow() {
    // given Discord says two logins remain of three, for an hour
    Instant reset = NOW.plus(Duration.ofHours(1));
    budget.sync(hash, 3, 2, reset);

    // when
    boolean first = budget.spend(hash).granted();
    boolean second = budget.spend(hash).granted();
    IdentifyBudget.Spend third = budget.spend(hash);

    // then
    assertThat(first).isTrue();
    assertThat(second).isTrue();
    assertThat(third.granted()).isFalse();
    assertThat(third.resetsAt()).isEqualTo(reset);

    // when the window is over
    clock.advance(Duration.ofHours(1));
    IdentifyBudget.Spend next = budget.spend(hash);

    // then a new window opens with this login spent
    assertThat(next.granted()).isTrue();
    assertThat(budget.window(hash))
        .contains(new IdentifyBudget.Window(3, 1, clock.instant().plus(Duration.ofDays(1))));
  }

  @Test
  void syncNeverLowersWhatThisDatabaseCountedInTheCurrentWindow() {
    // given five spends here
    for (int i = 0; i < 5; i++) {
      budget.spend(hash);
    }
    Instant resets = budget.window(hash).orElseThrow().resetsAt();

    // when Discord, asked earlier, still says 998 of 1,000 remain
    budget.sync(hash, 1_000, 998, NOW.plus(Duration.ofHours(3)));

    // then
    assertThat(budget.window(hash)).contains(new IdentifyBudget.Window(1_000, 5, resets));

    // when Discord says more were spent (by a process not on this database)
    budget.sync(hash, 1_000, 990, NOW.plus(Duration.ofHours(3)));

    // then
    assertThat(budget.window(hash).orElseThrow().spent()).isEqualTo(10);
  }

  @Test
  void twoThreadsSpendingAtOnceNeverExceedTheBudget() throws Exception {
    // given a budget of 50 and two threads that want 40 logins each
    budget.sync(hash, 50, 50, NOW.plus(Duration.ofHours(1)));
    CountDownLatch start = new CountDownLatch(1);
    Callable<Integer> spender =
        () -> {
          start.await();
          int granted = 0;
          for (int i = 0; i < 40; i++) {
            if (budget.spend(hash).granted()) {
              granted++;
            }
          }
          return granted;
        };
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = threads.submit(spender);
      Future<Integer> b = threads.submit(spender);

      // when
      start.countDown();
      int granted = a.get(2, TimeUnit.MINUTES) + b.get(2, TimeUnit.MINUTES);

      // then
      assertThat(granted).isEqualTo(50);
      assertThat(budget.window(hash).orElseThrow().spent()).isEqualTo(50);
    } finally {
      threads.shutdownNow();
    }
  }
}
