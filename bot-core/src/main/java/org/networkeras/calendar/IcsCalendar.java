package org.networkeras.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.catalog.Recurrences;
import org.networkeras.catalog.SeriesDate;
import org.networkeras.chat.Attachment;
import org.networkeras.community.Community;

/**
 * Writes RFC 5545 calendars ({@code .ics}) with ical4j: one event or one date of a series as a file
 * to add, or a community's agenda or a member's dates as a feed that calendar apps poll.
 *
 * <p>Every entry has a stable {@code UID} ({@code 42@host} for an event or a series, {@code
 * 42-20261203@host} for one date of a series on its own), times in the community's zone with its
 * {@code VTIMEZONE}, a {@code SEQUENCE} that grows on each edit and a {@code DTSTAMP} of its last
 * change, so the same catalog always gives the same bytes. A series is written once with its {@code
 * RRULE}: its cancelled dates as {@code EXDATE}, its changed dates as {@code RECURRENCE-ID}
 * overrides. The calendar says {@code METHOD:PUBLISH}, which requires an {@code ORGANIZER} (RFC
 * 5546): the community (or the event's organiser) by name, at a no-reply address of the host.
 * Thread-safe.
 */
public final class IcsCalendar {

  /** The media type of what this writes. */
  public static final String MEDIA_TYPE = "text/calendar";

  /** The product that wrote a calendar ({@code PRODID}). */
  static final String PRODUCT = "-//Networkeras//Networkeras calendar//EN";

  /** How often a feed asks to be read again. */
  static final String REFRESH = "PT1H";

  /** RFC 5545's longest line, line break excluded. */
  private static final int MAX_LINE_OCTETS = 75;

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,250})");

  private final String host;
  private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
  private final Map<ZoneId, Optional<VTimeZone>> timeZones = new ConcurrentHashMap<>();
  private final Recurrences recurrences = new Recurrences();

  /**
   * @param host the name that makes UIDs unique to this bot (the public web address' host, or
   *     {@code networkeras} when there is none)
   */
  public IcsCalendar(String host) {
    Objects.requireNonNull(host, "host");
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException("a host name such as agenda.example.org, not " + host);
    }
    this.host = host;
  }

  /**
   * The file of one entry, to add to a calendar: {@code event-42.ics}, {@code event-42-1203.ics}.
   */
  public Attachment file(Community community, CalendarEntry entry) {
    Calendar calendar = calendar(community.zone(), List.of(entry), community);
    return new Attachment(
        "event-" + entry.occurrence().ref() + ".ics",
        MEDIA_TYPE,
        text(calendar).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A feed of entries, named {@code name} in calendar apps ({@code X-WR-CALNAME}), asking to be
   * read again every hour.
   */
  public String feed(Community community, String name, List<CalendarEntry> entries) {
    Calendar calendar = calendar(community.zone(), entries, community);
    calendar.add(new XProperty("X-WR-CALNAME", name));
    calendar.add(new XProperty("X-WR-TIMEZONE", community.zone().getId()));
    calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
    calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH));
    return text(calendar);
  }

  private Calendar calendar(ZoneId zone, List<CalendarEntry> entries, Community community) {
    Optional<VTimeZone> timeZone = timeZone(zone);
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    if (timeZone.isPresent()) {
      calendar.add(timeZone.get());
    } else if (entries.isEmpty()) {
      // A calendar holds at least one component (RFC 5545): an empty feed says its zone.
      timeZone(ZoneId.of("Etc/UTC")).ifPresent(calendar::add);
    }
    Times times = new Times(zone, timeZone.isPresent());
    for (CalendarEntry entry : entries) {
      for (VEvent event : events(entry, times, community)) {
        calendar.add(event);
      }
    }
    return calendar;
  }

  private List<VEvent> events(CalendarEntry entry, Times times, Community community) {
    Occurrence occurrence = entry.occurrence();
    Event event = occurrence.event();
    if (!entry.isWholeSeries()) {
      String uid = entry.date() == null ? uid(event.id(), null) : uid(event.id(), entry.date());
      return List.of(
          vevent(uid, occurrence, entry.sequence(), entry.url(), times, community, null));
    }
    List<VEvent> events = new ArrayList<>();
    VEvent master =
        vevent(
            uid(event.id(), null),
            occurrence,
            entry.sequence(),
            entry.url(),
            times,
            community,
            null);
    master.add(new RRule<>(new Recur<>(event.recurrence())));
    List<Temporal> cancelled = new ArrayList<>();
    List<SeriesDate> dates = new ArrayList<>(entry.changedDates().values());
    dates.sort(java.util.Comparator.comparing(SeriesDate::date));
    for (SeriesDate date : dates) {
      ZonedDateTime original =
          date.date().atTime(Recurrences.timeOfDay(event, times.zone)).atZone(times.zone);
      boolean ruleDate = isRuleDate(event, times.zone, original.toInstant());
      Occurrence dated = date.occurrence(event);
      if (ruleDate && date.cancelled()) {
        cancelled.add(times.at(original.toInstant()));
      } else if (ruleDate) {
        events.add(
            vevent(
                uid(event.id(), null),
                dated,
                entry.sequence(),
                entry.url(),
                times,
                community,
                original.toInstant()));
      } else if (!date.cancelled()) {
        // A date kept from before the rule changed: the rule no longer makes it, so it stands
        // alone.
        events.add(
            vevent(
                uid(event.id(), date.date()),
                dated,
                entry.sequence(),
                entry.url(),
                times,
                community,
                null));
      }
    }
    if (!cancelled.isEmpty()) {
      master.add(times.exDate(cancelled));
    }
    events.add(0, master);
    return events;
  }

  private boolean isRuleDate(Event series, ZoneId zone, Instant start) {
    return recurrences.between(series, zone, start, start.plusSeconds(1)).stream()
        .anyMatch(o -> o.start().equals(start));
  }

  private VEvent vevent(
      String uid,
      Occurrence occurrence,
      int sequence,
      URI url,
      Times times,
      Community community,
      Instant recurrenceId) {
    Event event = occurrence.event();
    VEvent vevent = new VEvent(false);
    vevent.add(new Uid(uid));
    vevent.add(new DtStamp(event.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
    vevent.add(new DtStart<>(times.at(occurrence.start())));
    vevent.add(new DtEnd<>(times.at(occurrence.end())));
    if (recurrenceId != null) {
      vevent.add(new RecurrenceId<>(times.at(recurrenceId)));
    }
    vevent.add(new Summary(event.title()));
    String place = place(event);
    if (!place.isEmpty()) {
      vevent.add(new Location(place));
    }
    if (event.description() != null) {
      vevent.add(new Description(event.description()));
    }
    URI link = url != null ? url : event.link() == null ? null : URI.create(event.link());
    if (link != null) {
      vevent.add(new Url(link));
    }
    vevent.add(
        new Status(
            event.status() == EventStatus.CANCELLED
                ? Status.VALUE_CANCELLED
                : Status.VALUE_CONFIRMED));
    vevent.add(new Sequence(sequence));
    String organiser = event.organiser() != null ? event.organiser() : community.name();
    vevent.add(
        new Organizer(
            new ParameterList(List.of(new Cn(organiser))), URI.create("mailto:noreply@" + host)));
    return vevent;
  }

  private String uid(long eventId, LocalDate date) {
    if (date == null) {
      return eventId + "@" + host;
    }
    return String.format(
        "%d-%04d%02d%02d@%s",
        eventId, date.getYear(), date.getMonthValue(), date.getDayOfMonth(), host);
  }

  /** Venue, address, city: what a map app can find. */
  private static String place(Event event) {
    List<String> parts = new ArrayList<>();
    for (String part : new String[] {event.venue(), event.address(), event.city()}) {
      if (part != null && !part.isBlank()) {
        parts.add(part);
      }
    }
    return String.join(", ", parts);
  }

  /** The zone's {@code VTIMEZONE}, or empty for UTC and zones ical4j does not know. */
  private Optional<VTimeZone> timeZone(ZoneId zone) {
    return timeZones.computeIfAbsent(
        zone,
        z -> {
          if (z instanceof ZoneOffset) {
            return Optional.empty();
          }
          TimeZone known;
          synchronized (zones) { // ical4j does not say its registry is thread-safe
            known = zones.getTimeZone(z.getId());
          }
          return known == null ? Optional.empty() : Optional.of(known.getVTimeZone());
        });
  }

  /**
   * The calendar's text. ical4j folds lines at 73 characters; RFC 5545 counts octets, so lines are
   * unfolded and folded again at 75 octets, never inside a character.
   */
  private static String text(Calendar calendar) {
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder folded = new StringBuilder(out.getBuffer().length() + 256);
    for (String line : out.toString().replace("\r\n ", "").split("\r\n")) {
      fold(line, folded);
    }
    return folded.toString();
  }

  private static void fold(String line, StringBuilder into) {
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int codePoint = line.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > MAX_LINE_OCTETS) {
        into.append("\r\n ");
        octets = 1;
      }
      into.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    into.append("\r\n");
  }

  /** How instants are written: local times with the zone's TZID, or UTC when it has none. */
  private static final class Times {
    private final ZoneId zone;
    private final boolean local;

    Times(ZoneId zone, boolean local) {
      this.zone = zone;
      this.local = local;
    }

    Temporal at(Instant instant) {
      Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
      return local ? seconds.atZone(zone) : seconds;
    }

    ExDate<Temporal> exDate(List<Temporal> dates) {
      DateList<Temporal> list = new DateList<>(dates);
      if (!local) {
        return new ExDate<>(list);
      }
      return new ExDate<>(new ParameterList(List.of(new TzId(zone.getId()))), list);
    }
  }
}
