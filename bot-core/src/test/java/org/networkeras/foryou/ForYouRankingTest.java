package org.networkeras.foryou;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.networkeras.catalog.Admission;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Occurrence;
import org.networkeras.catalog.Slot;
import org.networkeras.foryou.ForYouRanking.Candidate;
import org.networkeras.foryou.ForYouRanking.Interest;
import org.networkeras.foryou.ForYouRanking.Pick;
import org.networkeras.foryou.ForYouRanking.Profile;
import org.networkeras.foryou.ForYouRanking.Signal;

/** The ranking alone: each signal moves the order as its weight says, and what is left out. */
final class ForYouRankingTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  // Thursday 26 November 2026, 10:00 in Paris
  private static final Instant NOW = at("2026-11-26T10:00");
  private static final Duration HORIZON = Duration.ofDays(30);

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(PARIS).toInstant();
  }

  private static long ids = 1;

  private static Candidate event(
      String title, Family family, String city, List<String> tags, String start, int going) {
    return event(title, family, city, tags, start, going, EventStatus.PUBLISHED);
  }

  private static Candidate event(
      String title,
      Family family,
      String city,
      List<String> tags,
      String start,
      int going,
      EventStatus status) {
    Instant begins = at(start);
    Instant ends = begins.plus(Duration.ofHours(2));
    Event event =
        new Event(
            ids++,
            1,
            title,
            family,
            Slot.derive(begins, ends, PARIS),
            city,
            null,
            null,
            begins,
            ends,
            null,
            null,
            null,
            tags,
            Admission.FREE,
            status,
            "suggestion",
            null,
            null,
            NOW,
            NOW);
    return new Candidate(new Occurrence(event, begins, ends, EventRef.of(event.id())), going, 0);
  }

  private static List<String> titles(List<Pick> picks) {
    return picks.stream().map(p -> p.occurrence().event().title()).toList();
  }

  private static List<Pick> rank(List<Candidate> candidates, Profile profile) {
    return ForYouRanking.rank(candidates, profile, null, NOW, HORIZON, PARIS, 5);
  }

  private static Profile wentTo(Map<Family, Integer> families, Map<String, Integer> tags) {
    return new Profile(List.of(), families, tags, Map.of(), Set.of());
  }

  @Test
  void ranksTheSoonerOfTwoOtherwiseEqualEventsFirst() {
    // given
    Candidate later = event("Later", Family.BLOGGERS, "Paris", List.of(), "2026-12-20T19:00", 0);
    Candidate sooner = event("Sooner", Family.BLOGGERS, "Paris", List.of(), "2026-11-28T19:00", 0);

    // when
    List<Pick> picks = rank(List.of(later, sooner), Profile.EMPTY);

    // then
    assertThat(titles(picks)).containsExactly("Sooner", "Later");
    assertThat(picks.get(0).score()).isGreaterThan(picks.get(1).score());
    assertThat(picks.get(0).reason().signal()).isEqualTo(Signal.SOON);
    assertThat(picks.get(0).reason().count()).isEqualTo(2);
  }

  @Test
  void popularityOutweighsAFewDaysOfSoonness() {
    // given: 6 going is 12 points; 5 days sooner is about 3
    Candidate soon = event("Soon", Family.BLOGGERS, "Paris", List.of(), "2026-11-28T19:00", 0);
    Candidate crowded =
        event("Crowded", Family.BLOGGERS, "Paris", List.of(), "2026-12-03T19:00", 6);

    // when
    List<Pick> picks = rank(List.of(soon, crowded), Profile.EMPTY);

    // then
    assertThat(titles(picks)).containsExactly("Crowded", "Soon");
    assertThat(picks.get(0).reason()).isEqualTo(new ForYouRanking.Reason(Signal.POPULAR, 6, ""));
  }

  @Test
  void aFamilyTheMemberWentToOutweighsSoonness() {
    // given
    Candidate blog = event("Blog", Family.BLOGGERS, "Paris", List.of(), "2026-11-27T19:00", 0);
    Candidate net = event("Net", Family.NETWORKING, "Paris", List.of(), "2026-12-15T19:00", 0);

    // when
    List<Pick> picks = rank(List.of(blog, net), wentTo(Map.of(Family.NETWORKING, 2), Map.of()));

    // then
    assertThat(titles(picks)).containsExactly("Net", "Blog");
    assertThat(picks.get(0).reason())
        .isEqualTo(new ForYouRanking.Reason(Signal.FAMILY, 2, "networking"));
  }

  @Test
  void aTagTheMemberWentToMovesAnEventUpAndNamesTheReasonBeforeTheFamily() {
    // given: both common interest; only one is a barcamp
    Candidate quiz =
        event("Quiz", Family.COMMON_INTEREST, "Paris", List.of("quiz"), "2026-11-28T19:00", 0);
    Candidate barcamp =
        event("Barcamp", Family.COMMON_INTEREST, "Lyon", List.of("Barcamp"), "2026-12-12T10:00", 0);

    // when
    List<Pick> picks =
        rank(
            List.of(quiz, barcamp),
            wentTo(Map.of(Family.COMMON_INTEREST, 2), Map.of("barcamp", 2)));

    // then
    assertThat(titles(picks)).containsExactly("Barcamp", "Quiz");
    assertThat(picks.get(0).reason()).isEqualTo(new ForYouRanking.Reason(Signal.TAG, 2, "Barcamp"));
    assertThat(picks.get(1).reason().signal()).isEqualTo(Signal.FAMILY);
  }

  @Test
  void aCityTheMemberWentToMovesAnEventUp() {
    // given
    Candidate paris = event("Paris", Family.BLOGGERS, "Paris", List.of(), "2026-12-02T19:00", 0);
    Candidate lyon = event("Lyon", Family.BLOGGERS, "Lyon", List.of(), "2026-12-05T19:00", 0);
    Profile profile = new Profile(List.of(), Map.of(), Map.of(), Map.of("lyon", 3), Set.of());

    // when
    List<Pick> picks = rank(List.of(paris, lyon), profile);

    // then
    assertThat(titles(picks)).containsExactly("Lyon", "Paris");
    assertThat(picks.get(0).reason()).isEqualTo(new ForYouRanking.Reason(Signal.CITY, 3, "Lyon"));
  }

  @Test
  void aSubscriptionOutweighsPopularitySoonnessAndHistory() {
    // given
    Candidate crowded =
        event("Crowded", Family.BLOGGERS, "Paris", List.of(), "2026-11-26T19:00", 30);
    Candidate followed =
        event("Followed", Family.NETWORKING, "Paris", List.of(), "2026-12-24T19:00", 0);
    Profile profile =
        new Profile(
            List.of(new Interest("Networking", e -> e.family() == Family.NETWORKING)),
            Map.of(Family.BLOGGERS, 1),
            Map.of(),
            Map.of(),
            Set.of());

    // when
    List<Pick> picks = rank(List.of(crowded, followed), profile);

    // then
    assertThat(titles(picks)).containsExactly("Followed", "Crowded");
    assertThat(picks.get(0).reason())
        .isEqualTo(new ForYouRanking.Reason(Signal.FOLLOW, 0, "Networking"));
    assertThat(picks.get(1).reason().signal()).isEqualTo(Signal.POPULAR);
  }

  @Test
  void leavesOutAnsweredCancelledAndStartedEvents() {
    // given
    Candidate answered =
        event("Answered", Family.BLOGGERS, "Paris", List.of(), "2026-11-28T19:00", 0);
    Candidate cancelled =
        event(
            "Cancelled",
            Family.BLOGGERS,
            "Paris",
            List.of(),
            "2026-11-28T19:00",
            0,
            EventStatus.CANCELLED);
    Candidate started =
        event("Started", Family.BLOGGERS, "Paris", List.of(), "2026-11-26T09:00", 0);
    Candidate open = event("Open", Family.BLOGGERS, "Paris", List.of(), "2026-12-01T19:00", 0);
    Profile profile =
        new Profile(List.of(), Map.of(), Map.of(), Map.of(), Set.of(answered.occurrence().ref()));

    // when
    List<Pick> picks = rank(List.of(answered, cancelled, started, open), profile);

    // then
    assertThat(titles(picks)).containsExactly("Open");
  }

  @Test
  void keepsAtMostTheLimit() {
    // given
    List<Candidate> many =
        java.util.stream.IntStream.rangeClosed(1, 8)
            .mapToObj(
                d ->
                    event(
                        "Day " + d,
                        Family.BLOGGERS,
                        "Paris",
                        List.of(),
                        "2026-12-0" + d + "T19:00",
                        0))
            .toList();

    // when
    List<Pick> picks = rank(many, Profile.EMPTY);

    // then
    assertThat(titles(picks)).containsExactly("Day 1", "Day 2", "Day 3", "Day 4", "Day 5");
  }

  @Test
  void countsAtMostThreePastEventsPerSignal() {
    // given
    Candidate event = event("Net", Family.NETWORKING, null, List.of(), "2026-12-26T19:00", 0);

    // when
    int three =
        ForYouRanking.score(
                event, wentTo(Map.of(Family.NETWORKING, 3), Map.of()), null, NOW, HORIZON, PARIS)
            .score();
    int ten =
        ForYouRanking.score(
                event, wentTo(Map.of(Family.NETWORKING, 10), Map.of()), null, NOW, HORIZON, PARIS)
            .score();

    // then
    assertThat(ten).isEqualTo(three);
  }
}
