package org.networkeras.foryou;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Occurrence;
import org.networkeras.command.Words;

/**
 * Ranks upcoming occurrences for one member. Pure: no storage, no clock. Each occurrence scores the
 * sum of these signals (points):
 *
 * <ul>
 *   <li><b>follow</b> {@value #FOLLOW}: it matches one of the member's subscriptions — they asked
 *       for it, so it outweighs popularity and soonness together;
 *   <li><b>tag</b> {@value #PER_PAST_EVENT} per past event the member went to sharing the event's
 *       best tag, at most {@value #PAST_EVENTS_COUNTED} counted;
 *   <li><b>family</b> the same for past events of the same family (as strong as a tag, but a tag is
 *       the more telling reason, so it names the pick on a tie);
 *   <li><b>city</b> {@value #PER_PAST_CITY} per past event in the same city, at most {@value
 *       #PAST_EVENTS_COUNTED} counted (most events of a community share a city, so it is weak);
 *   <li><b>home</b> {@value #HOME_CITY}: it is in the community's home city ({@code /settings
 *       city}), a little more than one past event there, so among events otherwise alike the home
 *       city's come first;
 *   <li><b>popular</b> 2 per member going and 1 per member interested, at most {@value
 *       #POPULAR_MAX};
 *   <li><b>soon</b> up to {@value #SOON_MAX}, falling linearly from now to the end of the horizon.
 * </ul>
 *
 * Ties go to the sooner event. Occurrences the member answered going, waiting or not going to,
 * cancelled or unpublished ones and those already started (under way: a pick is something to plan
 * for) are never recommended. A series is one pick, at its next date left: five picks are five
 * events, not one weekly meetup three times. Each pick carries the strongest signal as its reason
 * (on equal points, in the order above); soonness is the reason only for an event today or
 * tomorrow, or when nothing else scores, since every event has some.
 */
final class ForYouRanking {

  static final int FOLLOW = 60;
  static final int PER_PAST_EVENT = 10;
  static final int PER_PAST_CITY = 4;
  static final int HOME_CITY = 5;
  static final int PAST_EVENTS_COUNTED = 3;
  static final int POPULAR_MAX = 24;
  static final int SOON_MAX = 20;

  /** Something the member follows: how it reads ("networking") and which events it matches. */
  record Interest(String name, Predicate<Event> matches) {
    Interest {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(matches, "matches");
    }
  }

  /**
   * What is known of the member.
   *
   * @param interests their subscriptions
   * @param wentByFamily how many started events they went to, by family
   * @param wentByTag the same by tag, folded ({@link Words#fold})
   * @param wentByCity the same by city, folded
   * @param answered the occurrence refs they answered going, waiting or not going to
   */
  record Profile(
      List<Interest> interests,
      Map<Family, Integer> wentByFamily,
      Map<String, Integer> wentByTag,
      Map<String, Integer> wentByCity,
      Set<String> answered) {
    Profile {
      interests = List.copyOf(interests);
      wentByFamily = Map.copyOf(wentByFamily);
      wentByTag = Map.copyOf(wentByTag);
      wentByCity = Map.copyOf(wentByCity);
      answered = Set.copyOf(answered);
    }

    static final Profile EMPTY = new Profile(List.of(), Map.of(), Map.of(), Map.of(), Set.of());

    /** Whether nothing personal is known: the ranking falls back to popular and soon. */
    boolean isEmpty() {
      return interests.isEmpty()
          && wentByFamily.isEmpty()
          && wentByTag.isEmpty()
          && wentByCity.isEmpty();
    }
  }

  /** An upcoming occurrence with how many members are going to it and interested in it. */
  record Candidate(Occurrence occurrence, int going, int interested) {}

  /** Which signal a reason names. */
  enum Signal {
    FOLLOW,
    TAG,
    FAMILY,
    CITY,
    HOME,
    POPULAR,
    SOON
  }

  /**
   * Why an occurrence is picked.
   *
   * @param signal the strongest signal
   * @param count past events (family, tag, city), members going (popular), days away (soon)
   * @param subject what is followed, the family key, the tag, the city (past or home); empty
   *     otherwise
   */
  record Reason(Signal signal, int count, String subject) {}

  record Pick(Occurrence occurrence, int score, Reason reason) {}

  private ForYouRanking() {}

  /**
   * The best {@code limit} candidates for the member at {@code now}, best first.
   *
   * @param homeCity the community's home city, or {@code null}
   * @param horizon how far ahead events count as soon (the listing's length)
   */
  static List<Pick> rank(
      List<Candidate> candidates,
      Profile profile,
      String homeCity,
      Instant now,
      Duration horizon,
      ZoneId zone,
      int limit) {
    Map<Long, Candidate> nextOfEach = new LinkedHashMap<>();
    for (Candidate candidate : candidates) {
      Occurrence occurrence = candidate.occurrence();
      if (occurrence.event().status() != EventStatus.PUBLISHED
          || !occurrence.start().isAfter(now)
          || profile.answered().contains(occurrence.ref())) {
        continue;
      }
      nextOfEach.merge(
          occurrence.event().id(),
          candidate,
          (a, b) -> a.occurrence().start().isAfter(b.occurrence().start()) ? b : a);
    }
    List<Pick> picks = new ArrayList<>();
    for (Candidate candidate : nextOfEach.values()) {
      picks.add(score(candidate, profile, homeCity, now, horizon, zone));
    }
    picks.sort(
        Comparator.comparingInt(Pick::score)
            .reversed()
            .thenComparing(p -> p.occurrence().start())
            .thenComparing(p -> p.occurrence().ref()));
    return List.copyOf(picks.subList(0, Math.min(limit, picks.size())));
  }

  static Pick score(
      Candidate candidate,
      Profile profile,
      String homeCity,
      Instant now,
      Duration horizon,
      ZoneId zone) {
    Event event = candidate.occurrence().event();
    int total = 0;
    Reason best = null;
    int bestPoints = -1;

    String followed =
        profile.interests().stream()
            .filter(i -> i.matches().test(event))
            .map(Interest::name)
            .findFirst()
            .orElse(null);
    int follow = followed == null ? 0 : FOLLOW;

    int familyCount = profile.wentByFamily().getOrDefault(event.family(), 0);
    int family = PER_PAST_EVENT * Math.min(PAST_EVENTS_COUNTED, familyCount);

    String bestTag = null;
    int tagCount = 0;
    for (String tag : event.tags()) {
      int count = profile.wentByTag().getOrDefault(Words.fold(tag), 0);
      if (count > tagCount) {
        tagCount = count;
        bestTag = tag;
      }
    }
    int tag = PER_PAST_EVENT * Math.min(PAST_EVENTS_COUNTED, tagCount);

    int cityCount =
        event.city() == null ? 0 : profile.wentByCity().getOrDefault(Words.fold(event.city()), 0);
    int city = PER_PAST_CITY * Math.min(PAST_EVENTS_COUNTED, cityCount);

    boolean atHome =
        homeCity != null
            && event.city() != null
            && Words.fold(event.city()).equals(Words.fold(homeCity));
    int home = atHome ? HOME_CITY : 0;

    int popular = Math.min(POPULAR_MAX, 2 * candidate.going() + candidate.interested());

    Instant start = candidate.occurrence().start();
    double left = 1.0 - (double) Duration.between(now, start).toMinutes() / horizon.toMinutes();
    int soon = (int) Math.round(SOON_MAX * Math.max(0.0, Math.min(1.0, left)));

    Reason[] reasons = {
      new Reason(Signal.FOLLOW, 0, followed == null ? "" : followed),
      new Reason(Signal.TAG, tagCount, bestTag == null ? "" : bestTag),
      new Reason(Signal.FAMILY, familyCount, event.family().key()),
      new Reason(Signal.CITY, cityCount, event.city() == null ? "" : event.city()),
      new Reason(Signal.HOME, 0, atHome ? event.city() : ""),
      new Reason(Signal.POPULAR, candidate.going(), ""),
      new Reason(Signal.SOON, daysAway(now, start, zone), "")
    };
    int[] points = {follow, tag, family, city, home, candidate.going() > 0 ? popular : 0, soon};
    for (int i = 0; i < reasons.length; i++) {
      total += points[i];
      boolean telling =
          reasons[i].signal() == Signal.SOON
              ? best == null || reasons[i].count() <= 1
              : points[i] > 0;
      if (telling && points[i] > bestPoints) {
        bestPoints = points[i];
        best = reasons[i];
      }
    }
    // Interested members count towards popularity even with nobody going yet.
    if (candidate.going() == 0) {
      total += popular;
    }
    return new Pick(candidate.occurrence(), total, best);
  }

  /** Whole local days from today to the start day (0 for today). */
  static int daysAway(Instant now, Instant start, ZoneId zone) {
    ZonedDateTime today = now.atZone(zone).truncatedTo(ChronoUnit.DAYS);
    ZonedDateTime day = start.atZone(zone).truncatedTo(ChronoUnit.DAYS);
    return (int) ChronoUnit.DAYS.between(today.toLocalDate(), day.toLocalDate());
  }
}
