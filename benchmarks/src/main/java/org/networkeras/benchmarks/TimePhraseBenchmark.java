package org.networkeras.benchmarks;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.networkeras.core.SimulatedClock;
import org.networkeras.time.TimePhraseResolver;
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
 * English, half French, from a bare {@code tonight} to {@code le 12 décembre à 19h30}, with the
 * shapes of Part 2 (spans as filters, events with an end or over days, repeats with their first
 * four dates). Each operation resolves one phrase as its kind says: a range, or an event.
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

  /** Part 2's shapes, resolved as events (ends, spans over days, repeats). */
  static final List<String> EVENTS =
      List.of(
          "jeudi 3/12 de 19h à 22h",
          "samedi 10h-18h",
          "from 7pm to 10pm",
          "7-10pm",
          "du vendredi 18h au dimanche 17h",
          "from Friday 6pm to Sunday 5pm",
          "tous les jeudis à 19h",
          "every other Thursday 7pm until 17 December",
          "le premier mardi du mois à 8h30",
          "every weekday at 8am for 4 weeks",
          "un jeudi sur deux de 19h à 21h",
          "on the 15th of every month at 7pm 6 times");

  /** Part 2's spans used as filters. */
  static final List<String> SPANS =
      List.of(
          "du 5 au 7 décembre",
          "December 5-7",
          "entre lundi et mercredi",
          "until Friday",
          "jusqu'à vendredi",
          "d'ici la fin du mois",
          "la semaine du 14 décembre",
          "the weekend of the 12th",
          "après 20h",
          "saturday before 10am",
          "après-demain",
          "in December");

  private final ZoneId zone = BenchCatalog.ZONE;
  private TimePhraseResolver resolver;
  private final List<String> ranges = new ArrayList<>();
  private int next;

  @Setup
  public void setUp() {
    resolver = new TimePhraseResolver(new SimulatedClock(BenchCatalog.NOW, zone));
    ranges.addAll(PHRASES);
    ranges.addAll(SPANS);
    for (String phrase : ranges) {
      resolver.range(phrase, zone); // fails fast if a phrase is not understood
    }
    for (String phrase : EVENTS) {
      resolver.event(phrase, zone);
    }
  }

  /** One phrase of the whole mix: 36 ranges, then 12 events, in turn. */
  @Benchmark
  public Object resolve() {
    int index = next;
    next = next + 1 == ranges.size() + EVENTS.size() ? 0 : next + 1;
    return index < ranges.size()
        ? resolver.range(ranges.get(index), zone)
        : resolver.event(EVENTS.get(index - ranges.size()), zone);
  }
}
