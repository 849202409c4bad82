package org.networkeras.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.networkeras.calendar.IcsChecks.events;
import static org.networkeras.calendar.IcsChecks.property;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.networkeras.catalog.Admission;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Occurrence;
import org.networkeras.catalog.SeriesDate;
import org.networkeras.catalog.Slot;
import org.networkeras.chat.Attachment;
import org.networkeras.community.Community;

final class IcsCalendarTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Instant EDITED = Instant.parse("2026-11-20T08:30:00Z");
  private static final Community COMMUNITY =
      new Community(7, "Paris Tech", PARIS, null, "Paris", Instant.parse("2026-01-01T00:00:00Z"));

  private final IcsCalendar calendars = new IcsCalendar("agenda.example.org");

  @Test
  void writesOneEventAsAValidFileInTheCommunitysZone() {
    // given
    Event event =
        event(42, "Apéro, bières; et code", "2026-12-03T19:00", null, EventStatus.PUBLISHED);

    // when
    Attachment file = calendars.file(COMMUNITY, CalendarEntry.of(single(event), PARIS, 3, null));

    // then
    assertThat(file.fileName()).isEqualTo("event-42.ics");
    assertThat(file.mediaType()).isEqualTo("text/calendar");
    String text = new String(file.content(), StandardCharsets.UTF_8);
    Calendar calendar = IcsChecks.valid(text);
    VEvent vevent = events(calendar).get(0);
    assertThat(property(vevent, "UID")).isEqualTo("42@agenda.example.org");
    assertThat(property(vevent, "SUMMARY")).isEqualTo("Apéro, bières; et code");
    assertThat(text)
        .contains("DTSTART;TZID=Europe/Paris:20261203T190000\r\n")
        .contains("DTEND;TZID=Europe/Paris:20261203T210000\r\n")
        .contains("DTSTAMP:20261120T083000Z\r\n")
        .contains("SEQUENCE:3\r\n")
        .contains("STATUS:CONFIRMED\r\n")
        .contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n");
    assertThat(property(vevent, "LOCATION")).isEqualTo("La Cantine, 151 rue Montmartre, Paris");
    assertThat(property(vevent, "DESCRIPTION")).isEqualTo("Bring a laptop.\nOr not.");
    assertThat(property(vevent, "URL")).isEqualTo("https://example.org/apero");
    assertThat(property(vevent, "ORGANIZER")).isEqualTo("mailto:noreply@agenda.example.org");
  }

  @Test
  void marksACancelledEventCancelled() {
    // given
    Event event = event(42, "Apéro", "2026-12-03T19:00", null, EventStatus.CANCELLED);

    // when
    String text = text(calendars.file(COMMUNITY, CalendarEntry.of(single(event), PARIS, 4, null)));

    // then
    assertThat(property(events(IcsChecks.valid(text)).get(0), "STATUS")).isEqualTo("CANCELLED");
  }

  @Test
  void writesTheSameBytesForTheSameEvent() {
    // given
    Event event = event(42, "Apéro", "2026-12-03T19:00", null, EventStatus.PUBLISHED);
    CalendarEntry entry = CalendarEntry.of(single(event), PARIS, 0, null);

    // when / then: a feed read twice is the same, so its ETag is
    assertThat(calendars.feed(COMMUNITY, "Paris Tech", List.of(entry)))
        .isEqualTo(calendars.feed(COMMUNITY, "Paris Tech", List.of(entry)));
  }

  @Test
  void writesASeriesWithItsRuleCancelledDatesAndMovedDates() {
    // given a Thursday series, its 10 December cancelled and its 17 December moved to the 18th
    Event series =
        event(50, "Jeudi code", "2026-12-03T19:00", "FREQ=WEEKLY;BYDAY=TH", EventStatus.PUBLISHED);
    SeriesDate cancelled = date(series, "2026-12-10", "2026-12-10T19:00").cancel(EDITED);
    SeriesDate moved = date(series, "2026-12-17", "2026-12-18T20:00");

    // when
    String text =
        calendars.feed(
            COMMUNITY,
            "Paris Tech",
            List.of(
                CalendarEntry.series(
                    series,
                    Map.of(cancelled.date(), cancelled, moved.date(), moved),
                    5,
                    URI.create("https://agenda.example.org/e/50"))));

    // then
    Calendar calendar = IcsChecks.valid(text);
    List<VEvent> vevents = events(calendar);
    assertThat(vevents).hasSize(2);
    assertThat(vevents)
        .allSatisfy(e -> assertThat(property(e, "UID")).isEqualTo("50@agenda.example.org"));
    assertThat(text)
        .contains("RRULE:FREQ=WEEKLY;BYDAY=TH\r\n")
        .contains("EXDATE;TZID=Europe/Paris:20261210T190000\r\n")
        .contains("RECURRENCE-ID;TZID=Europe/Paris:20261217T190000\r\n")
        .contains("DTSTART;TZID=Europe/Paris:20261218T200000\r\n")
        .contains("X-WR-CALNAME:Paris Tech\r\n")
        .contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
    assertThat(property(vevents.get(0), "URL")).isEqualTo("https://agenda.example.org/e/50");
  }

  /** A series whose first date fell in the spring gap is stored pinned to the time said. */
  @Test
  void writesASeriesPinnedToItsTimeWithItsDatesAtThatTime() {
    // given every Sunday at 02:30 from 28 March 2027 (03:30 that night), 11 April cancelled and
    // 18 April moved to 04:00
    Event series =
        event(
            51,
            "Night coding",
            "2027-03-28T02:30",
            "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30",
            EventStatus.PUBLISHED);
    SeriesDate cancelled = date(series, "2027-04-11", "2027-04-11T02:30").cancel(EDITED);
    SeriesDate moved = date(series, "2027-04-18", "2027-04-18T04:00");

    // when
    String text =
        calendars.feed(
            COMMUNITY,
            "Paris Tech",
            List.of(
                CalendarEntry.series(
                    series,
                    Map.of(cancelled.date(), cancelled, moved.date(), moved),
                    5,
                    URI.create("https://agenda.example.org/e/51"))));

    // then the exception and the override name the dates at 02:30, as the rule makes them
    IcsChecks.valid(text);
    assertThat(text)
        .contains("RRULE:FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30\r\n")
        .contains("DTSTART;TZID=Europe/Paris:20270328T033000\r\n")
        .contains("EXDATE;TZID=Europe/Paris:20270411T023000\r\n")
        .contains("RECURRENCE-ID;TZID=Europe/Paris:20270418T023000\r\n")
        .contains("DTSTART;TZID=Europe/Paris:20270418T040000\r\n");
  }

  @Test
  void writesADateKeptFromAnOldRuleOnItsOwn() {
    // given a series now on Fridays, whose past Thursday was kept as it was
    Event series =
        event(51, "Code", "2026-12-11T19:00", "FREQ=WEEKLY;BYDAY=FR", EventStatus.PUBLISHED);
    SeriesDate kept = date(series, "2026-12-03", "2026-12-03T19:00");

    // when
    String text =
        calendars.feed(
            COMMUNITY,
            "Paris Tech",
            List.of(CalendarEntry.series(series, Map.of(kept.date(), kept), 1, null)));

    // then
    List<VEvent> vevents = events(IcsChecks.valid(text));
    assertThat(vevents)
        .extracting(e -> property(e, "UID"))
        .containsExactly("51@agenda.example.org", "51-20261203@agenda.example.org");
    assertThat(text).doesNotContain("RECURRENCE-ID");
  }

  @Test
  void writesOneDateOfASeriesOnItsOwnNamedByItsDate() {
    // given
    Event series =
        event(50, "Jeudi code", "2026-12-03T19:00", "FREQ=WEEKLY;BYDAY=TH", EventStatus.PUBLISHED);
    Occurrence tenth = date(series, "2026-12-10", "2026-12-10T19:00").occurrence(series);

    // when
    Attachment file = calendars.file(COMMUNITY, CalendarEntry.of(tenth, PARIS, 2, null));

    // then
    assertThat(file.fileName()).isEqualTo("event-50-1210.ics");
    String text = text(file);
    VEvent vevent = events(IcsChecks.valid(text)).get(0);
    assertThat(property(vevent, "UID")).isEqualTo("50-20261210@agenda.example.org");
    assertThat(text)
        .doesNotContain("RRULE:FREQ=WEEKLY")
        .contains("DTSTART;TZID=Europe/Paris:20261210T190000");
  }

  @Test
  void writesUtcTimesForACommunityOnUtc() {
    // given
    Community utc = new Community(8, "Remote", ZoneOffset.UTC, null, null, EDITED);
    Event event = event(42, "Call", "2026-12-03T19:00", null, EventStatus.PUBLISHED);

    // when
    String text =
        text(calendars.file(utc, CalendarEntry.of(single(event), ZoneOffset.UTC, 0, null)));

    // then
    IcsChecks.valid(text);
    assertThat(text).doesNotContain("VTIMEZONE").contains("DTSTART:20261203T180000Z\r\n");
  }

  @Test
  void foldsLongLines() {
    // given
    Event event =
        event(
            42, "A".repeat(90) + " é".repeat(20), "2026-12-03T19:00", null, EventStatus.PUBLISHED);

    // when / then: IcsChecks holds every line to 75 octets
    String text = text(calendars.file(COMMUNITY, CalendarEntry.of(single(event), PARIS, 0, null)));
    assertThat(property(events(IcsChecks.valid(text)).get(0), "SUMMARY")).isEqualTo(event.title());
  }

  private static String text(Attachment file) {
    return new String(file.content(), StandardCharsets.UTF_8);
  }

  private static Occurrence single(Event event) {
    return new Occurrence(event, event.start(), event.end(), EventRef.of(event.id()));
  }

  private static SeriesDate date(Event series, String original, String localStart) {
    Instant start = LocalDateTime.parse(localStart).atZone(PARIS).toInstant();
    return new SeriesDate(
        series.id(),
        LocalDate.parse(original),
        false,
        start,
        start.plusSeconds(7200),
        series.title(),
        series.city(),
        series.venue(),
        EDITED);
  }

  private static Event event(
      long id, String title, String localStart, String recurrence, EventStatus status) {
    Instant start = LocalDateTime.parse(localStart).atZone(PARIS).toInstant();
    Instant end = start.plusSeconds(7200);
    return new Event(
        id,
        COMMUNITY.id(),
        title,
        Family.BLOGGERS,
        Slot.derive(start, end, PARIS),
        "Paris",
        "La Cantine",
        "151 rue Montmartre",
        start,
        end,
        "Bring a laptop.\nOr not.",
        "https://example.org/apero",
        null,
        List.of(),
        Admission.FREE,
        status,
        "suggestion",
        recurrence,
        null,
        EDITED.minusSeconds(86_400),
        EDITED);
  }
}
