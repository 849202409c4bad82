package org.networkeras.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.calendar.CalendarSettings;
import org.networkeras.calendar.IcsChecks;
import org.networkeras.catalog.Event;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;

/** Calendar feeds as calendar apps poll them, from the real server on a free port. */
final class CalendarRoutesTest {

  private static final Pattern FEED =
      Pattern.compile("https://agenda\\.example\\.org(/calendar/[A-Za-z0-9_-]{22}\\.ics)");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;
  private WebServer server;

  @BeforeEach
  void start() {
    database = TestDatabases.sqlite(tempDir);
    chat =
        Chat.on(database)
            .withCalendars(new CalendarSettings(true, URI.create("https://agenda.example.org")));
    alice = chat.as("alice").in("paris-tech");
    server =
        WebServer.start(
            new WebSettings(WebSettings.LOOPBACK, 0),
            List.of(new CalendarRoutes(chat.wiring().calendars())));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void servesTheAgendaAsAValidCalendarOfTheCommunitysListedEventsOnly() {
    // given
    Events.publish(chat, "paris-tech", "Apéro blogueurs", "2026-12-03T19:00");
    Events.publish(chat, "paris-tech", "Jeudi code", "2026-12-03T12:00", "FREQ=WEEKLY;BYDAY=TH");
    Events.publish(chat, "lyon-tech", "Lyon only", "2026-12-03T19:00");
    alice.send("/suggest Pending idea | vendredi 19h | Paris");

    // when
    HttpResponse<String> feed = get(path(alice.send("/calendar")), null);

    // then
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
    assertThat(feed.headers().firstValue("ETag")).isPresent();
    IcsChecks.valid(feed.body());
    assertThat(feed.body())
        .contains("SUMMARY:Apéro blogueurs", "SUMMARY:Jeudi code", "RRULE:FREQ=WEEKLY;BYDAY=TH")
        .doesNotContain("Lyon only")
        .doesNotContain("Pending idea");
  }

  @Test
  void answersNotModifiedWhileTheFeedIsUnchangedAndTheNewFeedOnceItChanges() {
    // given
    Event event = Events.publish(chat, "paris-tech", "Apéro blogueurs", "2026-12-03T19:00");
    String path = path(alice.send("/calendar"));
    String etag = get(path, null).headers().firstValue("ETag").orElseThrow();

    // when
    HttpResponse<String> unchanged = get(path, etag);
    chat.as("mona")
        .withRole(Role.MODERATOR)
        .in("paris-tech")
        .send("/edit " + event.id() + " title Apéro des blogueurs");
    HttpResponse<String> changed = get(path, etag);

    // then
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(unchanged.headers().firstValue("ETag")).hasValue(etag);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    assertThat(IcsChecks.valid(changed.body()).toString()).contains("SEQUENCE:1");
  }

  @Test
  void servesAMembersFeedUntilTheyResetItThenOnlyTheNewAddress() {
    // given
    Event event = Events.publish(chat, "paris-tech", "Apéro blogueurs", "2026-12-03T19:00");
    alice.send("/going " + event.id());
    String old = path(alice.send("/calendar mine"));
    HttpResponse<String> before = get(old, null);

    // when
    String renewed = path(alice.send("/calendar reset"));

    // then
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(IcsChecks.valid(before.body()).toString()).contains("SUMMARY:Apéro blogueurs");
    assertThat(get(old, null).statusCode()).isEqualTo(404);
    HttpResponse<String> after = get(renewed, null);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).isEqualTo(before.body());
  }

  @Test
  void noFeedNamesAMemberAndEachMembersFeedHoldsOnlyTheirOwnDates() {
    // given: alice shows her name, bob does not; each goes to one event
    Event apero = Events.publish(chat, "paris-tech", "Apéro blogueurs", "2026-12-03T19:00");
    Event coffee = Events.publish(chat, "paris-tech", "OpenCoffee", "2026-12-04T08:30");
    Chat.Member bob = chat.as("bob").in("paris-tech");
    alice.send("/visible on");
    alice.send("/going " + apero.id());
    bob.send("/going " + coffee.id());
    Chat.Said mine = alice.send("/calendar mine");

    // when
    String alices = get(path(mine), null).body();
    String bobs = get(path(bob.send("/calendar mine")), null).body();
    String agenda = get(path(alice.send("/calendar")), null).body();

    // then
    assertThat(mine.reply().visibility().personal()).isTrue();
    assertThat(IcsChecks.valid(alices).toString())
        .contains("SUMMARY:Apéro blogueurs")
        .doesNotContain("OpenCoffee");
    assertThat(IcsChecks.valid(bobs).toString())
        .contains("SUMMARY:OpenCoffee")
        .doesNotContain("Apéro blogueurs");
    for (String feed : List.of(alices, bobs, agenda)) {
      assertThat(feed).doesNotContain("ATTENDEE").doesNotContain("alice").doesNotContain("bob");
    }
    assertThat(path(mine)).isNotEqualTo(path(bob.send("/calendar mine")));
  }

  @Test
  void answersNotFoundForAnAddressThatOpensNoFeed() {
    assertThat(get("/calendar/AAAAAAAAAAAAAAAAAAAAAA.ics", null).statusCode()).isEqualTo(404);
    assertThat(get("/calendar/not-a-token.ics", null).statusCode()).isEqualTo(404);
    assertThat(get("/calendar/AAAAAAAAAAAAAAAAAAAAAA", null).statusCode()).isEqualTo(404);
  }

  private static String path(Chat.Said said) {
    Matcher matcher = FEED.matcher(said.text());
    assertThat(matcher.find()).as("a feed address in %s", said.text()).isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> get(String path, String ifNoneMatch) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(60))
            .GET();
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
