package org.networkeras.benchmarks;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.networkeras.core.SimulatedClock;
import org.networkeras.time.TimePhraseResolver;
import org.networkeras.time.TimeRange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The EN/FR time-phrase resolver on one thread, over a fixed mix of what members type: half
 * English, half French, from a bare {@code tonight} to {@code le 12 décembre à 19h30}. Each
 * operation resolves one phrase to a range in the community's zone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class TimePhraseBenchmark {

  static final List<String> PHRASES =
      List.of(
          "tonight",
          "ce soir",
          "tomorrow",
          "demain",
          "this weekend",
          "ce week-end",
          "samedi",
          "next friday",
          "vendredi prochain",
          "tomorrow morning",
          "demain matin",
          "thursday 7pm",
          "jeudi 19h30",
          "next week",
          "la semaine prochaine",
          "in 90 minutes",
          "dans 2 heures",
          "the next 3 days",
          "les trois prochains jours",
          "december 12",
          "le 12 décembre à 19h",
          "sat. evening",
          "sam. soir",
          "29/11");

  private final ZoneId zone = BenchCatalog.ZONE;
  private TimePhraseResolver resolver;
  private int next;

  @Setup
  public void setUp() {
    resolver = new TimePhraseResolver(new SimulatedClock(BenchCatalog.NOW, zone));
    for (String phrase : PHRASES) {
      resolver.range(phrase, zone); // fails fast if a phrase is not understood
    }
  }

  @Benchmark
  public TimeRange resolve() {
    String phrase = PHRASES.get(next);
    next = next + 1 == PHRASES.size() ? 0 : next + 1;
    return resolver.range(phrase, zone);
  }
}
