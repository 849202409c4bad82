package org.networkeras.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Commands end to end ({@code BotCore.handle}, then the reply rendered as plain text) with a
 * <b>warm</b> listing cache: each thread cycles through the same {@value #HOT} communities, whose
 * listings the set-up has already loaded. {@code /event} has no cache of its own and reads the
 * event from SQLite every time; {@code /foryou} lists 30 days from the cache and reads the member's
 * answers and subscriptions and the community's counts from SQLite every time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WarmCommandBenchmark {

  /** How many communities the warm benchmarks cycle through. */
  static final int HOT = 50;

  @Param("100000")
  public int events;

  @Param("1000")
  public int communities;

  BenchCatalog catalog;
  final AtomicInteger threads = new AtomicInteger();

  /** Where one benchmark thread is in its round of the hot communities. */
  @State(Scope.Thread)
  public static class Cursor {
    int community;
    int card;

    @Setup(Level.Trial)
    public void setUp(WarmCommandBenchmark benchmark) {
      community = benchmark.threads.getAndIncrement() * 7;
    }

    /** The next hot community. */
    int next(BenchCatalog catalog) {
      community = (community + 1) % hot(catalog);
      card++;
      return hotCommunity(catalog, community);
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    catalog = BenchCatalog.open(events, communities);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < hot(catalog); i++) {
        int community = hotCommunity(catalog, i);
        catalog.eventsTonight(community);
        catalog.eventsSaturday(community);
        catalog.forYou(community);
      }
    }
  }

  private static int hot(BenchCatalog catalog) {
    return Math.min(HOT, catalog.communityCount());
  }

  /** The {@code n}th hot community, the hot ones spread evenly over the whole catalog. */
  private static int hotCommunity(BenchCatalog catalog, int n) {
    return n * (catalog.communityCount() / hot(catalog));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    catalog.close();
  }

  @Benchmark
  public String eventsTonight(Cursor cursor) {
    return catalog.eventsTonight(cursor.next(catalog));
  }

  @Benchmark
  public String forYou(Cursor cursor) {
    return catalog.forYou(cursor.next(catalog));
  }

  @Benchmark
  public String eventsSaturdayNetworkingParis(Cursor cursor) {
    return catalog.eventsSaturday(cursor.next(catalog));
  }

  @Benchmark
  public String eventCard(Cursor cursor) {
    return catalog.eventCard(cursor.next(catalog), cursor.card);
  }
}
