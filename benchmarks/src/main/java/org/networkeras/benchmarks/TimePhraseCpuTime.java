package org.networkeras.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Prints the processor time {@link TimePhraseBenchmark}'s mix costs per phrase, measured with the
 * thread's own CPU clock, so that a machine busy with other work does not inflate it; {@code
 * 1,000,000,000 / ns} is what one dedicated core could resolve per second. {@code java -cp
 * benchmarks.jar org.networkeras.benchmarks.TimePhraseCpuTime [seconds]}.
 */
public final class TimePhraseCpuTime {

  private TimePhraseCpuTime() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    TimePhraseBenchmark benchmark = new TimePhraseBenchmark();
    benchmark.setUp();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int sink = 0;
    long warmUntil = System.nanoTime() + (long) (seconds * 0.5e9);
    while (System.nanoTime() < warmUntil) { // let the JIT compile the paths first
      sink += benchmark.resolve().hashCode();
    }
    long cpuStart = threads.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    long count = 0;
    while (System.nanoTime() - wallStart < (long) (seconds * 1e9)) {
      sink += benchmark.resolve().hashCode();
      count++;
    }
    double cpuNanos = (double) (threads.getCurrentThreadCpuTime() - cpuStart) / count;
    double wallNanos = (double) (System.nanoTime() - wallStart) / count;
    System.out.printf(
        Locale.ROOT,
        "time phrases (mix of %d): %.0f ns CPU/phrase (%,.0f phrases/s per core), %.0f ns wall"
            + " (sink %d)%n",
        TimePhraseBenchmark.PHRASES.size()
            + TimePhraseBenchmark.SPANS.size()
            + TimePhraseBenchmark.EVENTS.size(),
        cpuNanos,
        1e9 / cpuNanos,
        wallNanos,
        sink & 1);
  }
}
