package org.networkeras.web.agenda;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.networkeras.calendar.CalendarEntry;
import org.networkeras.calendar.IcsCalendar;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventFilter;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventRepository;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.Attachment;
import org.networkeras.community.Community;
import org.networkeras.core.CoreWiring;
import org.networkeras.time.TimeRange;

/**
 * The public agenda's calendar files, written by {@link IcsCalendar}: one occurrence's {@code .ics}
 * ("Add to calendar") and the agenda's feed, made of the listed events and series that have a date
 * from a month ago to {@link #FEED_AHEAD} ahead (a series once, with its rule). Only listed events
 * are in them, as on the pages. Thread-safe.
 */
final class CalendarFiles {

  /** How far back and ahead the feed looks for events. */
  static final Duration FEED_BEHIND = Duration.ofDays(30);

  static final Duration FEED_AHEAD = Duration.ofDays(180);

  private final CoreWiring core;
  private final EventRepository events;
  private final Clock clock;
  private volatile IcsCalendar writer;

  CalendarFiles(CoreWiring core, EventRepository events, Clock clock) {
    this.core = Objects.requireNonNull(core, "core");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The file of the listed occurrence {@code ref} names. */
  Optional<Attachment> event(Community community, String slug, String ref) {
    Optional<Occurrence> found =
        EventRef.tryParse(ref)
            .flatMap(parsed -> core.catalog().occurrence(community, parsed, clock.instant()))
            .filter(o -> AgendaPages.listed(o.event()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Occurrence occurrence = found.get();
    int sequence = events.revisions(community.id()).getOrDefault(occurrence.event().id(), 0);
    return Optional.of(
        writer()
            .file(
                community,
                CalendarEntry.of(
                    occurrence, community.zone(), sequence, page(slug, occurrence.ref()))));
  }

  /** The agenda's feed, named {@code name} in calendar apps. */
  String feed(Community community, String slug, String name) {
    Instant now = clock.instant();
    List<Occurrence> dated =
        core.catalog()
            .list(
                community,
                new TimeRange(now.minus(FEED_BEHIND), now.plus(FEED_AHEAD)),
                EventFilter.ALL);
    Set<Long> seen = new LinkedHashSet<>();
    Map<Long, Integer> revisions = events.revisions(community.id());
    List<CalendarEntry> entries = new ArrayList<>();
    for (Occurrence occurrence : dated) {
      Event event = occurrence.event();
      if (!AgendaPages.listed(event) || !seen.add(event.id())) {
        continue;
      }
      int sequence = revisions.getOrDefault(event.id(), 0);
      entries.add(
          event.isSeries()
              ? CalendarEntry.series(
                  event, core.catalog().dates(event), sequence, page(slug, EventRef.of(event.id())))
              : CalendarEntry.of(
                  occurrence, community.zone(), sequence, page(slug, occurrence.ref())));
    }
    return writer().feed(community, name, entries);
  }

  private URI page(String slug, String ref) {
    return core.pages()
        .address(slug)
        .map(address -> URI.create(address + "/events/" + ref))
        .orElse(null);
  }

  /** The writer, its UIDs made unique by the public address' host. */
  private IcsCalendar writer() {
    IcsCalendar current = writer;
    if (current == null) {
      String host =
          core.pages()
              .address("x")
              .map(address -> URI.create(address).getHost())
              .filter(name -> name != null && !name.isBlank())
              .orElse("networkeras");
      current = new IcsCalendar(host);
      writer = current;
    }
    return current;
  }
}
