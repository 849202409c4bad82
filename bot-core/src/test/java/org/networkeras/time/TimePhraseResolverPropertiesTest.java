package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;
import org.networkeras.command.CommandException;

/** Properties every phrase, accepted or not, must keep, at random moments in several zones. */
final class TimePhraseResolverPropertiesTest {

  private static final List<String> DAYS =
      List.of(
          "",
          "today",
          "aujourd'hui",
          "tomorrow",
          "demain",
          "après-demain",
          "day after tomorrow",
          "samedi",
          "saturday",
          "this friday",
          "ce mardi",
          "next monday",
          "lundi prochain",
          "jeudi de la semaine prochaine",
          "dimanche en huit",
          "mercredi dernier",
          "last tuesday",
          "yesterday",
          "hier",
          "12/03",
          "12 mars",
          "March 12",
          "le 5 décembre",
          "5 Dec 2027",
          "1er janvier",
          "12/25",
          "in 3 days",
          "dans une semaine");

  private static final List<String> PARTS =
      List.of(
          "",
          "matin",
          "morning",
          "petit-déj",
          "breakfast",
          "déjeuner",
          "lunch",
          "après-midi",
          "aprem",
          "afternoon",
          "soir",
          "evening",
          "nuit");

  private static final List<String> TIMES =
      List.of(
          "",
          "7pm",
          "19h",
          "19h30",
          "8h",
          "at 18:00",
          "à 20h",
          "midi",
          "à midi",
          "noon",
          "minuit",
          "midnight",
          "at 7",
          "10:15",
          "2h30",
          "12am",
          "11 pm",
          "9 o'clock");

  private static final List<String> WHOLE =
      List.of(
          "tonight",
          "ce soir",
          "this evening",
          "this morning",
          "ce matin",
          "cet après-midi",
          "cette nuit",
          "this weekend",
          "ce week-end",
          "next weekend",
          "le week-end prochain",
          "this week",
          "cette semaine",
          "next week",
          "la semaine prochaine",
          "last week",
          "this month",
          "ce mois-ci",
          "next month",
          "le mois prochain",
          "mars",
          "December 2026",
          "in 2 hours",
          "dans 45 minutes",
          "within 2 weeks",
          "d'ici 3 jours",
          "les 3 prochains jours",
          "the next 24 hours",
          "in 1 day",
          "in 24 hours");

  private static final List<String> ZONES =
      List.of("Europe/Paris", "America/New_York", "Asia/Tokyo", "Australia/Lord_Howe", "UTC");

  @Provide
  Arbitrary<String> phrases() {
    Arbitrary<String> combined =
        Combinators.combine(Arbitraries.of(DAYS), Arbitraries.of(PARTS), Arbitraries.of(TIMES))
            .as((day, part, time) -> (day + " " + part + " " + time).strip());
    return Arbitraries.oneOf(combined, Arbitraries.of(WHOLE)).filter(p -> !p.isBlank());
  }

  @Provide
  Arbitrary<Instant> moments() {
    // 2026 and 2027, to the minute, through both daylight-saving changes and the year end
    return Arbitraries.longs()
        .between(1_767_225_600L / 60, 1_830_297_600L / 60)
        .map(minutes -> Instant.ofEpochSecond(minutes * 60));
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(ZONES).map(ZoneId::of);
  }

  @Property(tries = 3000)
  void rangesAreNeverEmptyAndStartAtOrAfterNowUnlessAPastWordIsUsed(
      @ForAll("phrases") String phrase,
      @ForAll("moments") Instant now,
      @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = resolverAt(now, zone);
    // when
    Outcome<TimeRange> outcome = Outcome.of(() -> resolver.range(phrase, zone));
    // then
    Statistics.label("resolved").collect(outcome.value != null);
    Statistics.label("resolved").coverage(c -> c.check(true).percentage(p -> p > 50));
    if (outcome.value != null) {
      TimeRange range = outcome.value;
      assertThat(range.end()).isAfter(range.start());
      if (!resolver.pointsToPast(phrase)) {
        assertThat(range.start()).isAfterOrEqualTo(now);
        assertThat(range.end()).isAfter(now);
      }
    }
  }

  @Property(tries = 3000)
  void instantsAreStrictlyInTheFuture(
      @ForAll("phrases") String phrase,
      @ForAll("moments") Instant now,
      @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = resolverAt(now, zone);
    // when
    Outcome<Instant> outcome = Outcome.of(() -> resolver.instant(phrase, zone));
    // then
    Statistics.label("resolved").collect(outcome.value != null);
    Statistics.label("resolved").coverage(c -> c.check(true).percentage(p -> p > 15));
    if (outcome.value != null) {
      assertThat(outcome.value).isAfter(now);
    }
  }

  @Property(tries = 2000)
  void phrasesResolveAlikeWithoutAccentsAndInUpperCase(
      @ForAll("phrases") String phrase,
      @ForAll("moments") Instant now,
      @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = resolverAt(now, zone);
    String plain = Normalizer.normalize(phrase, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String upper = phrase.toUpperCase(Locale.ROOT);
    // when
    Outcome<TimeRange> original = Outcome.of(() -> resolver.range(phrase, zone));
    Outcome<Instant> originalInstant = Outcome.of(() -> resolver.instant(phrase, zone));
    // then
    for (String variant : List.of(plain, upper, "  " + upper.replace(" ", "   ") + " ")) {
      assertThat(Outcome.of(() -> resolver.range(variant, zone))).isEqualTo(original);
      assertThat(Outcome.of(() -> resolver.instant(variant, zone))).isEqualTo(originalInstant);
    }
  }

  @Property(tries = 2000)
  void anyShortStringIsResolvedOrRefusedWithACommandException(
      @ForAll @StringLength(max = 40) String phrase,
      @ForAll("moments") Instant now,
      @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = resolverAt(now, zone);
    // when / then: Outcome.of rethrows anything that is not a CommandException
    Outcome.of(() -> resolver.range(phrase, zone));
    Outcome.of(() -> resolver.instant(phrase, zone));
  }

  @Property(tries = 2000)
  void wordSaladFromKnownWordsIsResolvedOrRefusedWithACommandException(
      @ForAll("salad") String phrase,
      @ForAll("moments") Instant now,
      @ForAll("zones") ZoneId zone) {
    // given
    TimePhraseResolver resolver = resolverAt(now, zone);
    // when / then
    Outcome.of(() -> resolver.range(phrase, zone));
    Outcome.of(() -> resolver.instant(phrase, zone));
  }

  @Provide
  Arbitrary<String> salad() {
    Arbitrary<String> word =
        Arbitraries.oneOf(
            Arbitraries.of(Lexicon.suggestions()).map(Lexicon.Suggestion::display),
            Arbitraries.of(
                "0",
                "7",
                "12",
                "13",
                "24",
                "29",
                "31",
                "99",
                "2026",
                "99999",
                ":",
                "/",
                "h",
                "à",
                "at",
                "pm",
                "am",
                "er",
                "th",
                "in",
                "next",
                "les",
                "prochains",
                "en",
                "huit",
                "d'ici",
                "-",
                "."));
    return word.list().ofMinSize(1).ofMaxSize(7).map(words -> String.join(" ", words));
  }

  @Property(tries = 300)
  void longRandomStringsAreRefusedWithoutRunningAway(
      @ForAll @StringLength(min = 1, max = 2000) String phrase, @ForAll("moments") Instant now) {
    // given
    ZoneId zone = ZoneId.of("Europe/Paris");
    TimePhraseResolver resolver = resolverAt(now, zone);
    // when / then: bounded input, linear parsing; only CommandException may escape
    Outcome.of(() -> resolver.range(phrase, zone));
  }

  @Property(tries = 50)
  void phrasesOverTwoThousandCharactersAreRefusedAtOnce(
      @ForAll @StringLength(min = 2001, max = 5000) String phrase) {
    // given
    ZoneId zone = ZoneId.of("Europe/Paris");
    TimePhraseResolver resolver = resolverAt(Instant.parse("2026-11-28T10:00:00Z"), zone);
    // when / then
    assertThatThrownBy(() -> resolver.range(phrase, zone))
        .isInstanceOfSatisfying(
            CommandException.class,
            refusal -> assertThat(refusal.messageKey()).isEqualTo(Refusals.TOO_LONG));
  }

  private static TimePhraseResolver resolverAt(Instant now, ZoneId zone) {
    return new TimePhraseResolver(Clock.fixed(now, zone));
  }

  /** A value or the key of a refusal; anything else thrown fails the property. */
  private record Outcome<T>(T value, String refusal) {
    static <T> Outcome<T> of(java.util.function.Supplier<T> resolution) {
      try {
        return new Outcome<>(resolution.get(), null);
      } catch (CommandException e) {
        return new Outcome<>(null, e.messageKey());
      }
    }
  }
}
