package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.Recurrences;
import org.networkeras.command.CommandException;
import org.networkeras.testing.Events;

/**
 * Properties of Part 2 over many phrases, nows and zones: spans are never empty, events end after
 * they start and last at most 14 days, a repeat's first starts are strictly increasing and after
 * now, and any text is answered or refused with a {@link CommandException}, nothing else.
 */
final class PartTwoPropertiesTest {

  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Paris"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("UTC"));

  @Property(tries = 1500)
  void spansAreNeverEmptyAndStartAtOrAfterNow(
      @ForAll("spans") String phrase, @ForAll("nows") Instant now, @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(now, zone));

    // when
    Object outcome = outcome(() -> resolver.range(phrase, zone));

    // then
    Statistics.label("accepted").collect(outcome instanceof TimeRange);
    if (outcome instanceof TimeRange range) {
      assertThat(range.end()).isAfter(range.start());
      assertThat(range.start()).isAfterOrEqualTo(now);
    }
    Statistics.label("accepted").coverage(c -> c.check(true).percentage(p -> p > 50));
  }

  @Property(tries = 1500)
  void eventsStartAfterNowAndEndAfterTheirStartWithinFourteenDays(
      @ForAll("events") String phrase, @ForAll("nows") Instant now, @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(now, zone));

    // when
    Object outcome = outcome(() -> resolver.event(phrase, zone));

    // then
    Statistics.label("accepted").collect(outcome instanceof EventTime);
    if (outcome instanceof EventTime event) {
      assertThat(event.start()).isAfter(now);
      assertThat(event.end()).isAfter(event.start());
      assertThat(Duration.between(event.start(), event.end()))
          .isLessThanOrEqualTo(Duration.ofDays(14));
      assertThat(event.firstStarts()).containsExactly(event.start());
    }
    Statistics.label("accepted").coverage(c -> c.check(true).percentage(p -> p > 50));
  }

  @Property(tries = 1500)
  void aRepeatsFirstStartsAreStrictlyIncreasingAndAfterNow(
      @ForAll("repeats") String phrase, @ForAll("nows") Instant now, @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(now, zone));

    // when
    Object outcome = outcome(() -> resolver.repeat(phrase, zone));

    // then
    Statistics.label("accepted").collect(outcome instanceof EventTime);
    if (outcome instanceof EventTime event) {
      List<Instant> starts = event.firstStarts();
      assertThat(starts).isNotEmpty().hasSizeLessThanOrEqualTo(4);
      assertThat(starts.get(0)).isEqualTo(event.start()).isAfter(now);
      for (int i = 1; i < starts.size(); i++) {
        assertThat(starts.get(i)).isAfter(starts.get(i - 1));
      }
      assertThat(event.recurrence()).startsWith("FREQ=");
      if (event.end() != null) {
        assertThat(event.end()).isAfter(event.start());
      }
    }
    Statistics.label("accepted").coverage(c -> c.check(true).percentage(p -> p > 50));
  }

  /**
   * The series the catalog stores from a repeat ({@link Recurrences#seeded}) expands to the very
   * starts the resolver listed: the time said is kept on every date, across daylight-saving changes
   * and when the first date falls in a spring gap.
   */
  @Property(tries = 1000)
  void theStoredSeriesExpandsToTheFirstStartsTheResolverListed(
      @ForAll("repeats") String phrase, @ForAll("nows") Instant now, @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(now, zone));
    Object outcome = outcome(() -> resolver.repeat(phrase, zone));
    Statistics.label("accepted").collect(outcome instanceof EventTime);
    if (!(outcome instanceof EventTime event)) {
      return;
    }
    String stored = Recurrences.seeded(event.recurrence(), event.start(), event.wallTime(), zone);
    Instant first = event.start();
    Event series = Events.series("series", first, stored);

    // when
    List<Instant> expanded =
        RECURRENCES
            .between(series, zone, first, first.atZone(zone).plusYears(3).toInstant())
            .stream()
            .limit(event.firstStarts().size())
            .map(occurrence -> occurrence.start())
            .toList();

    // then
    assertThat(expanded).as("%s stored as %s", phrase, stored).isEqualTo(event.firstStarts());
  }

  private static final Recurrences RECURRENCES = new Recurrences();

  @Property(tries = 1500)
  void anyTextIsAnsweredOrRefusedWithACommandException(
      @ForAll("soup") String phrase, @ForAll("nows") Instant now, @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(now, zone));

    // when / then: outcome() lets anything but a CommandException fail the property
    assertThat(outcome(() -> resolver.range(phrase, zone))).isNotNull();
    assertThat(outcome(() -> resolver.event(phrase, zone))).isNotNull();
    assertThat(outcome(() -> resolver.repeat(phrase, zone))).isNotNull();
  }

  @Property(tries = 500)
  void randomStringsAreOnlyRefusedNeverBroken(
      @ForAll @StringLength(max = 80) String phrase,
      @ForAll("nows") Instant now,
      @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(now, zone));

    // when / then
    assertThat(outcome(() -> resolver.event(phrase, zone))).isNotNull();
    assertThat(outcome(() -> resolver.repeat(phrase, zone))).isNotNull();
  }

  /** The value, or the message key of the refusal; any other exception fails the property. */
  private static Object outcome(Supplier<?> resolution) {
    try {
      return resolution.get();
    } catch (CommandException refused) {
      return refused.messageKey();
    }
  }

  @Provide
  Arbitrary<Instant> nows() {
    long from = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2032-01-01T00:00:00Z").getEpochSecond();
    Arbitrary<Instant> any = Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    Arbitrary<Instant> nearChanges =
        Arbitraries.of(
                "2027-03-27T22:30:00Z",
                "2027-03-28T00:59:59Z",
                "2027-10-30T23:30:00Z",
                "2027-10-31T01:00:00Z",
                "2027-03-14T06:30:00Z",
                "2027-11-07T05:30:00Z",
                "2027-12-31T22:59:59Z")
            .map(Instant::parse);
    return Arbitraries.frequencyOf(Tuple.of(3, any), Tuple.of(1, nearChanges));
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(ZONES);
  }

  @Provide
  Arbitrary<String> spans() {
    Arbitrary<Integer> day = Arbitraries.integers().between(1, 28);
    Arbitrary<Integer> length = Arbitraries.integers().between(0, 9);
    Arbitrary<String> month =
        Arbitraries.of("décembre", "January", "mars", "October", "novembre", "April");
    Arbitrary<String> weekday =
        Arbitraries.of("lundi", "Tuesday", "mercredi", "Thursday", "vendredi", "samedi", "Sunday");
    Arbitrary<String> dates =
        Combinators.combine(day, length, month)
            .as(
                (d, l, m) ->
                    List.of(
                            "du " + d + " au " + (d + l) + " " + m,
                            "from " + d + " to " + (d + l) + " " + m,
                            m + " " + d + "-" + (d + l),
                            "la semaine du " + d + " " + m,
                            "the week of " + m + " " + d,
                            "le week-end du " + d,
                            "avant le " + d)
                        .get(Math.floorMod(d * 7 + l, 7)));
    Arbitrary<String> weekdays =
        Combinators.combine(weekday, weekday)
            .as(
                (a, b) ->
                    List.of(
                            "entre " + a + " et " + b,
                            "between " + a + " and " + b,
                            "jusqu'à " + a,
                            "until " + b,
                            a + " après 14h",
                            b + " before 10am")
                        .get(Math.floorMod(a.hashCode() + b.hashCode(), 6)));
    Arbitrary<String> bounds =
        Arbitraries.of(
            "d'ici la fin du mois",
            "by the end of the week",
            "après 20h",
            "after 8pm",
            "avant 10h",
            "before noon",
            "après-demain",
            "the day after tomorrow",
            "en décembre",
            "in March");
    return Arbitraries.oneOf(dates, weekdays, bounds);
  }

  @Provide
  Arbitrary<String> events() {
    Arbitrary<String> day =
        Arbitraries.of("", "samedi", "Sunday", "demain", "tomorrow", "jeudi prochain", "le 3/12");
    Arbitrary<Integer> start = Arbitraries.integers().between(0, 23);
    Arbitrary<Integer> end = Arbitraries.integers().between(0, 23);
    Arbitrary<String> sameDay =
        Combinators.combine(day, start, end)
            .as(
                (d, s, e) ->
                    List.of(
                            d + " de " + s + "h à " + e + "h",
                            d + " " + s + "h-" + e + "h",
                            d + " from " + clock(s) + " to " + clock(e),
                            d + " " + clock(s) + "–" + clock(e))
                        .get(Math.floorMod(s + e, 4))
                        .strip());
    Arbitrary<String> overDays =
        Arbitraries.of(
            "du vendredi 18h au dimanche 17h",
            "from Friday 6pm to Sunday 5pm",
            "du samedi 10h au lundi 2h",
            "from Saturday 10pm to Saturday 11pm",
            "12/12 9h - 13/12 18h");
    return Arbitraries.oneOf(sameDay, sameDay, overDays);
  }

  @Provide
  Arbitrary<String> repeats() {
    Arbitrary<String> rule =
        Arbitraries.of(
            "tous les jeudis",
            "every Thursday",
            "un samedi sur deux",
            "every other Sunday",
            "le premier mardi du mois",
            "every last Friday of the month",
            "le 31 de chaque mois",
            "on the 15th of every month",
            "en semaine",
            "every weekday",
            "les mardis et jeudis",
            "tous les jours");
    Arbitrary<String> time =
        Arbitraries.of(
            "à 19h", "at 7pm", "à 2h30", "at 2:30am", "de 19h à 21h", "10pm-2am", "à 8h");
    Arbitrary<String> end =
        Arbitraries.of(
            "",
            "",
            "4 fois",
            "3 times",
            "pendant 3 semaines",
            "for 2 weeks",
            "jusqu'au 17 décembre",
            "until June 30");
    return Combinators.combine(rule, time, end).as((r, t, e) -> (r + " " + t + " " + e).strip());
  }

  /** Known words of both parts, numbers and punctuation in any order. */
  @Provide
  Arbitrary<String> soup() {
    Arbitrary<String> word =
        Arbitraries.of(
            "du",
            "au",
            "de",
            "à",
            "to",
            "until",
            "jusqu'à",
            "entre",
            "et",
            "between",
            "and",
            "après",
            "avant",
            "after",
            "before",
            "fin",
            "end",
            "tous",
            "les",
            "every",
            "other",
            "sur deux",
            "premier",
            "last",
            "fois",
            "times",
            "pendant",
            "for",
            "semaine",
            "mois",
            "jeudi",
            "jeudis",
            "Thursdays",
            "samedi",
            "décembre",
            "7",
            "19h",
            "10pm",
            "-",
            "–",
            "12/12",
            "3",
            "h",
            ":",
            "30",
            "week-end",
            "weekday",
            "en semaine",
            "-5",
            "500",
            "601");
    return word.list().ofMinSize(1).ofMaxSize(9).map(words -> String.join(" ", words));
  }

  private static String clock(int hour) {
    return (hour % 12 == 0 ? 12 : hour % 12) + (hour < 12 ? "am" : "pm");
  }
}
