package org.networkeras.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.networkeras.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a piece of work on one instance at a time: the work runs while this instance holds its
 * lease, and stops as soon as a renewal fails. Each {@link #tick()} acquires or renews the lease,
 * starts the work when the lease was won (or when the work stopped on its own and {@link
 * Timing#restartAfter} has passed since it was last started), and stops it when the lease was lost
 * or the database could not say; after a start the lease is renewed at once, and the work stopped
 * again if the lease ran out while it started (a platform slow to answer). {@link #startTicking()}
 * ticks every {@link Timing#renewEvery} on a thread of its own; tests call {@link #tick()} with a
 * simulated clock.
 *
 * <p>When the instance running the work dies, its lease expires after {@link Timing#length} and the
 * next tick of a waiting instance takes the work over: within {@code length + renewEvery}. Closing
 * stops the work and gives the lease up, so a waiting instance takes over at its next tick.
 * Thread-safe.
 */
public final class LeasedWork implements AutoCloseable {

  /** What runs under the lease. */
  public interface Work {
    /** Starts the work; a failure is logged and the start tried again later. */
    void start() throws Exception;

    /** Stops the work and returns once it stopped; does nothing when it is not running. */
    void stop();

    /** Whether the work runs now (it may have stopped on its own). */
    boolean running();
  }

  /**
   * How long a lease lasts, how often it is renewed (well within its length) and how long after a
   * start the work is started again when it stopped on its own.
   */
  public record Timing(Duration length, Duration renewEvery, Duration restartAfter) {

    /** A 10 s lease renewed every 3 s: a dead holder's work is taken over within 13 s. */
    public static final Timing DEFAULT =
        new Timing(Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(30));

    public Timing {
      Objects.requireNonNull(length, "length");
      Objects.requireNonNull(renewEvery, "renewEvery");
      Objects.requireNonNull(restartAfter, "restartAfter");
      if (renewEvery.isNegative()
          || renewEvery.isZero()
          || renewEvery.multipliedBy(2).compareTo(length) > 0) {
        throw new IllegalArgumentException(
            "a lease is renewed at least twice in its length: " + renewEvery + " / " + length);
      }
    }
  }

  private static final Logger log = LoggerFactory.getLogger(LeasedWork.class);

  private final Leases leases;
  private final String name;
  private final String holder;
  private final Timing timing;
  private final Clock clock;
  private final Work work;
  private ScheduledExecutorService ticker;
  private boolean held;
  private boolean closed;
  private Instant lastStart;

  /**
   * @param name the lease's name, the same on every instance ({@code telegram-poller:123456})
   * @param holder this instance's name as a holder ({@link Leases#processHolder()})
   */
  public LeasedWork(
      Leases leases, String name, String holder, Timing timing, Clock clock, Work work) {
    this.leases = Objects.requireNonNull(leases, "leases");
    this.name = Objects.requireNonNull(name, "name");
    this.holder = Objects.requireNonNull(holder, "holder");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.work = Objects.requireNonNull(work, "work");
  }

  /**
   * Acquires or renews the lease and starts or stops the work to match.
   *
   * @return whether this instance holds the lease now
   */
  public synchronized boolean tick() {
    if (closed) {
      return false;
    }
    boolean acquired = renew();
    boolean won = acquired && !held;
    if (won) {
      log.info("This instance ({}) now holds the lease {}", holder, name);
    } else if (!acquired && held) {
      log.warn("This instance ({}) lost the lease {}: stopping its work", holder, name);
    }
    held = acquired;
    if (!acquired) {
      work.stop();
      return false;
    }
    if (!work.running() && (won || mayStart(clock.instant()))) {
      lastStart = clock.instant();
      try {
        work.start();
      } catch (Exception e) {
        log.warn(
            "Could not start the work of lease {} (trying again in {} s): {}",
            name,
            timing.restartAfter().toSeconds(),
            e.getMessage());
        work.stop();
      }
      // A start may take long (a platform slow to answer): the lease may have run out meanwhile.
      if (!renew()) {
        log.warn("The lease {} ran out while its work started: stopping it", name);
        held = false;
        work.stop();
        return false;
      }
    }
    return true;
  }

  /** Whether this instance held the lease at the last tick. */
  public synchronized boolean holds() {
    return held;
  }

  /** Ticks every {@link Timing#renewEvery} on a thread of its own, the first tick at once. */
  public synchronized LeasedWork startTicking() {
    if (ticker != null || closed) {
      throw new IllegalStateException("already ticking or closed: " + name);
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "lease-" + name);
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleWithFixedDelay(
        this::tickSafely, 0, timing.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Stops ticking and the work, and gives the lease up. Idempotent. */
  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      running = ticker;
    }
    if (running != null) {
      running.shutdown();
      try {
        running.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      work.stop();
      if (held) {
        try {
          leases.release(name, holder);
        } catch (StoreException e) {
          log.warn(
              "Could not give the lease {} up (it expires on its own): {}", name, e.getMessage());
        }
        held = false;
      }
    }
  }

  private boolean renew() {
    try {
      return leases.acquire(name, holder, timing.length());
    } catch (StoreException e) {
      log.warn("Could not renew the lease {}: {}", name, e.getMessage());
      return false;
    }
  }

  private boolean mayStart(Instant now) {
    return lastStart == null || !now.isBefore(lastStart.plus(timing.restartAfter()));
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.error("Unexpected failure keeping the lease {}", name, e);
    }
  }
}
