package org.networkeras.web.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.calendar.IcsChecks;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Occurrence;
import org.networkeras.web.Http;

/** The public agenda's calendar files: an event's "Add to calendar" and the agenda's feed. */
final class AgendaCalendarTest {

  private static final Pattern FEED = Pattern.compile("href=\"(/calendar/[\\w-]{22}\\.ics)\"");

  @TempDir Path tempDir;
  private AgendaFixture web;

  @BeforeEach
  void start() {
    web = new AgendaFixture(tempDir);
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void theEventPageLinksAValidCalendarFileOfThatEvent() {
    // given
    Event event =
        web.add("Apéro web", Family.BLOGGERS, "Paris", "2026-12-03T19:00", EventStatus.PUBLISHED);
    String page = Http.get(web.port(), web.agenda() + "/events/" + event.id()).body();
    Occurrence occurrence =
        web.chat
            .wiring()
            .catalog()
            .occurrence(web.community(), EventRef.parse(ref(event)), web.chat.clock().instant())
            .orElseThrow();
    String fromChat =
        new String(
            web.chat.wiring().calendars().file(web.community(), occurrence).content(),
            StandardCharsets.UTF_8);

    // when
    HttpResponse<String> file =
        Http.get(web.port(), web.agenda() + "/events/" + event.id() + ".ics");

    // then
    assertThat(page).contains("href=\"" + web.agenda() + "/events/" + event.id() + ".ics\"");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
    assertThat(file.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"event-" + event.id() + ".ics\"");
    Calendar calendar = IcsChecks.valid(file.body());
    List<VEvent> events = IcsChecks.events(calendar);
    assertThat(events).hasSize(1);
    assertThat(IcsChecks.property(events.get(0), "SUMMARY")).isEqualTo("Apéro web");
    assertThat(IcsChecks.property(events.get(0), "UID"))
        .as("the UID of the file the chat's card attaches, so calendars merge the two")
        .isEqualTo(IcsChecks.property(IcsChecks.events(IcsChecks.valid(fromChat)).get(0), "UID"));
  }

  @Test
  void answersAnUnchangedFileWith304AndRefusesWhatIsNotListed() {
    // given
    Event published =
        web.add("Apéro web", Family.BLOGGERS, "Paris", "2026-12-03T19:00", EventStatus.PUBLISHED);
    Event suggested =
        web.add("En attente", Family.BLOGGERS, "Paris", "2026-12-04T19:00", EventStatus.SUGGESTED);
    String path = web.agenda() + "/events/" + published.id() + ".ics";
    String etag = Http.get(web.port(), path).headers().firstValue("ETag").orElseThrow();

    // when
    HttpResponse<String> again = Http.get(web.port(), path, "If-None-Match", etag);
    int pending =
        Http.get(web.port(), web.agenda() + "/events/" + suggested.id() + ".ics").statusCode();

    // then
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(pending).isEqualTo(404);
  }

  @Test
  void linksTheCommunitysFeedWithEachSeriesOnceAndNothingPending() {
    // given
    web.add("En attente", Family.BLOGGERS, "Paris", "2026-12-04T19:00", EventStatus.SUGGESTED);
    web.add("Apéro web", Family.BLOGGERS, "Paris", "2026-12-03T19:00", EventStatus.PUBLISHED);
    String agenda = Http.get(web.port(), web.agenda()).body();
    Matcher link = FEED.matcher(agenda);
    assertThat(link.find()).as(agenda).isTrue();

    // when
    HttpResponse<String> feed = Http.get(web.port(), link.group(1));

    // then
    assertThat(link.group(1))
        .isEqualTo(
            "/calendar/" + web.chat.wiring().calendars().agendaToken(web.community()) + ".ics");
    assertThat(feed.statusCode()).isEqualTo(200);
    Calendar calendar = IcsChecks.valid(feed.body());
    List<String> titles =
        IcsChecks.events(calendar).stream().map(e -> IcsChecks.property(e, "SUMMARY")).toList();
    assertThat(titles)
        .contains("Apéro web", "Barcamp du samedi (sample)")
        .doesNotContain("En attente")
        .doesNotHaveDuplicates();
  }

  private static String ref(Event event) {
    return Long.toString(event.id());
  }
}
