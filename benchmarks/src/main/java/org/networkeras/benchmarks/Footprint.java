package org.networkeras.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.networkeras.catalog.EventFilter;
import org.networkeras.chat.Platform;
import org.networkeras.delivery.Delivery;
import org.networkeras.delivery.DeliveryListener;
import org.networkeras.time.TimeRange;

/**
 * Prints the heap the core holds once the whole generated catalog sits in its listing cache.
 *
 * <p>Opens the catalog ({@code java -cp benchmarks.jar org.networkeras.benchmarks.Footprint
 * [events] [communities]}), then asks every community for its listings from 31 days ago to 151 days
 * ahead, which covers every generated single and every series occurrence in that span: each
 * community day lands in the listing cache. The heap is read with {@link MemoryMXBean} after
 * repeated full collections, before and after, so the figure is live data, not garbage. Run it with
 * {@code -Xmx256m} to show that the target fits.
 *
 * <p>With a third argument, {@code reminders}, it then wires {@link Delivery} (with a console
 * gateway that accepts everything) over a second, new SQLite database, writes that many reminders
 * to its outbox ({@link BenchReminders}, one in a hundred due now, the rest over the next sixty
 * days), delivers the due ones with {@link Delivery#deliverDueNow()} and reads the heap again while
 * the rest are pending, the catalog still cached. The reminders live in the database; the figure
 * shows what the bot holds meanwhile. The scheduler is not started: its rounds would hold due
 * reminders (still pending) while this thread counts, so the count would depend on the threads'
 * timing; {@link ReminderDelivery} measures the started scheduler.
 */
public final class Footprint {

  private Footprint() {}

  public static void main(String[] args) {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int communities = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int reminders = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long baseline = liveHeap(memory);
    try (BenchCatalog catalog = BenchCatalog.open(events, communities)) {
      long opened = liveHeap(memory);
      TimeRange horizon =
          new TimeRange(
              BenchCatalog.NOW.minus(Duration.ofDays(31)),
              BenchCatalog.NOW.plus(Duration.ofDays(151)));
      long occurrences = 0;
      for (int i = 0; i < catalog.communityCount(); i++) {
        occurrences +=
            catalog.core().catalog().list(catalog.community(i), horizon, EventFilter.ALL).size();
      }
      long loaded = liveHeap(memory);
      System.out.printf(
          Locale.ROOT,
          "catalog: %d events over %d communities; %d listed occurrences cached (%d community"
              + " days)%n",
          events,
          communities,
          occurrences,
          communities * 182L);
      System.out.printf(Locale.ROOT, "heap before opening:          %7.1f MiB%n", mib(baseline));
      System.out.printf(Locale.ROOT, "heap, core wired, cache cold: %7.1f MiB%n", mib(opened));
      System.out.printf(Locale.ROOT, "heap, whole catalog cached:   %7.1f MiB%n", mib(loaded));
      System.out.printf(
          Locale.ROOT, "catalog's share (cached - before): %7.1f MiB%n", mib(loaded - baseline));
      System.out.printf(
          Locale.ROOT, "max heap (-Xmx): %.0f MiB%n", mib(memory.getHeapMemoryUsage().getMax()));
      if (reminders > 0) {
        withPendingReminders(memory, reminders);
      }
      // Keep the cache reachable until the last reading.
      if (catalog.core().catalog().count(catalog.community(0)) < 0) {
        throw new AssertionError();
      }
    }
  }

  /** Writes {@code reminders} to a new outbox, delivers the due hundredth, reads the heap. */
  private static void withPendingReminders(MemoryMXBean memory, int reminders) {
    Instant due = BenchCatalog.NOW;
    Clock clock = Clock.fixed(due, ZoneOffset.UTC);
    ReminderDelivery.InstantGateway gateway =
        new ReminderDelivery.InstantGateway(Platform.CONSOLE, false);
    try (ReminderDelivery.Backend outboxDatabase = ReminderDelivery.Backend.sqlite();
        Delivery delivery =
            new Delivery(
                outboxDatabase.database,
                p -> p == Platform.CONSOLE ? Optional.of(gateway) : Optional.empty(),
                clock,
                DeliveryListener.NONE)) {
      int dueNow = Math.max(1, reminders / 100);
      long accepted =
          BenchReminders.schedule(delivery.outbox(), Platform.CONSOLE, reminders, dueNow, due);
      long delivered = 0;
      for (int handled = -1; handled != 0; ) {
        handled = delivery.deliverDueNow().size();
        delivered += handled;
      }
      long pending =
          outboxDatabase.database.withHandle(
              "count pending reminders",
              handle ->
                  handle
                      .createQuery("SELECT count(*) FROM outbox WHERE status = 'PENDING'")
                      .mapTo(Long.class)
                      .one());
      long held = liveHeap(memory);
      System.out.printf(
          Locale.ROOT,
          "reminders: %,d accepted into a second SQLite database's outbox; %,d due ones delivered"
              + " (%,d sends); %,d pending%n",
          accepted,
          delivered,
          gateway.sent(),
          pending);
      System.out.printf(
          Locale.ROOT,
          "heap, whole catalog cached + %,d reminders pending: %7.1f MiB%n",
          pending,
          mib(held));
    }
  }

  /** Heap in use after full collections have cleared what is unreachable. */
  static long liveHeap(MemoryMXBean memory) {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
