package org.networkeras.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.core.SimulatedClock;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/** Two instances ("a" and "b") sharing one database, ticked by hand on a simulated clock. */
final class LeasedWorkTest {

  private static final String NAME = "telegram-poller:123456";
  private static final LeasedWork.Timing TIMING = LeasedWork.Timing.DEFAULT;

  @TempDir Path tempDir;

  private final SimulatedClock clock =
      new SimulatedClock(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
  private Database database;
  private Leases leases;
  private FakeWork workOfA;
  private FakeWork workOfB;
  private LeasedWork a;
  private LeasedWork b;

  @BeforeEach
  void twoInstances() {
    database = TestDatabases.sqlite(tempDir);
    leases = new Leases(database, clock);
    workOfA = new FakeWork();
    workOfB = new FakeWork();
    a = new LeasedWork(leases, NAME, "a", TIMING, clock, workOfA);
    b = new LeasedWork(leases, NAME, "b", TIMING, clock, workOfB);
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void onlyTheFirstInstanceToTickRunsTheWork() {
    // given / when
    a.tick();
    b.tick();
    clock.advance(TIMING.renewEvery());
    a.tick();
    b.tick();

    // then
    assertThat(workOfA.running()).isTrue();
    assertThat(workOfB.running()).isFalse();
    assertThat(workOfA.starts.get()).isEqualTo(1);
    assertThat(workOfB.starts.get()).isZero();
  }

  @Test
  void theWaitingInstanceTakesOverOnceTheDeadHoldersLeaseExpires() {
    // given a runs the work, then dies (it ticks no more)
    a.tick();
    b.tick();

    // when b keeps ticking
    clock.advance(TIMING.length().minusSeconds(1));
    boolean beforeExpiry = b.tick();
    clock.advance(TIMING.renewEvery());
    boolean afterExpiry = b.tick();

    // then
    assertThat(beforeExpiry).isFalse();
    assertThat(afterExpiry).isTrue();
    assertThat(workOfB.running()).isTrue();
  }

  @Test
  void aHolderThatMissedItsRenewalsStopsItsWorkAtItsNextTick() {
    // given a ran the work, then paused long enough for b to take over
    a.tick();
    clock.advance(TIMING.length());
    b.tick();

    // when a wakes up
    boolean stillHolds = a.tick();

    // then
    assertThat(stillHolds).isFalse();
    assertThat(workOfA.running()).isFalse();
    assertThat(workOfB.running()).isTrue();
  }

  @Test
  void closingGivesTheLeaseUpSoTheOtherTakesOverAtItsNextTick() {
    // given
    a.tick();
    b.tick();

    // when
    a.close();
    b.tick();

    // then
    assertThat(workOfA.running()).isFalse();
    assertThat(workOfB.running()).isTrue();
    assertThat(leases.holder(NAME)).contains("b");
  }

  @Test
  void workThatStoppedOnItsOwnIsStartedAgainOnlyAfterTheRestartDelay() {
    // given the work stopped by itself (Telegram answered 409 Conflict)
    a.tick();
    workOfA.stop();

    // when
    clock.advance(TIMING.restartAfter().minusSeconds(1));
    a.tick();
    boolean restartedEarly = workOfA.running();
    clock.advance(Duration.ofSeconds(1));
    a.tick();

    // then
    assertThat(restartedEarly).isFalse();
    assertThat(workOfA.running()).isTrue();
    assertThat(workOfA.starts.get()).isEqualTo(2);
    assertThat(leases.holder(NAME)).contains("a");
  }

  @Test
  void workWhoseStartOutlastedTheLeaseIsStoppedWhenAnotherInstanceTookItMeanwhile() {
    // given a start slow enough for the lease to run out and b to take it
    workOfA.duringStart =
        () -> {
          clock.advance(TIMING.length());
          b.tick();
        };

    // when
    boolean holds = a.tick();

    // then
    assertThat(holds).isFalse();
    assertThat(workOfA.running()).isFalse();
    assertThat(workOfB.running()).isTrue();
    assertThat(leases.holder(NAME)).contains("b");
  }

  @Test
  void aFailedStartIsTriedAgainLaterWhileTheLeaseIsKept() {
    // given
    workOfA.failNextStart.set(true);
    a.tick();

    // when
    clock.advance(TIMING.restartAfter());
    a.tick();

    // then
    assertThat(workOfA.starts.get()).isEqualTo(2);
    assertThat(workOfA.running()).isTrue();
  }

  private static final class FakeWork implements LeasedWork.Work {
    final AtomicInteger starts = new AtomicInteger();
    final AtomicBoolean failNextStart = new AtomicBoolean();
    Runnable duringStart = () -> {};
    private final AtomicBoolean running = new AtomicBoolean();

    @Override
    public void start() {
      starts.incrementAndGet();
      duringStart.run();
      if (failNextStart.getAndSet(false)) {
        throw new IllegalStateException("Telegram cannot be reached");
      }
      running.set(true);
    }

    @Override
    public void stop() {
      running.set(false);
    }

    @Override
    public boolean running() {
      return running.get();
    }
  }
}
