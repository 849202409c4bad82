package org.networkeras.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.networkeras.imports.FeedReaderTest.fixture;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;
import org.networkeras.testing.RecordingGateway;

/**
 * {@code /import}: a moderator follows a calendar served on loopback, and the feed's events come
 * in, change, and go, as members see them.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class ImportTest {

  private static final ImportSettings LOOPBACK_ALLOWED =
      ImportSettings.DEFAULT.allowingPrivateAddresses(true);

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private FeedServer server;
  private Chat chat;
  private Chat.Member alice;
  private Chat.Member mona;
  private Chat.Member admin;

  @BeforeEach
  void openChat() throws Exception {
    database = backend.open(tempDir);
    server = new FeedServer();
    chat = Chat.on(database).at("2026-11-26T10:00").withImports(LOOPBACK_ALLOWED);
    alice = chat.as("alice").in("paris-tech");
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
    admin = chat.as("ada").withRole(Role.ADMIN).in("paris-tech");
  }

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private void open() {
    assertThat(admin.send("/settings mode open").text()).contains("open");
  }

  private List<Event> events(EventStatus... statuses) {
    long community = chat.community("paris-tech").id();
    return database
        .events()
        .findSingles(
            community,
            java.time.Instant.parse("2026-01-01T00:00:00Z"),
            java.time.Instant.parse("2027-06-01T00:00:00Z"),
            EnumSet.of(statuses[0], statuses));
  }

  private Event single(String title) {
    return events(EventStatus.PUBLISHED, EventStatus.SUGGESTED, EventStatus.CANCELLED).stream()
        .filter(e -> e.title().equals(title))
        .reduce(
            (a, b) -> {
              throw new AssertionError("two events titled " + title);
            })
        .orElseThrow(() -> new AssertionError("no event titled " + title));
  }

  /** Moves the clock by an hour and runs what the hourly task runs. */
  private int nextHour() {
    chat.advance(Duration.ofHours(1));
    return chat.wiring().imports().runDue(chat.clock().instant());
  }

  @Test
  void aModeratorImportsAFeedAndAnOpenCommunityListsItsEvents() {
    // given
    open();
    server.serve("/google.ics", fixture("google.ics"));

    // when
    Chat.Said said = mona.send("/import " + server.url("/google.ics"));

    // then
    assertThat(said.text()).contains("I found 2 events: 2 new, 0 already in our agenda");
    Event apero = single("Apéro blogueurs");
    assertThat(apero.status()).isEqualTo(EventStatus.PUBLISHED);
    assertThat(apero.family()).isEqualTo(org.networkeras.catalog.Family.BLOGGERS);
    assertThat(apero.city()).isEqualTo("Paris");
    assertThat(apero.venue()).isEqualTo("La Cantine");
    assertThat(apero.source()).isEqualTo("import");
    assertThat(alice.send("/events december").text()).contains("Apéro blogueurs");
    // the series, its EXDATE cancelled and its RECURRENCE-ID override moved
    String series = alice.send("/events december").text();
    assertThat(series).contains("Atelier blog du mardi (spécial Noël)");
    Event atelier =
        database
            .events()
            .findSeries(
                chat.community("paris-tech").id(),
                java.time.Instant.parse("2027-06-01T00:00:00Z"),
                EnumSet.allOf(EventStatus.class))
            .stream()
            .filter(e -> e.title().equals("Atelier blog du mardi"))
            .findFirst()
            .orElseThrow();
    assertThat(atelier.city()).isEqualTo("Lyon");
    var dates = chat.wiring().catalog().dates(atelier);
    assertThat(dates.get(java.time.LocalDate.of(2026, 12, 15)).cancelled()).isTrue();
    assertThat(dates.get(java.time.LocalDate.of(2026, 12, 8)).start())
        .isEqualTo(LocalDateTime.parse("2026-12-08T19:00").atZone(Chat.PARIS).toInstant());
    assertThat(mona.send("/import list").text())
        .contains("1. " + server.url("/google.ics"))
        .contains("last fetched")
        .contains("fine");
  }

  @Test
  void aFewNewEventsAreAnnouncedAndAWholeAgendaArrivesQuietly() {
    // given
    open();
    server.serve("/luma.ics", fixture("luma.ics"));
    StringBuilder agenda = new StringBuilder("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\n");
    for (int day = 10; day < 16; day++) {
      agenda.append(
          "BEGIN:VEVENT\nUID:barcamp-"
              + day
              + "@example.org\nSUMMARY:Barcamp numéro "
              + day
              + "\nDTSTART:202612"
              + day
              + "T090000Z\nLOCATION:Paris\nEND:VEVENT\n");
    }
    server.serve("/agenda.ics", agenda.append("END:VCALENDAR\n").toString());
    admin.send("/settings announce here");
    int mark = chat.sent().size();

    // when
    mona.send("/import " + server.url("/luma.ics"));
    List<RecordingGateway.Sent> few = chat.sentSince(mark);
    int second = chat.sent().size();
    String many = mona.send("/import " + server.url("/agenda.ics")).text();

    // then
    assertThat(few)
        .filteredOn(s -> s.to().equals("console:paris-tech"))
        .singleElement()
        .satisfies(s -> assertThat(s.text()).contains("New in the agenda").contains("Barcamp IA"));
    assertThat(many).contains("I found 6 events: 6 new");
    assertThat(chat.sentSince(second)).isEmpty();
    assertThat(alice.send("/events december").text()).contains("Barcamp numéro 15");
  }

  @Test
  void inAModeratedCommunityImportedEventsWaitForReview() {
    // given a moderated community (the default) and mona known as a moderator
    mona.send("/review");
    server.serve("/meetup.ics", fixture("meetup.ics"));
    int mark = chat.sent().size();

    // when
    mona.send("/import " + server.url("/meetup.ics"));

    // then
    Event soiree = single("Soirée networking entrepreneurs");
    assertThat(soiree.status()).isEqualTo(EventStatus.SUGGESTED);
    assertThat(soiree.venue()).isEqualTo("WeWork Lafayette");
    assertThat(soiree.city()).isEqualTo("Paris");
    assertThat(soiree.link())
        .isEqualTo("https://www.meetup.com/paris-networking/events/312345678/");
    assertThat(alice.send("/events december").text()).doesNotContain("Soirée networking");
    assertThat(mona.send("/review").text()).contains("Soirée networking entrepreneurs");
    assertThat(chat.sentSince(mark))
        .anySatisfy(s -> assertThat(s.text()).contains("New suggestion from 127.0.0.1"));
  }

  @Test
  void aChangedEventMovesAndThoseGoingAreTold() {
    // given
    open();
    server.serve("/google.ics", fixture("google.ics"));
    mona.send("/import " + server.url("/google.ics"));
    Event apero = single("Apéro blogueurs");
    alice.send("/going " + apero.id());
    int mark = chat.sent().size();

    // when the feed moves it an hour later
    server.serve(
        "/google.ics",
        fixture("google.ics")
            .replace("20261203T190000", "20261203T200000")
            .replace("20261203T220000", "20261203T230000"));
    int fetched = nextHour();

    // then
    assertThat(fetched).isEqualTo(1);
    Event moved = single("Apéro blogueurs");
    assertThat(moved.id()).isEqualTo(apero.id());
    assertThat(moved.start())
        .isEqualTo(LocalDateTime.parse("2026-12-03T20:00").atZone(Chat.PARIS).toInstant());
    List<RecordingGateway.Sent> told = chat.sentSince(mark);
    assertThat(told)
        .filteredOn(s -> s.direct() && s.to().equals("console:alice"))
        .singleElement()
        .satisfies(s -> assertThat(s.text()).contains("Changed, please note").contains("Apéro"));
    // nobody else is pinged: no announcement, no mention
    assertThat(told).allSatisfy(s -> assertThat(s.text()).doesNotContain("@"));
  }

  @Test
  void aCancelledAndThenVanishedEventIsCancelledWithNotices() {
    // given
    open();
    server.serve("/luma.ics", fixture("luma.ics"));
    Chat.Said said = mona.send("/import " + server.url("/luma.ics"));
    // the cancelled entry is not brought in
    assertThat(said.text()).contains("I found 2 events: 1 new");
    Event barcamp = single("Barcamp IA & tech");
    assertThat(barcamp.status()).isEqualTo(EventStatus.PUBLISHED);
    alice.send("/going " + barcamp.id());
    int mark = chat.sent().size();

    // when the feed cancels it
    server.serve(
        "/luma.ics", fixture("luma.ics").replaceFirst("STATUS:CONFIRMED", "STATUS:CANCELLED"));
    nextHour();

    // then
    assertThat(single("Barcamp IA & tech").status()).isEqualTo(EventStatus.CANCELLED);
    assertThat(chat.sentSince(mark))
        .filteredOn(s -> s.direct() && s.to().equals("console:alice"))
        .singleElement()
        .satisfies(s -> assertThat(s.text()).contains("Cancelled, sorry").contains("Barcamp"));
  }

  @Test
  void anEventTheFeedNoLongerListsIsCancelled() {
    // given
    open();
    server.serve("/meetup.ics", fixture("meetup.ics"));
    mona.send("/import " + server.url("/meetup.ics"));
    Event soiree = single("Soirée networking entrepreneurs");
    assertThat(soiree.status()).isEqualTo(EventStatus.PUBLISHED);
    alice.send("/going " + soiree.id());
    int mark = chat.sent().size();

    // when
    String empty =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Meetup//RemoteApi//EN\r\nEND:VCALENDAR\r\n";
    server.serve("/meetup.ics", empty);
    nextHour();

    // then
    assertThat(single("Soirée networking entrepreneurs").status()).isEqualTo(EventStatus.CANCELLED);
    assertThat(chat.sentSince(mark))
        .anySatisfy(
            s -> {
              assertThat(s.to()).isEqualTo("console:alice");
              assertThat(s.text()).contains("Cancelled, sorry");
            });
  }

  @Test
  void aModeratorsEditOfAnImportedEventStaysWhileTheFeedDoesNotChangeIt() {
    // given
    open();
    server.serve("/google.ics", fixture("google.ics"));
    mona.send("/import " + server.url("/google.ics"));
    Event apero = single("Apéro blogueurs");
    mona.send("/edit " + apero.id() + " title Apéro des blogueurs de Paris");
    // the feed changes another entry only (and so its ETag)
    server.serve(
        "/google.ics", fixture("google.ics").replace("Atelier blog du mardi\n", "Atelier blog\n"));

    // when
    nextHour();

    // then
    assertThat(single("Apéro des blogueurs de Paris").id()).isEqualTo(apero.id());
    assertThat(alice.send("/events december").text()).contains("Atelier blog ·");
  }

  @Test
  void aFeedDatedByLastModifiedIsAskedIfModifiedSinceAndFollowedWhenItChanges() {
    // given a host that sends Last-Modified and no ETag
    open();
    server.serveDated("/dated.ics", fixture("google.ics"), "Wed, 25 Nov 2026 08:00:00 GMT");
    mona.send("/import " + server.url("/dated.ics"));
    int before = events(EventStatus.PUBLISHED).size();

    // when an hour passes, then the feed changes and another hour passes
    nextHour();
    FeedServer.Request unchanged = server.requests().get(server.requests().size() - 1);
    server.serveDated(
        "/dated.ics",
        fixture("google.ics").replace("Atelier blog du mardi\n", "Atelier blog\n"),
        "Thu, 26 Nov 2026 09:30:00 GMT");
    nextHour();
    FeedServer.Request changed = server.requests().get(server.requests().size() - 1);

    // then the date went back, the host answered 304, then the change came through
    assertThat(unchanged.ifModifiedSince())
        .as(server.requests().toString())
        .isEqualTo("Wed, 25 Nov 2026 08:00:00 GMT");
    assertThat(unchanged.ifNoneMatch()).isNull();
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(events(EventStatus.PUBLISHED)).hasSize(before);
    assertThat(changed.ifModifiedSince()).isEqualTo("Wed, 25 Nov 2026 08:00:00 GMT");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(alice.send("/events december").text()).contains("Atelier blog ·");
    nextHour();
    assertThat(server.requests().get(server.requests().size() - 1).ifModifiedSince())
        .isEqualTo("Thu, 26 Nov 2026 09:30:00 GMT");
  }

  @Test
  void anUnchangedFeedIsAnsweredNotModifiedAndChangesNothing() {
    // given
    open();
    server.serve("/google.ics", fixture("google.ics"));
    mona.send("/import " + server.url("/google.ics"));
    int before = events(EventStatus.PUBLISHED).size();

    // when
    nextHour();

    // then the validator went back and the server answered 304
    FeedServer.Request last = server.requests().get(server.requests().size() - 1);
    assertThat(last.ifNoneMatch()).as(server.requests().toString()).isEqualTo("\"v1\"");
    assertThat(last.status()).isEqualTo(304);
    assertThat(events(EventStatus.PUBLISHED)).hasSize(before);
    assertThat(mona.send("/import list").text()).contains("unchanged since the fetch before");
  }

  @Test
  void theSchedulersTaskFetchesTheFeedsThatAreDue() {
    // given
    open();
    server.serve("/google.ics", fixture("google.ics"));
    mona.send("/import " + server.url("/google.ics"));
    server.serve(
        "/google.ics", fixture("google.ics").replace("Apéro blogueurs", "Apéro des blogueurs"));
    @SuppressWarnings("unchecked")
    com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> task =
        (com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void>)
            chat.wiring().recurringTasks().stream()
                .filter(t -> t.getName().equals("calendar-imports"))
                .findFirst()
                .orElseThrow();

    // when the task runs before the hour, then after it (its handler ignores its arguments)
    task.execute(null, null);
    String early = alice.send("/events december").text();
    chat.advance(Duration.ofHours(1));
    task.execute(null, null);

    // then
    assertThat(early).contains("Apéro blogueurs");
    assertThat(alice.send("/events december").text()).contains("Apéro des blogueurs");
  }

  @Test
  void aFeedIsNotFetchedAgainBeforeAnHour() {
    // given
    server.serve("/google.ics", fixture("google.ics"));
    mona.send("/import " + server.url("/google.ics"));

    // when
    chat.advance(Duration.ofMinutes(59));
    int fetched = chat.wiring().imports().runDue(chat.clock().instant());

    // then
    assertThat(fetched).isZero();
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aFeedLargerThanTheLimitIsRefused() {
    // given
    chat.withImports(LOOPBACK_ALLOWED.withMaxBytes(1024));
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
    server.serve("/google.ics", fixture("google.ics"));

    // when
    Chat.Said said = mona.send("/import " + server.url("/google.ics"));

    // then
    assertThat(said.text()).contains("I did not add this calendar: the file is larger than 1 KB.");
    assertThat(mona.send("/import list").text()).contains("We follow no calendar");
  }

  @Test
  void theLocalNetworkIsRefusedUnlessTheOperatorAllowsIt() {
    // given the default settings
    chat.withImports(ImportSettings.DEFAULT);
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
    server.serve("/google.ics", fixture("google.ics"));

    // when
    String literal = mona.send("/import " + server.url("/google.ics")).text();
    String named = mona.send("/import " + server.localhostUrl("/google.ics")).text();

    // then neither reached the server
    assertThat(literal).contains("is on a private network");
    assertThat(named).contains("localhost is on a private network");
    assertThat(server.requests()).isEmpty();
    assertThat(events(EventStatus.PUBLISHED, EventStatus.SUGGESTED)).isEmpty();
  }

  @Test
  void aHostThatNeverAnswersTimesOut() {
    // given short timeouts, so that the test does not wait 40 s
    chat.withImports(
        new ImportSettings(
            true, 2L * 1024 * 1024, 2000, Duration.ofSeconds(1), Duration.ofSeconds(1), 3));
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
    server.hang("/slow.ics");

    // when
    String said = mona.send("/import " + server.url("/slow.ics")).text();

    // then
    assertThat(said).contains("I did not add this calendar").contains("took too long to answer");
  }

  @Test
  void aHostThatNeverAnswersDelaysOnlyItsOwnCommunitysImport() throws Exception {
    // given a moderator of another community waiting on a host that does not answer
    open();
    server.hang("/slow.ics");
    server.serve("/google.ics", fixture("google.ics"));
    Chat.Member zoe = chat.as("zoe").withRole(Role.MODERATOR).in("lyon-tech");
    java.util.concurrent.ExecutorService elsewhere =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<String> slow =
          elsewhere.submit(() -> zoe.send("/import " + server.url("/slow.ics")).text());
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> server.requests().stream().anyMatch(r -> r.path().equals("/slow.ics")));

      // when
      String said = mona.send("/import " + server.url("/google.ics")).text();

      // then this community's import was answered while the other still waits on its host
      assertThat(said).contains("I found 2 events: 2 new");
      assertThat(slow.isDone()).isFalse();
      server.dropHanging();
      assertThat(slow.get(60, java.util.concurrent.TimeUnit.SECONDS))
          .contains("I did not add this calendar");
    } finally {
      server.dropHanging();
      elsewhere.shutdownNow();
    }
  }

  @Test
  void redirectsAreFollowedThreeTimesAtMost() {
    // given
    server.serve("/google.ics", fixture("google.ics"));
    server.redirect("/r1", "/r2");
    server.redirect("/r2", "/r3");
    server.redirect("/r3", "/google.ics");
    server.redirect("/r0", "/r1");

    // when
    String four = mona.send("/import " + server.url("/r0")).text();
    String three = mona.send("/import " + server.url("/r1")).text();

    // then
    assertThat(four).contains("redirects more than 3 times");
    assertThat(three).contains("I found 2 events");
  }

  @Test
  void aMalformedFileIsReportedWithItsLineAndTheFeedKeepsItsEvents() {
    // given a feed already followed
    open();
    server.serve("/google.ics", fixture("google.ics"));
    mona.send("/import " + server.url("/google.ics"));
    int mark = chat.sent().size();

    // when it breaks
    server.serve("/google.ics", fixture("malformed.ics"));
    nextHour();

    // then
    assertThat(single("Apéro blogueurs").status()).isEqualTo(EventStatus.PUBLISHED);
    assertThat(mona.send("/import list").text())
        .contains("failed")
        .contains("Last error: the file is not a valid calendar: it breaks at line 8.");
    assertThat(chat.sentSince(mark))
        .filteredOn(s -> s.to().equals("console:mona"))
        .singleElement()
        .satisfies(s -> assertThat(s.text()).contains("could not be fetched").contains("line 8"));
    // told once, not every hour while it lasts
    int again = chat.sent().size();
    nextHour();
    assertThat(chat.sentSince(again)).isEmpty();
  }

  @Test
  void aMalformedFileIsNotAddedAndSaysItsLine() {
    server.serve("/broken.ics", fixture("malformed.ics"));

    String said = mona.send("/import " + server.url("/broken.ics")).text();

    assertThat(said).contains("I did not add this calendar").contains("it breaks at line 8");
  }

  @Test
  void anEventTheCommunityAlreadyHasIsLinkedNotDuplicated() {
    // given the same apéro, typed by hand, half an hour off and without accents
    open();
    Event typed = Events.publish(chat, "paris-tech", "APERO BLOGUEURS !", "2026-12-03T19:30");
    server.serve("/google.ics", fixture("google.ics"));

    // when
    String said = mona.send("/import " + server.url("/google.ics")).text();

    // then
    assertThat(said).contains("1 new, 1 already in our agenda");
    assertThat(events(EventStatus.PUBLISHED))
        .filteredOn(e -> e.title().toLowerCase().contains("blogueurs"))
        .extracting(Event::id)
        .containsExactly(typed.id());
  }

  @Test
  void importAnswersEveryBadInput() {
    server.serve("/google.ics", fixture("google.ics"));

    assertThat(alice.send("/import " + server.url("/google.ics")).text())
        .contains("Only moderators and admins can use /import");
    assertThat(mona.send("/import ftp://example.org/cal.ics").text())
        .contains("is not a calendar address I can follow");
    assertThat(mona.send("/import cal.ics").text())
        .contains("is not a calendar address I can follow");
    assertThat(mona.send("/import list").text()).contains("We follow no calendar");
    mona.send("/import " + server.url("/google.ics"));
    assertThat(mona.send("/import " + server.url("/google.ics")).text())
        .contains("We already follow this calendar");
    assertThat(mona.send("/import remove two").text()).contains("Give its number");
    assertThat(mona.send("/import remove 3").text()).contains("There is only one calendar");
    assertThat(mona.send("/import remove 1").text())
        .contains("We no longer follow calendar 1")
        .contains(server.url("/google.ics"));
    assertThat(mona.send("/import list").text()).contains("We follow no calendar");
    // its events stay
    assertThat(single("Apéro blogueurs").status()).isEqualTo(EventStatus.SUGGESTED);
  }

  @Test
  void frenchCommunitiesAreAnsweredInFrench() {
    server.serve("/outlook.ics", fixture("outlook.ics"));
    Chat.Member monique =
        chat.as("monique")
            .withRole(Role.MODERATOR)
            .withLocale(java.util.Locale.FRENCH)
            .in("paris-tech");

    String said = monique.send("/import " + server.url("/outlook.ics")).text();

    assertThat(said).contains("J’y ai trouvé 2 événements : 2 nouveaux");
    assertThat(monique.send("/import liste").text()).contains("Calendriers suivis (1)");
    Event launch = single("Lancement marque Lumière");
    assertThat(launch.start())
        .isEqualTo(LocalDateTime.parse("2026-12-11T18:30").atZone(Chat.PARIS).toInstant());
    assertThat(launch.city()).isEqualTo("Paris");
    assertThat(single("Salon des blogueurs").city()).isEqualTo("Lille");
  }
}
