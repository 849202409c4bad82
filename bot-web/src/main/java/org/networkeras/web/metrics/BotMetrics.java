package org.networkeras.web.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.networkeras.chat.ConnectionStatus;
import org.networkeras.chat.Platform;
import org.networkeras.command.CommandListener;
import org.networkeras.core.CoreWiring;
import org.networkeras.delivery.DeliveryAttempt;
import org.networkeras.delivery.DeliveryListener;
import org.networkeras.delivery.Outbox;
import org.networkeras.delivery.OutboxBacklog;
import org.networkeras.delivery.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's meters, bound by hand to what they measure. Names (Prometheus form):
 *
 * <ul>
 *   <li>{@code networkeras_commands_seconds} (histogram: {@code _bucket}, {@code _count}, {@code
 *       _sum}) by {@code command}, {@code platform}, {@code outcome} ({@code ok}, {@code refused},
 *       {@code failed}); a command the bot does not have is counted as {@code unknown}
 *   <li>{@code networkeras_outbox_pending_messages}, {@code networkeras_outbox_due_messages} and
 *       {@code networkeras_outbox_oldest_due_age_seconds}: read from the database at scrape time
 *       (at most once per {@code backlogRefresh})
 *   <li>{@code networkeras_deliveries_total} by {@code platform} and {@code outcome} ({@code
 *       delivered}, {@code retrying}, {@code failed}, {@code expired})
 *   <li>{@code networkeras_delivery_rate_limit_waits_total} by {@code platform}
 *   <li>{@code networkeras_platform_connected} (1 or 0) and {@code
 *       networkeras_platform_reconnects_total} by {@code platform}
 *   <li>{@code cache_gets_total} (by {@code result} hit/miss), {@code cache_size}, {@code
 *       cache_evictions_total}… by {@code cache} (Micrometer's Caffeine binder)
 *   <li>{@code networkeras_db_connections} by {@code state} (active, idle, pending) and {@code
 *       networkeras_db_connections_max}
 *   <li>{@code jvm_*}, {@code process_*}, {@code system_*}: Micrometer's JVM and process binders
 * </ul>
 *
 * Close it to release the garbage-collection listener. Thread-safe.
 */
public final class BotMetrics implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BotMetrics.class);

  /** The latency buckets of commands: from a cached listing to a slow database. */
  private static final Duration[] COMMAND_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5)
  };

  private final MeterRegistry registry;
  private final Clock clock;
  private final Duration backlogRefresh;
  private final List<Object> bound = new ArrayList<>();
  private JvmGcMetrics gc;

  /**
   * @param registry where the meters go
   * @param clock the bot's clock, for the age of due messages
   * @param backlogRefresh how long a backlog read from the database serves scrapes (zero: read on
   *     every scrape)
   */
  public BotMetrics(MeterRegistry registry, Clock clock, Duration backlogRefresh) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backlogRefresh = Objects.requireNonNull(backlogRefresh, "backlogRefresh");
  }

  /** A registry that {@code /metrics} can scrape. */
  public static PrometheusMeterRegistry prometheus() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  /** JVM and process meters: memory, garbage collection, threads, classes, CPU, uptime, files. */
  public synchronized BotMetrics bindJvm() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmInfoMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    if (gc == null) {
      gc = new JvmGcMetrics();
      gc.bindTo(registry);
    }
    return this;
  }

  /** Commands, deliveries, rate-limit waits, the outbox backlog and the caches of {@code core}. */
  public BotMetrics bindCore(CoreWiring core) {
    core.listen(commandListener());
    core.listen(deliveryListener());
    bindBacklog(core.delivery().outbox());
    core.caches().forEach((name, cache) -> CaffeineCacheMetrics.monitor(registry, cache, name));
    return this;
  }

  /** Times each command by name, platform and outcome. */
  CommandListener commandListener() {
    return (command, platform, outcome, elapsed) ->
        Timer.builder("networkeras.commands")
            .description("Commands handled by the core, from receipt to reply")
            .tag("command", command)
            .tag("platform", name(platform))
            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
            .serviceLevelObjectives(COMMAND_BUCKETS)
            .register(registry)
            .record(elapsed);
  }

  /** Counts delivery attempts by platform and outcome, and rate-limit waits by platform. */
  DeliveryListener deliveryListener() {
    return new DeliveryListener() {
      @Override
      public void attempted(DeliveryAttempt attempt) {
        Counter.builder("networkeras.deliveries")
            .description("Attempts to deliver an outbox message, by outcome")
            .tag("platform", name(attempt.message().target().platform()))
            .tag("outcome", attempt.outcome().name().toLowerCase(Locale.ROOT))
            .register(registry)
            .increment();
      }

      @Override
      public void rateLimited(OutgoingMessage message, Instant until) {
        Counter.builder("networkeras.delivery.rate.limit.waits")
            .description("Due messages put back because the platform's rate limit had no permit")
            .tag("platform", name(message.target().platform()))
            .register(registry)
            .increment();
      }
    };
  }

  private void bindBacklog(Outbox outbox) {
    Supplier<OutboxBacklog> backlog =
        new Memo<>(() -> outbox.backlog(clock.instant()), backlogRefresh);
    keep(backlog);
    gauge(
        "networkeras.outbox.pending",
        backlog,
        b -> b.get().pending(),
        "messages",
        "Outbox messages waiting to be sent, due or not");
    gauge(
        "networkeras.outbox.due",
        backlog,
        b -> b.get().due(),
        "messages",
        "Outbox messages already due and not yet sent");
    Gauge.builder(
            "networkeras.outbox.oldest.due.age",
            backlog,
            b -> b.get().oldestDueAge(clock.instant()).toMillis() / 1000.0)
        .description("How long the oldest due outbox message has waited")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
  }

  /**
   * Whether a platform is connected and how often it reconnected, read from its adapter at scrape
   * time.
   */
  public BotMetrics bindPlatform(Platform platform, Supplier<ConnectionStatus> status) {
    Objects.requireNonNull(status, "status");
    keep(status);
    Gauge.builder("networkeras.platform.connected", status, s -> s.get().connected() ? 1 : 0)
        .description("1 while the platform adapter is connected, 0 otherwise")
        .tag("platform", name(platform))
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder(
            "networkeras.platform.reconnects", status, s -> (double) s.get().reconnects())
        .description("Times the platform connection was lost and taken up again")
        .tag("platform", name(platform))
        .register(registry);
    return this;
  }

  /** The connection pool's active, idle and waiting connections (HikariCP pools only). */
  public BotMetrics bindPool(DataSource dataSource) {
    if (!(dataSource instanceof HikariDataSource hikari)) {
      return this;
    }
    keep(hikari);
    for (String state : List.of("active", "idle", "pending")) {
      Gauge.builder(
              "networkeras.db.connections",
              hikari,
              h -> {
                HikariPoolMXBean pool = h.getHikariPoolMXBean();
                if (pool == null) {
                  return 0;
                }
                return switch (state) {
                  case "active" -> pool.getActiveConnections();
                  case "idle" -> pool.getIdleConnections();
                  default -> pool.getThreadsAwaitingConnection();
                };
              })
          .description("Database pool connections by state (pending: threads waiting for one)")
          .tag("state", state)
          .register(registry);
    }
    Gauge.builder("networkeras.db.connections.max", hikari, HikariDataSource::getMaximumPoolSize)
        .description("The database pool's size")
        .register(registry);
    return this;
  }

  private <T> void gauge(
      String name, T source, ToDoubleFunction<T> value, String unit, String description) {
    Gauge.builder(name, source, value)
        .description(description)
        .baseUnit(unit)
        .strongReference(true)
        .register(registry);
  }

  private synchronized void keep(Object source) {
    bound.add(source);
  }

  private static String name(Platform platform) {
    return platform.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public synchronized void close() {
    if (gc != null) {
      gc.close();
      gc = null;
    }
  }

  /**
   * A value read at most once per {@code ttl} (monotonic time): several gauges of one scrape share
   * one database read. A read that fails is logged and answers the last value (or throws the first
   * time, which Micrometer reports as a missing sample).
   */
  private static final class Memo<T> implements Supplier<T> {
    private final Supplier<T> source;
    private final long ttlNanos;
    private T value;
    private long readAt;

    Memo(Supplier<T> source, Duration ttl) {
      this.source = source;
      this.ttlNanos = ttl.toNanos();
    }

    @Override
    public synchronized T get() {
      long now = System.nanoTime();
      if (value == null || now - readAt >= ttlNanos) {
        try {
          value = source.get();
          readAt = now;
        } catch (RuntimeException e) {
          if (value == null) {
            throw e;
          }
          LOG.warn("metrics: reading the outbox backlog failed: {}", e.getMessage());
        }
      }
      return value;
    }
  }
}
