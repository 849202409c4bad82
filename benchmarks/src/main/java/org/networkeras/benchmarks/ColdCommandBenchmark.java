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
 * Commands end to end with a <b>cold</b> listing cache. Before every command the community's cached
 * listings are dropped exactly as a catalog write drops them ({@code CatalogService.changed}), so
 * every {@code /events} reloads its days from SQLite and expands the series again, and the threads
 * walk all the communities in a scattered order. What stays warm: community settings (cached by the
 * community service), parsed recurrence rules, the JIT, and SQLite's pages in the operating
 * system's cache (the database file is read, not fetched from a cold disk).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ColdCommandBenchmark {

  /** A prime stride, so that consecutive commands hit distant communities. */
  private static final int STRIDE = 7919;

  @Param("100000")
  public int events;

  @Param("1000")
  public int communities;

  BenchCatalog catalog;
  final AtomicInteger threads = new AtomicInteger();

  /** Where one benchmark thread is in its walk through all the communities. */
  @State(Scope.Thread)
  public static class Cursor {
    int community;
    int card;

    @Setup(Level.Trial)
    public void setUp(ColdCommandBenchmark benchmark) {
      community = benchmark.threads.getAndIncrement() * 500;
    }

    /** The next community, its listings dropped from the cache. */
    int next(BenchCatalog catalog) {
      community = (community + STRIDE) % catalog.communityCount();
      card++;
      catalog.forgetListings(community);
      return community;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    catalog = BenchCatalog.open(events, communities);
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
