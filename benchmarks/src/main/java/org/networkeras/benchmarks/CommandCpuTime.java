package org.networkeras.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Prints the processor time one command costs, measured with the thread's own CPU clock. On a
 * machine shared with other work, wall-clock throughput says as much about the neighbours as about
 * the bot; CPU time per command does not, and {@code 1,000,000 / µs} is then what one dedicated
 * core could serve. {@code java -cp benchmarks.jar org.networkeras.benchmarks.CommandCpuTime
 * [events] [communities] [seconds per figure]}.
 */
public final class CommandCpuTime {

  private CommandCpuTime() {}

  public static void main(String[] args) {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int communities = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
    try (BenchCatalog catalog = BenchCatalog.open(events, communities)) {
      int hot = Math.min(WarmCommandBenchmark.HOT, catalog.communityCount());
      int spread = catalog.communityCount() / hot;
      int all = catalog.communityCount();
      measure("warm /events tonight", seconds, i -> catalog.eventsTonight(i % hot * spread));
      measure(
          "warm /events samedi networking paris",
          seconds,
          i -> catalog.eventsSaturday(i % hot * spread));
      measure("/event <ref>", seconds, i -> catalog.eventCard(i % hot * spread, i));
      measure(
          "cold /events tonight",
          seconds,
          i -> {
            int community = (int) ((long) i * 7919 % all);
            catalog.forgetListings(community);
            return catalog.eventsTonight(community);
          });
      measure(
          "cold /events samedi networking paris",
          seconds,
          i -> {
            int community = (int) ((long) i * 7919 % all);
            catalog.forgetListings(community);
            return catalog.eventsSaturday(community);
          });
    }
  }

  private static void measure(String what, double seconds, IntFunction<String> command) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    long warmUntil = System.nanoTime() + (long) (seconds * 0.5e9);
    for (int i = 0; System.nanoTime() < warmUntil; i++) { // let the JIT compile the path first
      sink += command.apply(i).length();
    }
    long cpuStart = threads.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    long deadline = wallStart + (long) (seconds * 1e9);
    int n = 0;
    while (System.nanoTime() < deadline) {
      sink += command.apply(n++).length();
    }
    double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / n;
    double wallMicros = (System.nanoTime() - wallStart) / 1e3 / n;
    System.out.printf(
        Locale.ROOT,
        "%-38s %8.1f µs CPU/command (%,9.0f commands/s per core)   %8.1f µs wall%n",
        what,
        cpuMicros,
        1e6 / cpuMicros,
        wallMicros);
    if (sink == 42) { // keeps the answers alive, so the JIT cannot drop the work
      System.out.println();
    }
  }
}
