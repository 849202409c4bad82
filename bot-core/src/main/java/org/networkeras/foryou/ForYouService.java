package org.networkeras.foryou;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventFilter;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.ChatUser;
import org.networkeras.command.Words;
import org.networkeras.community.Community;
import org.networkeras.i18n.Language;
import org.networkeras.rsvp.Rsvp;
import org.networkeras.rsvp.RsvpService;
import org.networkeras.subscription.SubscriptionService;
import org.networkeras.time.TimeRange;

/**
 * Gathers what {@link ForYouRanking} needs for one member: the community's listing of the next
 * {@link #HORIZON} (from the catalog's cache), the member's answers (one query), the community's
 * going and interested counts (one query) and the member's subscriptions (one query). The start of
 * a past answer outside the listing is looked up in the catalog. Thread-safe.
 */
public final class ForYouService {

  /** How far ahead events are recommended. */
  static final Duration HORIZON = Duration.ofDays(30);

  /** How many events a member is shown. */
  static final int LIMIT = 5;

  /** The picks, and whether anything personal went into them. */
  record Result(List<ForYouRanking.Pick> picks, boolean personal) {}

  private final CatalogService catalog;
  private final RsvpService rsvps;
  private final SubscriptionService subscriptions;

  public ForYouService(
      CatalogService catalog, RsvpService rsvps, SubscriptionService subscriptions) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.rsvps = Objects.requireNonNull(rsvps, "rsvps");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
  }

  Result recommend(Community community, ChatUser member, Language language, Instant now) {
    List<Occurrence> upcoming =
        catalog.list(community, new TimeRange(now, now.plus(HORIZON)), EventFilter.ALL);
    Map<String, Occurrence> byRef = new HashMap<>();
    upcoming.forEach(o -> byRef.put(o.ref(), o));
    ForYouRanking.Profile profile = profile(community, member, language, now, byRef);
    Map<String, RsvpService.Popularity> popularity = rsvps.popularity(community);
    List<ForYouRanking.Candidate> candidates = new ArrayList<>();
    for (Occurrence occurrence : upcoming) {
      RsvpService.Popularity counts =
          popularity.getOrDefault(occurrence.ref(), new RsvpService.Popularity(0, 0));
      candidates.add(new ForYouRanking.Candidate(occurrence, counts.going(), counts.interested()));
    }
    return new Result(
        ForYouRanking.rank(
            candidates, profile, community.defaultCity(), now, HORIZON, community.zone(), LIMIT),
        !profile.isEmpty());
  }

  private ForYouRanking.Profile profile(
      Community community,
      ChatUser member,
      Language language,
      Instant now,
      Map<String, Occurrence> upcoming) {
    List<ForYouRanking.Interest> interests =
        subscriptions.followed(community, member, language).stream()
            .map(f -> new ForYouRanking.Interest(f.name(), f.matches()))
            .toList();
    Set<String> answered = new HashSet<>();
    Map<org.networkeras.catalog.Family, Integer> byFamily = new HashMap<>();
    Map<String, Integer> byTag = new HashMap<>();
    Map<String, Integer> byCity = new HashMap<>();
    for (Rsvp rsvp : rsvps.forMember(community, member.key())) {
      if (rsvp.status() != Rsvp.Status.INTERESTED) {
        answered.add(rsvp.ref());
      }
      if (rsvp.status() != Rsvp.Status.GOING || upcoming.containsKey(rsvp.ref())) {
        continue;
      }
      Optional<Occurrence> occurrence =
          EventRef.tryParse(rsvp.ref()).flatMap(ref -> catalog.occurrence(community, ref, now));
      if (occurrence.isEmpty() || occurrence.get().start().isAfter(now)) {
        continue; // not started yet: not something they went to
      }
      Event event = occurrence.get().event();
      byFamily.merge(event.family(), 1, Integer::sum);
      for (String tag : new HashSet<>(event.tags().stream().map(Words::fold).toList())) {
        byTag.merge(tag, 1, Integer::sum);
      }
      if (event.city() != null) {
        byCity.merge(Words.fold(event.city()), 1, Integer::sum);
      }
    }
    return new ForYouRanking.Profile(interests, byFamily, byTag, byCity, answered);
  }
}
