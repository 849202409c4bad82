package org.networkeras.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;
import org.networkeras.catalog.EventFilter;
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
 */
public final class Footprint {

  private Footprint() {}

  public static void main(String[] args) {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int communities = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
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
      // Keep the cache reachable until the last reading.
      if (catalog.core().catalog().count(catalog.community(0)) < 0) {
        throw new AssertionError();
      }
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
