package org.networkeras.delivery;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.Platform;
import org.networkeras.chat.SendLimits;
import org.networkeras.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound delivery for one process: the {@link Outbox} features write to, and a persistent
 * scheduler (db-scheduler, on the bot's database) that wakes the delivery worker four times a
 * second. The launcher builds one, calls {@link #start()} once the adapters run and {@link
 * #close()} when the bot stops; the console calls {@link #deliverDueNow()} instead of (or as well
 * as) starting it.
 *
 * <p>The scheduler is tuned for reminders: it polls every quarter second, and a process that dies
 * while delivering is declared dead after {@value #MISSED_HEARTBEATS} missed heartbeats of {@link
 * #HEARTBEAT}, so another instance resumes the work within about 15 seconds (db-scheduler looks for
 * dead executions every two heartbeats; its default declares them dead after half an hour). The
 * delivery round is one recurring task: across instances on one PostgreSQL it runs on one instance
 * at a time, which keeps each platform's rate limit (counted in memory) honest; the outbox claims
 * ({@code FOR UPDATE SKIP LOCKED}) make any overlap safe, such as {@link #deliverDueNow()} running
 * beside it. Thread-safe.
 */
public final class Delivery implements AutoCloseable {

  static final String TASK_NAME = "outbox-delivery";
  static final String PURGE_TASK_NAME = "outbox-purge";

  /** How long settled messages are kept unless {@link #keepSettledFor} says otherwise. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  /**
   * The shortest retention: a purged key may be enqueued again, and a day is longer than any work
   * that could enqueue a key it already settled (a reminder is planned only while still ahead).
   */
  public static final Duration MIN_RETENTION = Duration.ofDays(1);

  /** How often the scheduler purges settled messages older than the retention. */
  static final Duration PURGE_INTERVAL = Duration.ofHours(1);

  /**
   * How often the scheduler looks for due work and the delivery round repeats. A quarter of a
   * second keeps a rate-limited queue close to its platform's ceiling: a round that found no permit
   * ends, and the next one starts soon after the permits come back.
   */
  static final Duration POLLING_INTERVAL = Duration.ofMillis(250);

  /**
   * How often a running round tells the database it is alive. Short, because a round may run for up
   * to {@link OutboxWorker#LONGEST_ROUND} and the other instances wait for it: after a kill the
   * round is taken over {@value #MISSED_HEARTBEATS} heartbeats later, checked every two (10 to 14
   * s). A heartbeat is one small update; an instance stalled past the limit (a long GC pause) only
   * lets a second round run beside it, which the outbox's claims make safe.
   */
  static final Duration HEARTBEAT = Duration.ofSeconds(2);

  static final int MISSED_HEARTBEATS = 5;
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(15);
  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  private final Database database;
  private final Outbox outbox;
  private final OutboxWorker worker;
  private final String instanceName;
  private final Clock clock;
  private volatile Premises premises = Premises.NONE;
  private final List<OutboxOperation> operations =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile Duration retention = DEFAULT_RETENTION;
  private Scheduler scheduler;
  private boolean closed;

  /**
   * Delivery within the limits each platform's adapter declares, with default settings.
   *
   * @param database the bot's database (its schema holds the outbox and the scheduler's table)
   * @param gateways the gateway of each platform this process runs, or empty for one it does not
   *     (messages for it wait, with back-off, until it runs or they expire)
   * @param clock the time for the outbox and the worker (the scheduler itself wakes up in real
   *     time)
   * @param listener told of every delivery attempt
   */
  public Delivery(
      Database database,
      Function<Platform, Optional<ChatGateway>> gateways,
      Clock clock,
      DeliveryListener listener) {
    this(
        database,
        gateways,
        clock,
        listener,
        new RateLimiter(
            platform ->
                gateways
                    .apply(platform)
                    .map(gateway -> gateway.capabilities().sendLimits())
                    .orElse(SendLimits.UNLIMITED),
            clock),
        OutboxWorker.Settings.DEFAULTS,
        "networkeras-" + UUID.randomUUID().toString().substring(0, 8));
  }

  Delivery(
      Database database,
      Function<Platform, Optional<ChatGateway>> gateways,
      Clock clock,
      DeliveryListener listener,
      RateLimiter limiter,
      OutboxWorker.Settings settings,
      String instanceName) {
    this.database = Objects.requireNonNull(database, "database");
    this.instanceName = Objects.requireNonNull(instanceName, "instanceName");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.outbox = new Outbox(database, clock);
    this.worker =
        new OutboxWorker(
            outbox,
            gateways,
            limiter,
            clock,
            instanceName,
            listener,
            settings,
            (premise, now) -> premises.broken(premise, now),
            this::operationFor);
  }

  /**
   * Adds an operation the outbox carries besides chat messages: items whose key starts with its
   * prefix are performed by it instead of sent. Call while wiring.
   *
   * @throws IllegalArgumentException if its prefix is empty or overlaps another operation's
   */
  public void performWith(OutboxOperation operation) {
    Objects.requireNonNull(operation, "operation");
    String prefix = operation.keyPrefix();
    for (OutboxOperation other : operations) {
      if (prefix.startsWith(other.keyPrefix()) || other.keyPrefix().startsWith(prefix)) {
        throw new IllegalArgumentException("two outbox operations share keys: " + prefix);
      }
    }
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("an outbox operation needs a key prefix");
    }
    operations.add(operation);
  }

  private Optional<OutboxOperation> operationFor(String key) {
    for (OutboxOperation operation : operations) {
      if (key.startsWith(operation.keyPrefix())) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }

  /**
   * Sets what checks, just before a message is sent, that what it is about still holds (messages
   * with a {@link Premise}); until then every premise is taken to hold. Call once while wiring.
   */
  public void checkPremisesWith(Premises newPremises) {
    this.premises = Objects.requireNonNull(newPremises, "premises");
  }

  /**
   * Sets how long settled messages (delivered, failed, expired, dropped) are kept before {@link
   * #purgeSettled()} deletes them ({@link #DEFAULT_RETENTION}, 30 days, unless set).
   *
   * @throws IllegalArgumentException if shorter than {@link #MIN_RETENTION}
   */
  public void keepSettledFor(Duration newRetention) {
    Objects.requireNonNull(newRetention, "retention");
    if (newRetention.compareTo(MIN_RETENTION) < 0) {
      throw new IllegalArgumentException(
          "settled messages are kept at least " + MIN_RETENTION + ", not " + newRetention);
    }
    this.retention = newRetention;
  }

  /** How long settled messages are kept. */
  public Duration retention() {
    return retention;
  }

  /**
   * Deletes the messages settled longer ago than the retention; the scheduler does it every hour.
   *
   * @return how many were deleted
   * @throws org.networkeras.store.StoreException if the database fails
   */
  public int purgeSettled() {
    int purged = outbox.purgeSettledBefore(clock.instant().minus(retention));
    if (purged > 0) {
      LOG.info("outbox: {} messages settled more than {} ago purged", purged, retention);
    }
    return purged;
  }

  /**
   * When the scheduler does not run (the console, tests), delivers what is due once the transaction
   * open on the calling thread commits (at once if none is open), so that a message enqueued as
   * part of a change goes out only if the change is stored. A failure to deliver is logged: the
   * message stays in the outbox. Does nothing while the scheduler runs (it sends within a quarter
   * second).
   */
  public void deliverAfterCommit() {
    if (isRunning()) {
      return;
    }
    database.afterCommit(
        () -> {
          try {
            deliverDueNow();
          } catch (RuntimeException e) {
            LOG.warn("delivering right after a change failed; the outbox keeps the messages", e);
          }
        });
  }

  /** Where features write the messages to send. */
  public Outbox outbox() {
    return outbox;
  }

  /**
   * Starts the scheduler, which from now on delivers due messages within a quarter second. Starting
   * twice does nothing.
   *
   * @throws IllegalStateException if closed
   */
  public void start() {
    start(List.of());
  }

  /**
   * As {@link #start()}, with more recurring tasks on the same scheduler (the weekly agenda,
   * batched notifications): one scheduler per process keeps db-scheduler from warning about tasks
   * it does not know. Starting twice does nothing, even with other tasks.
   *
   * @throws IllegalStateException if closed
   */
  public synchronized void start(List<RecurringTask<?>> moreTasks) {
    if (closed) {
      throw new IllegalStateException("delivery is closed");
    }
    if (scheduler != null) {
      return;
    }
    RecurringTask<Void> round =
        Tasks.recurring(TASK_NAME, FixedDelay.of(POLLING_INTERVAL))
            .execute(
                (instance, context) ->
                    worker.deliverDue(
                        () -> !context.getSchedulerState().isShuttingDown(), this::sleepUntil));
    SchedulerName name = () -> instanceName;
    RecurringTask<Void> purge =
        Tasks.recurring(PURGE_TASK_NAME, FixedDelay.of(PURGE_INTERVAL))
            .execute((instance, context) -> purgeSettled());
    List<RecurringTask<?>> tasks = new ArrayList<>();
    tasks.add(round);
    tasks.add(purge);
    tasks.addAll(moreTasks);
    scheduler =
        Scheduler.create(database.dataSource())
            .startTasks(tasks)
            .schedulerName(name)
            .threads(2)
            .pollingInterval(POLLING_INTERVAL)
            .heartbeatInterval(HEARTBEAT)
            .missedHeartbeatsLimit(MISSED_HEARTBEATS)
            .shutdownMaxWait(SHUTDOWN_WAIT)
            .build();
    scheduler.start();
    LOG.info("delivery started as {}", instanceName);
  }

  /** How a scheduled round waits for a permit: asleep, on the delivery clock, briefly. */
  private void sleepUntil(Instant moment) throws InterruptedException {
    long millis = Duration.between(clock.instant(), moment).toMillis();
    if (millis > 0) {
      Thread.sleep(Math.min(millis, OutboxWorker.PAUSE_STEP.toMillis()));
    }
  }

  /**
   * Delivers what is due now on the calling thread (the console's {@code :advance}), whether or not
   * the scheduler runs.
   *
   * @return what became of each message handled, in order; messages put back for want of a rate
   *     permit are not in it
   * @throws org.networkeras.store.StoreException if the database fails
   */
  public List<DeliveryAttempt> deliverDueNow() {
    return worker.deliverDue();
  }

  /** Whether the scheduler runs. */
  public synchronized boolean isRunning() {
    return scheduler != null && !closed;
  }

  /**
   * Stops the scheduler, letting a delivery round in progress finish its current message (waiting
   * at most a few seconds). Closing twice does nothing; the database stays open.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (scheduler != null) {
      scheduler.stop();
      LOG.info("delivery stopped ({})", instanceName);
    }
  }
}
