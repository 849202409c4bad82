package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;
import org.networkeras.command.CommandException;

/**
 * Properties over many phrases, nows and zones: phrases built from the words the resolver knows (so
 * most are accepted), and arbitrary text (so most are refused).
 */
final class TimePhrasePropertiesTest {

  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Paris"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Asia/Tokyo"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("America/Santiago"),
          ZoneId.of("UTC"));

  @Property(tries = 2000)
  void rangesAreNeverEmptyAndStartAtOrAfterNowUnlessAPastWordIsUsed(
      @ForAll("phrases") String phrase, @ForAll("nows") Instant now, @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(now, zone));

    // when
    Object outcome = outcome(() -> resolver.range(phrase, zone));

    // then
    Statistics.label("accepted").collect(outcome instanceof TimeRange);
    if (outcome instanceof TimeRange range) {
      assertThat(range.end()).isAfter(range.start());
      if (!resolver.namesPast(phrase)) {
        assertThat(range.start()).isAfterOrEqualTo(now);
      }
    }
    Statistics.label("accepted").coverage(c -> c.check(true).percentage(p -> p > 50));
  }

  @Property(tries = 2000)
  void instantsAreStrictlyInTheFuture(
      @ForAll("phrases") String phrase, @ForAll("nows") Instant now, @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(now, zone));

    // when
    Object outcome = outcome(() -> resolver.instant(phrase, zone));

    // then
    Statistics.label("accepted").collect(outcome instanceof Instant);
    if (outcome instanceof Instant instant) {
      assertThat(instant).isAfter(now);
    }
    Statistics.label("accepted").coverage(c -> c.check(true).percentage(p -> p > 15));
  }

  @Property(tries = 2000)
  void everyAcceptedPhraseResolvesTheSameWithoutAccentsAndInUpperCase(
      @ForAll("phrases") String phrase, @ForAll("nows") Instant now, @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(now, zone));
    String plain = Normalizer.normalize(phrase, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String upper = phrase.toUpperCase(Locale.ROOT);

    // when
    Object range = outcome(() -> resolver.range(phrase, zone));
    Object instant = outcome(() -> resolver.instant(phrase, zone));

    // then
    if (!(range instanceof String)) {
      assertThat(outcome(() -> resolver.range(plain, zone))).isEqualTo(range);
      assertThat(outcome(() -> resolver.range(upper, zone))).isEqualTo(range);
    }
    if (!(instant instanceof String)) {
      assertThat(outcome(() -> resolver.instant(plain, zone))).isEqualTo(instant);
      assertThat(outcome(() -> resolver.instant(upper, zone))).isEqualTo(instant);
    }
  }

  @Property(tries = 3000)
  void noPhraseMakesTheResolverThrowAnythingButACommandException(
      @ForAll("soup") String phrase, @ForAll("nows") Instant now, @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(now, zone));

    // when
    Object range = outcome(() -> resolver.range(phrase, zone));
    Object instant = outcome(() -> resolver.instant(phrase, zone));

    // then: outcome() lets anything but a CommandException fail the property
    assertThat(range).isNotNull();
    assertThat(instant).isNotNull();
  }

  @Property(tries = 1000)
  void anyTextIsResolvedOrRefusedWithACommandException(
      @ForAll @StringLength(max = 60) String phrase,
      @ForAll("nows") Instant now,
      @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(now, zone));

    // when
    Object range = outcome(() -> resolver.range(phrase, zone));
    Object instant = outcome(() -> resolver.instant(phrase, zone));

    // then
    assertThat(range).isNotNull();
    assertThat(instant).isNotNull();
  }

  @Property(tries = 200)
  void randomTextUpToTheLimitIsAnsweredWithoutFailing(
      @ForAll("longText") String phrase, @ForAll("nows") Instant now) {
    // given
    ZoneId zone = ZoneId.of("Europe/Paris");
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(now, zone));

    // when
    Object range = outcome(() -> resolver.range(phrase, zone));

    // then
    assertThat(range).isNotNull();
  }

  @Property(tries = 100)
  void textOverTheLimitIsRefusedAtOnce(
      @ForAll @StringLength(min = 2001, max = 20_000) String phrase) {
    // given
    ZoneId zone = ZoneId.of("Europe/Paris");
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.systemUTC());

    // when
    Object range = outcome(() -> resolver.range(phrase, zone));

    // then
    assertThat(range).isEqualTo("time.tooLong");
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
    long from = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2036-01-01T00:00:00Z").getEpochSecond();
    Arbitrary<Instant> any = Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    Arbitrary<Instant> nearChanges =
        Arbitraries.of(
                "2026-03-28T23:30:00Z",
                "2026-03-29T00:59:59Z",
                "2026-10-25T00:30:00Z",
                "2026-10-25T01:00:00Z",
                "2026-12-31T22:59:59Z",
                "2028-02-28T23:00:00Z")
            .map(Instant::parse);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, any), net.jqwik.api.Tuple.of(1, nearChanges));
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(ZONES);
  }

  /** Phrases of known words: a day, a part of the day and a time, or a period, or an offset. */
  @Provide
  Arbitrary<String> phrases() {
    Arbitrary<String> day =
        Arbitraries.of(
            "",
            "today",
            "aujourd'hui",
            "ajd",
            "demain",
            "tomorrow",
            "tmrw",
            "après-demain",
            "hier",
            "yesterday",
            "samedi",
            "sam.",
            "sunday",
            "ce jeudi",
            "this friday",
            "next friday",
            "vendredi prochain",
            "lundi en huit",
            "mercredi de la semaine prochaine",
            "friday next week",
            "last monday",
            "mardi dernier",
            "le 12",
            "le 1er",
            "12 mars",
            "March 12",
            "le 5 décembre",
            "5 Dec 2027",
            "12/25",
            "29/02",
            "31/12",
            "vendredi 13",
            "dans 3 jours",
            "in 2 weeks",
            "il y a 2 jours");
    Arbitrary<String> part =
        Arbitraries.of(
            "",
            "",
            "matin",
            "soir",
            "après-midi",
            "aprem",
            "morning",
            "evening",
            "night",
            "nuit",
            "petit-déj",
            "lunch",
            "midi");
    Arbitrary<String> time =
        Arbitraries.of(
            "",
            "",
            "19h",
            "19h30",
            "à 8h",
            "7pm",
            "7:30am",
            "at 7",
            "à 8",
            "midi",
            "minuit",
            "noon",
            "18:00",
            "8h du soir",
            "vers 2h",
            "12am");
    Arbitrary<String> dayPartTime =
        Combinators.combine(day, part, time).as((d, p, t) -> join(d, p, t));
    Arbitrary<String> periods =
        Arbitraries.of(
            "this week",
            "cette semaine",
            "la semaine prochaine",
            "last week",
            "ce week-end",
            "weekend",
            "next weekend",
            "le week-end prochain",
            "ce mois-ci",
            "next month",
            "le mois dernier",
            "l'an prochain",
            "en mars",
            "december",
            "mars 2027",
            "within 2 weeks",
            "d'ici 3 jours",
            "d'ici 2 heures",
            "les 3 prochains jours",
            "the next 24 hours",
            "the last 3 days",
            "dans 2 heures",
            "in 30 minutes",
            "dans une demi-heure",
            "il y a 2 heures",
            "tonight",
            "ce soir",
            "cette nuit",
            "this morning",
            "ce midi");
    return Arbitraries.oneOf(dayPartTime, dayPartTime, periods).filter(phrase -> !phrase.isBlank());
  }

  /** Known words, numbers and punctuation in any order: most of it makes no sense. */
  @Provide
  Arbitrary<String> soup() {
    Arbitrary<String> word =
        Arbitraries.oneOf(
            Arbitraries.of(
                "demain",
                "hier",
                "ce",
                "this",
                "next",
                "last",
                "prochain",
                "dernier",
                "en",
                "huit",
                "de",
                "la",
                "semaine",
                "week",
                "week-end",
                "mois",
                "an",
                "samedi",
                "mar",
                "mars",
                "sept",
                "h",
                "heures",
                "min",
                "jours",
                "days",
                "à",
                "at",
                "in",
                "dans",
                "d'ici",
                "il",
                "y",
                "a",
                "ago",
                "et",
                "demie",
                "and",
                "half",
                "une",
                "midi",
                "minuit",
                "soir",
                "matin",
                "nuit",
                "pm",
                "am",
                "th",
                "er",
                "o'clock",
                "/",
                ":",
                ".",
                "-",
                "@",
                "~",
                "&",
                "'",
                "’",
                "é",
                "œ",
                "ß",
                "🙂",
                "\u0301",
                "\u00A0"),
            Arbitraries.integers().between(0, 100_000).map(String::valueOf),
            Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(12));
    return word.list()
        .ofMaxSize(8)
        .flatMap(
            words ->
                Arbitraries.of("", " ").list().ofSize(words.size()).map(gaps -> glue(words, gaps)));
  }

  @Provide
  Arbitrary<String> longText() {
    return Arbitraries.strings()
        .withChars("0123456789hH:/.- aàeéiïoôuûy'’sSmMdDjJ")
        .withCharRange('a', 'z')
        .ofMaxLength(Lexer.MAX_LENGTH);
  }

  private static String join(String... parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (!part.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ").append(part);
      }
    }
    return out.toString();
  }

  private static String glue(List<String> words, List<String> gaps) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      out.append(gaps.get(i)).append(words.get(i));
    }
    return out.toString();
  }
}
