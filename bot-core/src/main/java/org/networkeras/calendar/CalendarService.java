package org.networkeras.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventRepository;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.catalog.SeriesDate;
import org.networkeras.chat.Attachment;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityService;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.rsvp.Rsvp;
import org.networkeras.rsvp.RsvpService;
import org.networkeras.store.Database;

/**
 * A community's events as calendars: the file of one event or date, the community's agenda feed and
 * each member's feed of the dates they are going to, each feed behind an unguessable token. Only
 * what listings show goes in (published events, and cancelled ones marked so), never a pending
 * suggestion, and only the community's own events. Thread-safe.
 */
public final class CalendarService {

  /** Where feeds are served: {@code /calendar/<token>.ics}. */
  public static final String PATH = "/calendar/";

  /** The end of a feed's address. */
  public static final String SUFFIX = ".ics";

  /** How far back a feed reaches: recent events stay in calendars for a while. */
  static final Duration PAST = Duration.ofDays(60);

  /** How far ahead a feed's single events reach (series reach as far as their rule). */
  static final Duration AHEAD = Duration.ofDays(366);

  private static final Set<EventStatus> LISTED =
      EnumSet.of(EventStatus.PUBLISHED, EventStatus.CANCELLED);

  private final EventRepository events;
  private final CatalogService catalog;
  private final RsvpService rsvps;
  private final CommunityService communities;
  private final Messages messages;
  private final CalendarSettings settings;
  private final CalendarTokens tokens;
  private final IcsCalendar ics;
  private final Clock clock;

  public CalendarService(
      Database database,
      CatalogService catalog,
      RsvpService rsvps,
      CommunityService communities,
      Messages messages,
      CalendarSettings settings,
      Clock clock) {
    this.events = database.events();
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.rsvps = Objects.requireNonNull(rsvps, "rsvps");
    this.communities = Objects.requireNonNull(communities, "communities");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.tokens = new CalendarTokens(database);
    this.ics = new IcsCalendar(settings.host());
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Where feeds can be read from, as configured. */
  public CalendarSettings settings() {
    return settings;
  }

  /** The {@code .ics} file of one event, or one date of a series. */
  public Attachment file(Community community, Occurrence occurrence) {
    int sequence = events.revisions(community.id()).getOrDefault(occurrence.event().id(), 0);
    return ics.file(community, CalendarEntry.of(occurrence, community.zone(), sequence, null));
  }

  /** The token of the community's agenda feed. */
  public String agendaToken(Community community) {
    return tokens.token(community.id(), CalendarTokens.Feed.AGENDA, "", clock.instant());
  }

  /** The token of a member's own feed in the community. */
  public String memberToken(Community community, String memberKey) {
    return tokens.token(community.id(), CalendarTokens.Feed.MEMBER, memberKey, clock.instant());
  }

  /** A new token for a member's own feed: the old address answers nothing from now on. */
  public String resetMemberToken(Community community, String memberKey) {
    return tokens.reset(community.id(), CalendarTokens.Feed.MEMBER, memberKey, clock.instant());
  }

  /** The feed {@code token} opens, or empty when it opens none. */
  public Optional<String> feed(String token) {
    Optional<CalendarTokens.Owner> owner = tokens.owner(token);
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    Optional<Community> community = communities.find(owner.get().communityId());
    if (community.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        switch (owner.get().feed()) {
          case AGENDA -> agenda(community.get());
          case MEMBER -> memberFeed(community.get(), owner.get().memberKey());
        });
  }

  /** The community's agenda: its events of the last two months and the coming year, its series. */
  String agenda(Community community) {
    Instant now = clock.instant();
    Map<Long, Integer> revisions = events.revisions(community.id());
    List<CalendarEntry> entries = new ArrayList<>();
    for (Event event :
        events.findSingles(community.id(), now.minus(PAST), now.plus(AHEAD), LISTED)) {
      Occurrence occurrence =
          new Occurrence(event, event.start(), event.end(), EventRef.of(event.id()));
      entries.add(
          CalendarEntry.of(
              occurrence, community.zone(), revisions.getOrDefault(event.id(), 0), null));
    }
    Map<Long, Map<LocalDate, SeriesDate>> changed = new HashMap<>();
    for (SeriesDate date : events.datesOfCommunity(community.id())) {
      changed.computeIfAbsent(date.seriesId(), id -> new HashMap<>()).put(date.date(), date);
    }
    for (Event series : events.findSeries(community.id(), now.plus(AHEAD), LISTED)) {
      entries.add(
          CalendarEntry.series(
              series,
              changed.getOrDefault(series.id(), Map.of()),
              revisions.getOrDefault(series.id(), 0),
              null));
    }
    return ics.feed(community, community.name(), entries);
  }

  /** The dates a member is going to in the community, from two months back. */
  String memberFeed(Community community, String memberKey) {
    Instant now = clock.instant();
    Map<Long, Integer> revisions = events.revisions(community.id());
    List<CalendarEntry> entries = new ArrayList<>();
    for (Rsvp rsvp : rsvps.forMember(community, memberKey)) {
      if (rsvp.status() != Rsvp.Status.GOING) {
        continue;
      }
      Optional<Occurrence> occurrence =
          EventRef.tryParse(rsvp.ref())
              .flatMap(ref -> catalog.occurrence(community, ref, now))
              .filter(o -> LISTED.contains(o.event().status()))
              .filter(o -> !o.start().isBefore(now.minus(PAST)));
      occurrence.ifPresent(
          o ->
              entries.add(
                  CalendarEntry.of(
                      o, community.zone(), revisions.getOrDefault(o.event().id(), 0), null)));
    }
    entries.sort(java.util.Comparator.comparing(e -> e.occurrence().start()));
    Language language = community.language() == null ? Language.EN : community.language();
    return ics.feed(
        community, messages.get(language, "calendar.feed.mine", community.name()), entries);
  }
}
