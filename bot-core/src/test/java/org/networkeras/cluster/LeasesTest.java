package org.networkeras.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
final class LeasesTest {

  private static final String POLLER = "telegram-poller:123456";
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @TempDir Path tempDir;

  private final TestDatabases.Backend backend;
  private final SimulatedClock clock =
      new SimulatedClock(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
  private Database database;
  private Leases leases;

  LeasesTest(TestDatabases.Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void openDatabase() {
    database = backend.open(tempDir);
    leases = new Leases(database, clock);
  }

  @AfterEach
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void grantsAFreeLeaseToTheFirstAndRefusesTheSecondWhileItLasts() {
    // given
    boolean first = leases.acquire(POLLER, "a", TEN_SECONDS);

    // when
    clock.advance(Duration.ofSeconds(9));
    boolean second = leases.acquire(POLLER, "b", TEN_SECONDS);

    // then
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(leases.holder(POLLER)).contains("a");
  }

  @Test
  void aHolderRenewingInTimeKeepsItsLease() {
    // given
    leases.acquire(POLLER, "a", TEN_SECONDS);

    // when
    clock.advance(Duration.ofSeconds(8));
    boolean renewed = leases.acquire(POLLER, "a", TEN_SECONDS);
    clock.advance(Duration.ofSeconds(8));
    boolean other = leases.acquire(POLLER, "b", TEN_SECONDS);

    // then
    assertThat(renewed).isTrue();
    assertThat(other).isFalse();
    assertThat(leases.holder(POLLER)).contains("a");
  }

  @Test
  void anExpiredLeaseGoesToTheNextInstanceThatAsks() {
    // given
    leases.acquire(POLLER, "a", TEN_SECONDS);

    // when
    clock.advance(TEN_SECONDS);
    boolean taken = leases.acquire(POLLER, "b", TEN_SECONDS);
    boolean oldHolderRenews = leases.acquire(POLLER, "a", TEN_SECONDS);

    // then
    assertThat(taken).isTrue();
    assertThat(oldHolderRenews).isFalse();
    assertThat(leases.holder(POLLER)).contains("b");
  }

  @Test
  void aReleasedLeaseIsFreeAtOnceButOnlyItsHolderReleasesIt() {
    // given
    leases.acquire(POLLER, "a", TEN_SECONDS);

    // when
    leases.release(POLLER, "b");
    boolean whileHeld = leases.acquire(POLLER, "b", TEN_SECONDS);
    leases.release(POLLER, "a");
    boolean afterRelease = leases.acquire(POLLER, "b", TEN_SECONDS);

    // then
    assertThat(whileHeld).isFalse();
    assertThat(afterRelease).isTrue();
  }

  @Test
  void ofInstancesAskingAtTheSameMomentExactlyOneGetsTheLease() throws Exception {
    // given eight instances released together
    int instances = 8;
    ExecutorService threads = Executors.newFixedThreadPool(instances);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < instances; i++) {
        String holder = "instance-" + i;
        answers.add(
            threads.submit(
                () -> {
                  go.await();
                  return leases.acquire(POLLER, holder, TEN_SECONDS);
                }));
      }

      // when
      go.countDown();
      long winners = 0;
      for (Future<Boolean> answer : answers) {
        winners += answer.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }

      // then
      assertThat(winners).isEqualTo(1);
      assertThat(leases.holder(POLLER))
          .hasValueSatisfying(h -> assertThat(h).startsWith("instance-"));
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void leasesOfDifferentNamesAreIndependent() {
    // given
    leases.acquire("discord-shard:0", "a", TEN_SECONDS);

    // when
    boolean otherShard = leases.acquire("discord-shard:1", "b", TEN_SECONDS);

    // then
    assertThat(otherShard).isTrue();
    assertThat(leases.holder("discord-shard:0")).contains("a");
    assertThat(leases.holder("discord-shard:2")).isEmpty();
  }
}
