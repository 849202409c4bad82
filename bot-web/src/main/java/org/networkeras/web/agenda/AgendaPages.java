package org.networkeras.web.agenda;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import org.networkeras.calendar.CalendarService;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventFilter;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Occurrence;
import org.networkeras.catalog.Slot;
import org.networkeras.chat.Piece;
import org.networkeras.chat.TimeText;
import org.networkeras.command.CommandException;
import org.networkeras.community.Community;
import org.networkeras.core.CoreWiring;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.rsvp.RsvpService;
import org.networkeras.time.TimeRange;

/**
 * Builds what the agenda and event pages show from core, as the chat shows it to everyone: listed
 * events only (published, or cancelled and marked so), answer counts, and the names of members who
 * chose {@code /visible on}. Times are in the community's zone. Thread-safe.
 */
final class AgendaPages {

  /** How far ahead the agenda looks without a time phrase. */
  static final Duration WINDOW = Duration.ofDays(30);

  private static final List<Slot> SLOTS = List.of(Slot.BREAKFAST, Slot.EVENING, Slot.SATURDAY);

  private final CoreWiring core;
  private final Messages messages;
  private final Clock clock;

  AgendaPages(CoreWiring core, Clock clock) {
    this.core = Objects.requireNonNull(core, "core");
    this.messages = core.messages();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  AgendaView agenda(Community community, String slug, Language language, AgendaQuery query) {
    PageText t = new PageText(messages, language);
    ZoneId zone = community.zone();
    Instant now = clock.instant();
    TimeRange window = new TimeRange(now, now.plus(WINDOW));
    TimeRange range = window;
    String refusal = null;
    if (!query.when().isEmpty()) {
      try {
        range = core.resolver().range(query.when(), zone);
      } catch (CommandException e) {
        refusal = t.get("web.filter.refused", t.get(e.messageKey(), e.arguments()));
      }
    }
    Family family = parse(Family.values(), Family::key, query.family());
    Slot slot = parse(Slot.values(), Slot::key, query.slot());
    List<String> cities = new ArrayList<>(core.catalog().cities(community, window));
    String city =
        cities.stream().filter(c -> c.equalsIgnoreCase(query.city())).findFirst().orElse(null);
    List<Occurrence> shown =
        core.catalog().list(community, range, new EventFilter(family, slot, city));
    String lang = language.code();
    String base = AgendaRoutes.agendaPath(slug);
    List<AgendaView.Day> days = new ArrayList<>();
    LocalDate day = null;
    List<AgendaView.Item> items = null;
    for (Occurrence occurrence : shown) {
      LocalDate date = occurrence.start().atZone(zone).toLocalDate();
      if (!date.equals(day)) {
        day = date;
        items = new ArrayList<>();
        days.add(new AgendaView.Day(date(date, zone, language, now), date.toString(), items));
      }
      Event event = occurrence.event();
      items.add(
          new AgendaView.Item(
              time(occurrence.start(), zone, Piece.TimeStyle.TIME, language, now),
              occurrence.start().atZone(zone).toOffsetDateTime().toString(),
              event.title(),
              t.get("family." + event.family().key()),
              join(event.city(), event.venue()),
              AgendaRoutes.eventPath(slug, occurrence.ref()) + "?lang=" + lang,
              event.status() == EventStatus.CANCELLED));
    }
    String heading = t.get("web.agenda.title", community.name());
    Chrome chrome =
        new Chrome(
            t,
            heading,
            t.get("web.agenda.description", community.name()),
            core.pages().address(slug).orElse(null),
            preview(),
            base + query.toQueryString(other(language).code()),
            "website");
    return new AgendaView(
        chrome,
        heading,
        t.get(
            "web.agenda.range",
            date(range.start().atZone(zone).toLocalDate(), zone, language, now),
            date(range.end().minusNanos(1).atZone(zone).toLocalDate(), zone, language, now)),
        t.get("web.agenda.count", shown.size()),
        refusal,
        Arrays.stream(Family.values())
            .map(f -> new AgendaView.Option(f.key(), t.get("family." + f.key()), f == family))
            .toList(),
        SLOTS.stream()
            .map(s -> new AgendaView.Option(s.key(), t.get("slot." + s.key()), s == slot))
            .toList(),
        cities.stream().map(c -> new AgendaView.Option(c, c, c.equals(city))).toList(),
        query.when(),
        base + "?lang=" + lang,
        days,
        feedHref(community));
  }

  /** The listed occurrence {@code ref} names, if there is one. */
  Optional<Occurrence> listed(Community community, String ref) {
    return EventRef.tryParse(ref)
        .flatMap(parsed -> core.catalog().occurrence(community, parsed, clock.instant()))
        .filter(o -> listed(o.event()));
  }

  /** The page of the listed occurrence {@code ref} names, if there is one. */
  Optional<EventView> event(Community community, String slug, Language language, String ref) {
    Instant now = clock.instant();
    Optional<Occurrence> found = listed(community, ref);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Occurrence occurrence = found.get();
    Event event = occurrence.event();
    PageText t = new PageText(messages, language);
    ZoneId zone = community.zone();
    String familyName = t.get("family." + event.family().key());
    String place = join(event.venue(), event.address(), event.city());
    RsvpService.Counts counts = core.rsvps().counts(community, occurrence);
    List<EventView.Guide> guides = new ArrayList<>();
    guides.add(guide(t, event.family()));
    for (Family other : Family.values()) {
      if (other != event.family()) {
        guides.add(guide(t, other));
      }
    }
    String when = when(occurrence, zone, language, now);
    String agendaHref = AgendaRoutes.agendaPath(slug) + "?lang=" + language.code();
    Chrome chrome =
        new Chrome(
            t,
            event.title(),
            when + (place.isEmpty() ? "" : " · " + place) + " · " + familyName,
            core.pages().address(slug).map(a -> a + "/events/" + occurrence.ref()).orElse(null),
            preview(),
            AgendaRoutes.eventPath(slug, occurrence.ref()) + "?lang=" + other(language).code(),
            "article");
    return Optional.of(
        new EventView(
            chrome,
            event.title(),
            event.status() == EventStatus.CANCELLED,
            when,
            occurrence.start().atZone(zone).toOffsetDateTime().toString(),
            familyName,
            place.isEmpty() ? null : place,
            place.isEmpty() ? null : mapHref(place),
            blankToNull(event.description()),
            event.organiser() == null || event.organiser().isBlank()
                ? null
                : t.get("web.event.organiser", event.organiser()),
            webLink(event.link()),
            t.get("web.event.going", counts.going()),
            t.get("web.event.interested", counts.interested()),
            counts.visibleGoing().isEmpty()
                ? null
                : t.get("web.event.visible", String.join(", ", counts.visibleGoing())),
            AgendaRoutes.eventPath(slug, occurrence.ref()) + AgendaRoutes.ICS,
            agendaHref,
            guides));
  }

  /**
   * The community's agenda feed ({@code /calendar} gives the same address in the chat): absolute
   * when the public address is configured, as calendar apps need, else on this server.
   */
  /** The full address of the picture a chat's preview shows, while the server has one. */
  private String preview() {
    return core.pages().siteAddress(AgendaRoutes.PREVIEW_PATH).orElse(null);
  }

  private String feedHref(Community community) {
    String token = core.calendars().agendaToken(community);
    return core.calendars()
        .settings()
        .feedUrl(token)
        .map(URI::toString)
        .orElse(CalendarService.PATH + token + CalendarService.SUFFIX);
  }

  /** The frame of a page that is not there, in {@code language}. */
  Chrome notFound(Language language, String switchHref) {
    PageText t = new PageText(messages, language);
    return new Chrome(
        t,
        t.get("web.not_found.title"),
        t.get("web.not_found.text"),
        null,
        null,
        switchHref,
        "website");
  }

  /** Whether the chat lists the event to everyone: published, or cancelled and marked so. */
  private static boolean listed(Event event) {
    return event.status() == EventStatus.PUBLISHED || event.status() == EventStatus.CANCELLED;
  }

  private static EventView.Guide guide(PageText t, Family family) {
    String key = "guide." + family.key();
    return new EventView.Guide(
        t.get("family." + family.key()),
        t.get(key + ".what"),
        t.get(key + ".upsides"),
        t.get(key + ".downsides"));
  }

  /** "jeudi 26 novembre, 19h00 – 22h00", or the end's date too when it ends on another day. */
  private static String when(Occurrence occurrence, ZoneId zone, Language language, Instant now) {
    LocalDate startDay = occurrence.start().atZone(zone).toLocalDate();
    LocalDate endDay = occurrence.end().atZone(zone).toLocalDate();
    String start =
        date(startDay, zone, language, now)
            + ", "
            + time(occurrence.start(), zone, Piece.TimeStyle.TIME, language, now);
    String end =
        startDay.equals(endDay)
            ? time(occurrence.end(), zone, Piece.TimeStyle.TIME, language, now)
            : time(occurrence.end(), zone, Piece.TimeStyle.FULL, language, now);
    return start + " – " + end;
  }

  private static String date(LocalDate date, ZoneId zone, Language language, Instant now) {
    return time(
        date.atTime(12, 0).atZone(zone).toInstant(), zone, Piece.TimeStyle.DATE, language, now);
  }

  private static String time(
      Instant instant, ZoneId zone, Piece.TimeStyle style, Language language, Instant now) {
    return TimeText.format(new Piece.Time(instant, zone, style), language.locale(), now);
  }

  private static Language other(Language language) {
    return language == Language.FR ? Language.EN : Language.FR;
  }

  private static <T> T parse(T[] values, Function<T, String> key, String typed) {
    for (T value : values) {
      if (key.apply(value).equalsIgnoreCase(typed)) {
        return value;
      }
    }
    return null;
  }

  private static String join(String... parts) {
    StringJoiner joined = new StringJoiner(", ");
    for (String part : parts) {
      if (part != null && !part.isBlank()) {
        joined.add(part.strip());
      }
    }
    return joined.toString();
  }

  private static String mapHref(String place) {
    return "https://www.openstreetmap.org/search?query="
        + URLEncoder.encode(place, StandardCharsets.UTF_8);
  }

  /** The event's link when it is an http(s) address, so that no {@code javascript:} gets a href. */
  private static String webLink(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      String scheme = URI.create(link.strip()).getScheme();
      return scheme != null
              && ("http".equals(scheme.toLowerCase(Locale.ROOT))
                  || "https".equals(scheme.toLowerCase(Locale.ROOT)))
          ? link.strip()
          : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
