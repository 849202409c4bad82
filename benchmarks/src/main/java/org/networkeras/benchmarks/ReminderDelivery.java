package org.networkeras.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.networkeras.chat.Capabilities;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.SendLimits;
import org.networkeras.delivery.Delivery;
import org.networkeras.delivery.DeliveryAttempt;
import org.networkeras.delivery.DeliveryListener;
import org.networkeras.store.Database;

/**
 * Reminders at scale, on the real delivery path (issue 8, item 3): {@code java -cp benchmarks.jar
 * org.networkeras.benchmarks.ReminderDelivery [reminders] [due at once] [rate-limited seconds]}.
 *
 * <ol>
 *   <li><b>Scheduling</b>: writes {@code reminders} reminders to a new outbox with {@link
 *       org.networkeras.delivery.Outbox#enqueueAll} in batches of {@value BenchReminders#BATCH} and
 *       times it. {@code due at once} of them fall due at the same moment, the rest over the next
 *       sixty days.
 *   <li><b>Delivery of the ones due at once</b> to a console gateway that accepts every message
 *       instantly (the console has no rate limit) and drops a message sent again under a key it
 *       already accepted, as Discord's nonce does, so that the worker records a round's sends in
 *       one transaction: {@link Delivery} is started as the launcher starts it (db-scheduler,
 *       wall-clock time) two seconds before they fall due, and the probe waits until all of them
 *       are delivered. The clock is the system clock shifted so that the due moment comes two
 *       seconds after the start: it ticks in real time, so the lateness (delivered-at, the time the
 *       worker took after the gateway accepted the message, minus the due moment) is real lateness.
 *       Then as many again, due half an hour later, to an instant gateway that shows repeats (as
 *       Telegram's), for which the worker records each send before the next.
 *   <li><b>Rate-limited delivery</b> on SQLite: enough Telegram reminders to as many direct chats,
 *       all due, delivered with Telegram's limits (30/s overall) by a started {@link Delivery} on
 *       the system clock for {@code rate-limited seconds} of real time; prints the sustained rate
 *       and the most messages sent in any one-second window.
 *   <li><b>Lateness against the ceiling</b>, on SQLite and PostgreSQL, for Telegram (30/s) and
 *       Discord (50/s): {@code rate-limited seconds × ceiling} messages to as many direct chats
 *       fall due at once; the i-th (from 0) could at best go at due + i / ceiling; prints the
 *       percentiles of (actual − ideal) and the drain.
 * </ol>
 *
 * Steps 1 and 2 run on SQLite, then on PostgreSQL in a schema of its own (dropped afterwards) when
 * {@code NETWORKERAS_TEST_PG_URL} names a server.
 */
public final class ReminderDelivery {

  static final String POSTGRES_URL_VARIABLE = "NETWORKERAS_TEST_PG_URL";
  private static final Platform INSTANT = Platform.CONSOLE;
  private static final Instant DUE = Instant.parse("2026-12-03T17:00:00Z");
  private static final Duration LEAD = Duration.ofSeconds(2);
  private static final Duration GIVE_UP = Duration.ofMinutes(10);
  private static final double TELEGRAM_CEILING = 30.0;
  private static final double DISCORD_CEILING = 50.0;

  /** When the second drain's messages (to a gateway that shows repeats) fall due. */
  private static final Instant SECOND_DUE = DUE.plus(Duration.ofMinutes(30));

  /** Telegram's published limits, as the Telegram adapter declares them. */
  private static final SendLimits TELEGRAM_LIMITS =
      new SendLimits(
          Optional.of(new SendLimits.Limit((int) TELEGRAM_CEILING, Duration.ofSeconds(1))),
          Optional.of(new SendLimits.Limit(1, Duration.ofSeconds(1))),
          Optional.of(new SendLimits.Limit(20, Duration.ofMinutes(1))));

  /** Discord's overall limit, as the Discord adapter declares it. */
  private static final SendLimits DISCORD_LIMITS =
      new SendLimits(
          Optional.of(new SendLimits.Limit((int) DISCORD_CEILING, Duration.ofSeconds(1))),
          Optional.empty(),
          Optional.empty());

  private ReminderDelivery() {}

  public static void main(String[] args) throws Exception {
    int reminders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int dueAtOnce = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int rateSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    if (dueAtOnce > reminders) {
      throw new IllegalArgumentException("more due at once than reminders");
    }
    try (Backend sqlite = Backend.sqlite()) {
      scheduleAndDeliver(sqlite, reminders, dueAtOnce);
    }
    String postgres = System.getenv(POSTGRES_URL_VARIABLE);
    if (postgres != null && !postgres.isBlank()) {
      try (Backend pg = Backend.postgres(postgres)) {
        scheduleAndDeliver(pg, reminders, dueAtOnce);
      }
    } else {
      System.out.println("postgresql: skipped, " + POSTGRES_URL_VARIABLE + " not set");
    }
    if (rateSeconds > 0) {
      try (Backend sqlite = Backend.sqlite()) {
        rateLimited(sqlite, rateSeconds);
      }
      List<Supplier<Backend>> backends = new ArrayList<>();
      backends.add(Backend::sqlite);
      if (postgres != null && !postgres.isBlank()) {
        backends.add(
            () -> {
              try {
                return Backend.postgres(postgres);
              } catch (SQLException e) {
                throw new IllegalStateException("could not create a PostgreSQL schema", e);
              }
            });
      }
      for (Supplier<Backend> opening : backends) {
        try (Backend backend = opening.get()) {
          paced(backend, Platform.TELEGRAM, TELEGRAM_LIMITS, TELEGRAM_CEILING, false, rateSeconds);
        }
        try (Backend backend = opening.get()) {
          paced(backend, Platform.DISCORD, DISCORD_LIMITS, DISCORD_CEILING, true, rateSeconds);
        }
      }
    }
  }

  static void scheduleAndDeliver(Backend backend, int reminders, int dueAtOnce)
      throws InterruptedException {
    // 1. Scheduling: the clock stands a day before the due moment while reminders are accepted.
    Clock before = Clock.fixed(DUE.minus(Duration.ofDays(1)), java.time.ZoneOffset.UTC);
    Delivery accepting = new Delivery(backend.database, p -> Optional.empty(), before, a -> {});
    long start = System.nanoTime();
    long accepted = BenchReminders.schedule(accepting.outbox(), INSTANT, reminders, dueAtOnce, DUE);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: scheduled %,d reminders in %.1f s (%,.0f reminders/s; %,d accepted; batches of %,d;"
            + " load %s)%n",
        backend.name,
        reminders,
        seconds,
        reminders / seconds,
        accepted,
        BenchReminders.BATCH,
        load());

    // 2. Delivery, started two seconds (of real time) before they all fall due, to a gateway that
    // drops repeats (the worker records a round's sends in one transaction), then as many to one
    // that shows them (each send recorded before the next).
    System.out.printf(
        "%s: to an instant gateway that drops repeats (sends recorded together)%n", backend.name);
    drain(backend, backend.name, INSTANT, true, DUE, dueAtOnce);
    BenchReminders.schedule(
        accepting.outbox(), Platform.TELEGRAM, dueAtOnce, dueAtOnce, SECOND_DUE);
    String showing = backend.name + " (repeats shown)";
    System.out.printf(
        "%s: to an instant gateway that shows repeats (each send recorded before the next)%n",
        showing);
    drain(backend, showing, Platform.TELEGRAM, false, SECOND_DUE, dueAtOnce);
  }

  /**
   * Delivers the {@code count} messages to {@code platform} due at {@code due} with a started
   * {@link Delivery} on a clock two seconds before it, to an instant gateway.
   */
  private static void drain(
      Backend backend,
      String label,
      Platform platform,
      boolean dropsRepeats,
      Instant due,
      int count)
      throws InterruptedException {
    Lateness lateness = new Lateness(due, count);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), due.minus(LEAD)));
    InstantGateway gateway = new InstantGateway(platform, dropsRepeats);
    try (Delivery delivery =
        new Delivery(
            backend.database,
            p -> p == platform ? Optional.of(gateway) : Optional.empty(),
            clock,
            lateness)) {
      delivery.start();
      long deadline = System.nanoTime() + GIVE_UP.toNanos();
      while (lateness.count() < count && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }
    lateness.print(label, count, gateway.sent());
    printPauses(label, gateway.sendMillis());
  }

  /**
   * Lateness against what the platform allows: {@code seconds × ceiling} messages to as many direct
   * chats fall due at once, and a started {@link Delivery} sends them under the platform's limits;
   * the i-th (from 0) could at best go at due + i / ceiling. Prints the drain and the percentiles
   * of (actual − ideal).
   */
  static void paced(
      Backend backend,
      Platform platform,
      SendLimits limits,
      double ceiling,
      boolean dropsRepeats,
      int seconds)
      throws InterruptedException {
    int count = (int) (ceiling * seconds);
    Clock before = Clock.fixed(DUE.minus(Duration.ofDays(1)), java.time.ZoneOffset.UTC);
    Delivery accepting = new Delivery(backend.database, p -> Optional.empty(), before, a -> {});
    BenchReminders.schedule(accepting.outbox(), platform, count, count, DUE);
    Lateness lateness = new Lateness(DUE, count, true);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), DUE.minus(LEAD)));
    InstantGateway gateway = new InstantGateway(platform, limits, dropsRepeats);
    try (Delivery delivery =
        new Delivery(
            backend.database,
            p -> p == platform ? Optional.of(gateway) : Optional.empty(),
            clock,
            lateness)) {
      delivery.start();
      long deadline = System.nanoTime() + GIVE_UP.toNanos();
      while (lateness.count() < count && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }
    String label =
        String.format(
            Locale.ROOT,
            "paced (%s, %.0f/s overall) on %s",
            platform.name().toLowerCase(Locale.ROOT),
            ceiling,
            backend.name);
    lateness.printAgainstCeiling(label, count, ceiling);
    System.out.printf("%s: sends per second from the first: %s%n", label, perSecond(gateway));
  }

  /** How many sends the gateway saw in each second from its first send. */
  private static String perSecond(InstantGateway gateway) {
    long[] sends = gateway.sendMillis();
    if (sends.length == 0) {
      return "[]";
    }
    int[] counts = new int[(int) ((sends[sends.length - 1] - sends[0]) / 1000) + 1];
    for (long at : sends) {
      counts[(int) ((at - sends[0]) / 1000)]++;
    }
    return Arrays.toString(counts);
  }

  /**
   * How much of the delivery was spent waiting between rounds (pauses of half a second or more
   * between two sends), and the rate while sending.
   */
  private static void printPauses(String backend, long[] sends) {
    if (sends.length < 2) {
      return;
    }
    int pauses = 0;
    long paused = 0;
    for (int i = 1; i < sends.length; i++) {
      long gap = sends[i] - sends[i - 1];
      if (gap >= 500) {
        pauses++;
        paused += gap;
      }
    }
    long span = sends[sends.length - 1] - sends[0];
    double busy = (span - paused) / 1000.0;
    System.out.printf(
        Locale.ROOT,
        "%s: %d pauses of 0.5 s or more between rounds, %.1f s of %.1f s; while sending: %,.0f"
            + " deliveries/s%n",
        backend,
        pauses,
        paused / 1000.0,
        span / 1000.0,
        busy > 0 ? (sends.length - 1) / busy : Double.NaN);
  }

  static void rateLimited(Backend backend, int seconds) throws InterruptedException {
    // Enough for the whole window and more, to as many direct chats (1 message/s per chat).
    int messages = (int) (TELEGRAM_CEILING * (seconds + 10));
    Clock clock = Clock.systemUTC();
    InstantGateway gateway = new InstantGateway(Platform.TELEGRAM, TELEGRAM_LIMITS, false);
    try (Delivery delivery =
        new Delivery(
            backend.database,
            p -> p == Platform.TELEGRAM ? Optional.of(gateway) : Optional.empty(),
            clock,
            DeliveryListener.NONE)) {
      BenchReminders.schedule(
          delivery.outbox(), Platform.TELEGRAM, messages, messages, clock.instant());
      delivery.start();
      long deadline = System.nanoTime() + GIVE_UP.toNanos();
      while (System.nanoTime() < deadline) {
        long[] sends = gateway.sendMillis();
        if (sends.length > 0 && clock.millis() >= sends[0] + seconds * 1000L + 100) {
          break;
        }
        Thread.sleep(50);
      }
    }
    long[] sends = gateway.sendMillis();
    if (sends.length == 0) {
      System.out.println("rate-limited (telegram): nothing was sent");
      return;
    }
    long from = sends[0];
    long to = from + seconds * 1000L;
    int inWindow = 0;
    int maxPerSecond = 0;
    int[] perSecond = new int[seconds];
    for (int i = 0, j = 0; i < sends.length && sends[i] < to; i++) {
      inWindow++;
      perSecond[(int) ((sends[i] - from) / 1000)]++;
      while (j < sends.length && sends[j] < sends[i] + 1000) {
        j++;
      }
      maxPerSecond = Math.max(maxPerSecond, j - i);
    }
    double rate = inWindow / (double) seconds;
    System.out.printf(
        Locale.ROOT,
        "rate-limited (telegram, %.0f/s overall, 1/s per chat) on %s: %,d sent in %d s from the"
            + " first = %.2f/s = %.1f %% of the ceiling; most in any 1-second window: %d;"
            + " per second: %s (load %s)%n",
        TELEGRAM_CEILING,
        backend.name,
        inWindow,
        seconds,
        rate,
        100 * rate / TELEGRAM_CEILING,
        maxPerSecond,
        Arrays.toString(perSecond),
        load());
  }

  private static String load() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * The lateness of every delivered reminder that was due at one moment (or, in a database holding
   * only those, of every delivered message: one put back for want of a permit is due anew).
   */
  private static final class Lateness implements DeliveryListener {
    private final Instant due;
    private final boolean everyDelivery;
    private final long[] micros;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong firstAt = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastAt = new AtomicLong(Long.MIN_VALUE);

    Lateness(Instant due, int expected) {
      this(due, expected, false);
    }

    Lateness(Instant due, int expected, boolean everyDelivery) {
      this.due = due;
      this.everyDelivery = everyDelivery;
      this.micros = new long[expected];
    }

    @Override
    public void attempted(DeliveryAttempt attempt) {
      if (attempt.outcome() != DeliveryAttempt.Outcome.DELIVERED
          || !(everyDelivery || attempt.message().notBefore().equals(due))) {
        return;
      }
      long late = Duration.between(due, attempt.at()).toNanos() / 1_000;
      int i = count.getAndIncrement();
      if (i < micros.length) {
        micros[i] = late;
      }
      firstAt.accumulateAndGet(late, Math::min);
      lastAt.accumulateAndGet(late, Math::max);
    }

    int count() {
      return count.get();
    }

    void print(String backend, int expected, long sent) {
      int n = Math.min(count(), micros.length);
      if (n == 0) {
        System.out.printf("%s: none of %,d due reminders was delivered%n", backend, expected);
        return;
      }
      long[] sorted = Arrays.copyOf(micros, n);
      Arrays.sort(sorted);
      double first = firstAt.get() / 1e6;
      double last = lastAt.get() / 1e6;
      System.out.printf(
          Locale.ROOT,
          "%s: delivered %,d of %,d due at once (%,d sends) in %.1f s after due: %,.0f"
              + " deliveries/s from due, %,.0f/s from the first delivery (load %s)%n",
          backend,
          n,
          expected,
          sent,
          last,
          n / last,
          n > 1 && last > first ? (n - 1) / (last - first) : Double.NaN,
          load());
      System.out.printf(
          Locale.ROOT,
          "%s: lateness after due: first %.3f s, p50 %.3f s, p99 %.3f s, p99.9 %.3f s, max"
              + " %.3f s%n",
          backend,
          first,
          percentile(sorted, 0.50),
          percentile(sorted, 0.99),
          percentile(sorted, 0.999),
          last);
    }

    /**
     * The drain, and the percentiles of (actual − ideal) where the i-th delivery (from 0, in order
     * of delivery) could at best be at due + i / {@code ceiling}.
     */
    void printAgainstCeiling(String label, int expected, double ceiling) {
      int n = Math.min(count(), micros.length);
      if (n == 0) {
        System.out.printf("%s: none of %,d due messages was delivered%n", label, expected);
        return;
      }
      long[] sorted = Arrays.copyOf(micros, n);
      Arrays.sort(sorted);
      long[] behind = new long[n];
      for (int i = 0; i < n; i++) {
        behind[i] = sorted[i] - Math.round(i * 1e6 / ceiling);
      }
      Arrays.sort(behind);
      double last = sorted[n - 1] / 1e6;
      System.out.printf(
          Locale.ROOT,
          "%s: delivered %,d of %,d due at once in %.2f s after due (%.1f/s; the ceiling allows"
              + " %.2f s); actual − ideal (i-th at due + i/%.0f s): p50 %.3f s, p99 %.3f s, max"
              + " %.3f s; first at %.3f s (load %s)%n",
          label,
          n,
          expected,
          last,
          n / last,
          (n - 1) / ceiling,
          ceiling,
          percentile(behind, 0.50),
          percentile(behind, 0.99),
          behind[n - 1] / 1e6,
          sorted[0] / 1e6,
          load());
    }

    private static double percentile(long[] sorted, double p) {
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
  }

  /**
   * A gateway that accepts every message at once and notes when; one that drops repeats shows a
   * message sent again under a key it already accepted only once (as Discord's nonce does), and
   * says so to the worker ({@link ChatGateway#dropsRepeatedSends()}). Thread-safe.
   */
  static final class InstantGateway implements ChatGateway {
    private final Platform platform;
    private final AtomicLong ids = new AtomicLong();
    private long[] millis = new long[1024];
    private int sent;
    private final SendLimits limits;
    private final boolean dropsRepeats;
    private final Set<String> shown = ConcurrentHashMap.newKeySet();
    private final AtomicInteger repeats = new AtomicInteger();

    InstantGateway(Platform platform, boolean dropsRepeats) {
      this(platform, SendLimits.UNLIMITED, dropsRepeats);
    }

    InstantGateway(Platform platform, SendLimits limits, boolean dropsRepeats) {
      this.platform = platform;
      this.limits = limits;
      this.dropsRepeats = dropsRepeats;
    }

    @Override
    public boolean dropsRepeatedSends() {
      return dropsRepeats;
    }

    @Override
    public Platform platform() {
      return platform;
    }

    @Override
    public Capabilities capabilities() {
      return new Capabilities(false, false, false, false, limits);
    }

    @Override
    public DeliveryResult send(Conversation to, Reply reply, String deliveryKey) {
      return accept(deliveryKey);
    }

    @Override
    public DeliveryResult sendDirect(ChatUser to, Reply reply, String deliveryKey) {
      return accept(deliveryKey);
    }

    private DeliveryResult accept(String deliveryKey) {
      // Only a gateway that drops repeats remembers keys (the footprint probe uses the other).
      if (dropsRepeats && !shown.add(deliveryKey)) {
        repeats.incrementAndGet();
        return new DeliveryResult.Delivered("dropped repeat of " + deliveryKey);
      }
      long now = System.currentTimeMillis();
      synchronized (this) {
        if (sent == millis.length) {
          millis = Arrays.copyOf(millis, sent * 2);
        }
        millis[sent++] = now;
      }
      return new DeliveryResult.Delivered("m" + ids.incrementAndGet());
    }

    synchronized long sent() {
      return sent;
    }

    /** Messages sent again under a key already accepted, dropped (if it drops repeats). */
    int repeats() {
      return repeats.get();
    }

    synchronized long[] sendMillis() {
      return Arrays.copyOf(millis, sent);
    }
  }

  /** A new, empty database: a SQLite file in a temporary folder or a PostgreSQL schema. */
  static final class Backend implements AutoCloseable {
    final String name;
    final Database database;
    private final Runnable cleanUp;

    private Backend(String name, Database database, Runnable cleanUp) {
      this.name = name;
      this.database = database;
      this.cleanUp = cleanUp;
    }

    static Backend sqlite() {
      try {
        Path dir = Files.createTempDirectory("networkeras-reminders");
        return new Backend(
            "sqlite",
            Database.open(Database.sqliteUrl(dir)),
            () -> BenchCatalog.deleteRecursively(dir));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static Backend postgres(String serverUrl) throws SQLException {
      String schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
      execute(serverUrl, "CREATE SCHEMA " + schema);
      String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      Runnable drop =
          () -> {
            try {
              execute(serverUrl, "DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
              System.err.println("could not drop schema " + schema + ": " + e.getMessage());
            }
          };
      try {
        return new Backend("postgresql", Database.open(url), drop);
      } catch (RuntimeException e) {
        drop.run();
        throw e;
      }
    }

    private static void execute(String url, String sql) throws SQLException {
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }

    @Override
    public void close() {
      try {
        database.close();
      } finally {
        cleanUp.run();
      }
    }
  }
}
