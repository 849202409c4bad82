package org.networkeras.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Checks a written calendar the way calendar apps read it: ical4j parses it back and its validator
 * (RFC 5545, and RFC 5546 for {@code METHOD:PUBLISH}) finds no error, and what Google Calendar and
 * Apple Calendar need is there: {@code VERSION:2.0}, {@code PRODID}, on each event a {@code UID},
 * {@code DTSTAMP}, {@code DTSTART}, {@code DTEND} and {@code SUMMARY}, a {@code VTIMEZONE} for
 * every {@code TZID} used, CRLF line ends and lines of at most 75 octets.
 */
public final class IcsChecks {

  private IcsChecks() {}

  /** Parses and checks {@code text}, returning it as ical4j reads it. */
  public static Calendar valid(String text) {
    Calendar calendar;
    try {
      calendar = new CalendarBuilder().build(new StringReader(text));
    } catch (Exception e) {
      throw new AssertionError("ical4j cannot read the calendar: " + e + "\n" + text, e);
    }
    ValidationResult result = calendar.validate();
    assertThat(result.hasErrors()).as("validation: %s\n%s", result, text).isFalse();
    assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    for (String line : text.split("\r\n", -1)) {
      assertThat(line).doesNotContain("\n");
      assertThat(line.getBytes(StandardCharsets.UTF_8).length)
          .as("line %s", line)
          .isLessThanOrEqualTo(75);
    }
    assertThat(property(calendar, "VERSION")).isEqualTo("2.0");
    assertThat(property(calendar, "PRODID")).isNotBlank();
    assertThat(property(calendar, "CALSCALE")).isEqualTo("GREGORIAN");
    assertThat(property(calendar, "METHOD")).isEqualTo("PUBLISH");
    Set<String> zones = new HashSet<>();
    for (VTimeZone zone : calendar.<VTimeZone>getComponents("VTIMEZONE")) {
      zones.add(zone.getTimeZoneId().getValue());
    }
    for (VEvent event : events(calendar)) {
      for (String name : List.of("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE")) {
        assertThat(event.getProperty(name)).as("%s in %s", name, event).isPresent();
      }
      net.fortuna.ical4j.model.Property start = event.getRequiredProperty("DTSTART");
      start
          .<net.fortuna.ical4j.model.Parameter>getParameter("TZID")
          .ifPresent(tzid -> assertThat(zones).contains(tzid.getValue()));
    }
    return calendar;
  }

  /** The calendar's events. */
  public static List<VEvent> events(Calendar calendar) {
    return calendar.getComponents("VEVENT");
  }

  /** The value of a property of the calendar, or of an event. */
  public static String property(Calendar calendar, String name) {
    return calendar.getProperty(name).map(p -> p.getValue()).orElse(null);
  }

  public static String property(VEvent event, String name) {
    return event.getProperty(name).map(p -> p.getValue()).orElse(null);
  }
}
