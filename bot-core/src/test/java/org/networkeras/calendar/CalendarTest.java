package org.networkeras.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.networkeras.calendar.IcsChecks.events;
import static org.networkeras.calendar.IcsChecks.property;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.catalog.Event;
import org.networkeras.chat.Attachment;
import org.networkeras.chat.Role;
import org.networkeras.chat.Visibility;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;

/** "Add to calendar" on event cards, and {@code /calendar} with the feeds it gives addresses of. */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class CalendarTest {

  private static final CalendarSettings SERVED =
      new CalendarSettings(true, URI.create("https://agenda.example.org/"));
  private static final Pattern FEED =
      Pattern.compile("https://agenda\\.example\\.org/calendar/([A-Za-z0-9_-]{22})\\.ics");

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;
  private Chat.Member mona;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    chat = Chat.on(database).at("2026-11-26T10:00").withCalendars(SERVED);
    alice = chat.as("alice").in("paris-tech");
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void addToCalendarAnswersPrivatelyWithTheEventsIcsFile() {
    // given
    Event event = Events.publish(chat, "paris-tech", "Apéro blogueurs", "2026-12-03T19:00");
    Chat.Said card = alice.send("/event " + event.id());

    // when
    Chat.Said pressed = alice.press(card, "Add to calendar");

    // then
    assertThat(pressed.reply().visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(pressed.text()).contains("Apéro blogueurs");
    assertThat(pressed.reply().attachments()).hasSize(1);
    Attachment file = pressed.reply().attachments().get(0);
    assertThat(file.fileName()).isEqualTo("event-" + event.id() + ".ics");
    assertThat(file.mediaType()).isEqualTo("text/calendar");
    String text = new String(file.content(), StandardCharsets.UTF_8);
    var vevent = events(IcsChecks.valid(text)).get(0);
    assertThat(property(vevent, "UID")).isEqualTo(event.id() + "@agenda.example.org");
    assertThat(property(vevent, "SUMMARY")).isEqualTo("Apéro blogueurs");
    assertThat(text).contains("DTSTART;TZID=Europe/Paris:20261203T190000");
  }

  @Test
  void theFilesSequenceGrowsWithEachEditAndACancelledEventSaysSo() {
    // given
    Event event = Events.publish(chat, "paris-tech", "Apéro blogueurs", "2026-12-03T19:00");
    String token = "ics:" + event.id();
    assertThat(sequence(alice.pressToken(token))).isEqualTo("0");

    // when
    mona.send("/edit " + event.id() + " title Apéro des blogueurs");
    Chat.Said afterEdit = alice.pressToken(token);
    mona.send("/cancel_event " + event.id());
    Chat.Said afterCancel = alice.pressToken(token);

    // then
    assertThat(sequence(afterEdit)).isEqualTo("1");
    assertThat(sequence(afterCancel)).isEqualTo("2");
    var cancelled = events(IcsChecks.valid(ics(afterCancel))).get(0);
    assertThat(property(cancelled, "STATUS")).isEqualTo("CANCELLED");
    assertThat(property(cancelled, "SUMMARY")).isEqualTo("Apéro des blogueurs");
  }

  @Test
  void aDateOfASeriesGivesAFileOfThatDate() {
    // given
    Event series =
        Events.publish(
            chat, "paris-tech", "Jeudi code", "2026-12-03T19:00", "FREQ=WEEKLY;BYDAY=TH");
    Chat.Said card = alice.send("/event " + series.id() + "-1210");

    // when
    Chat.Said pressed = alice.press(card, "Add to calendar");

    // then
    String text = ics(pressed);
    var vevent = events(IcsChecks.valid(text)).get(0);
    assertThat(property(vevent, "UID")).isEqualTo(series.id() + "-20261210@agenda.example.org");
    assertThat(text).contains("DTSTART;TZID=Europe/Paris:20261210T190000");
  }

  @Test
  void aPendingSuggestionHasNoFile() {
    // given
    String said = alice.send("/suggest Apéro blogueurs | jeudi 19h | Paris").text();
    String id = said.replaceAll("(?s).*Suggestion (\\d+) now.*", "$1");

    // when
    Chat.Said moderatorsCard = mona.send("/event " + id);
    Chat.Said pressed = alice.pressToken("ics:" + id);

    // then
    assertThat(moderatorsCard.reply().allButtons())
        .noneMatch(b -> b.label().equals("Add to calendar"));
    assertThat(pressed.reply().attachments()).isEmpty();
  }

  @Test
  void helpListsCalendar() {
    assertThat(alice.send("/help").text()).contains("/calendar");
  }

  @Test
  void calendarSaysWhenTheBotServesNoFeeds() {
    // given
    chat.withCalendars(CalendarSettings.OFF);

    // when
    Chat.Said said = alice.send("/calendar");

    // then
    assertThat(said.text()).contains("not available").contains("http.port");
  }

  @Test
  void calendarGivesTheAgendaAddressAndMineAPrivateOneThatResetReplaces() {
    // given
    Events.publish(chat, "paris-tech", "Apéro blogueurs", "2026-12-03T19:00");

    // when
    Chat.Said agenda = alice.send("/calendar");
    Chat.Said mine = alice.send("/calendar mine");
    Chat.Said again = alice.send("/calendar mine");
    Chat.Said reset = alice.send("/calendar reset");

    // then
    assertThat(agenda.reply().visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(mine.reply().visibility()).isEqualTo(Visibility.SECRET);
    assertThat(reset.reply().visibility()).isEqualTo(Visibility.SECRET);
    String agendaToken = token(agenda);
    String mineToken = token(mine);
    String resetToken = token(reset);
    assertThat(token(again)).isEqualTo(mineToken);
    assertThat(mineToken).isNotEqualTo(agendaToken);
    assertThat(resetToken).isNotIn(mineToken, agendaToken);
    CalendarService calendars = chat.wiring().calendars();
    assertThat(calendars.feed(mineToken)).isEmpty();
    assertThat(calendars.feed(resetToken)).isPresent();
    assertThat(calendars.feed(agendaToken).orElseThrow()).contains("SUMMARY:Apéro blogueurs");
  }

  @Test
  void feedsHoldOnlyTheCommunitysListedEventsAndMineOnlyWhatIAmGoingTo() {
    // given
    Event going = Events.publish(chat, "paris-tech", "Apéro blogueurs", "2026-12-03T19:00");
    Events.publish(chat, "paris-tech", "Soirée jeux", "2026-12-04T19:00");
    Events.publish(chat, "lyon-tech", "Lyon only", "2026-12-03T19:00");
    Events.publish(chat, "paris-tech", "Jeudi code", "2026-12-03T12:00", "FREQ=WEEKLY;BYDAY=TH");
    alice.send("/suggest Pending idea | vendredi 19h | Paris");
    alice.send("/going " + going.id());
    CalendarService calendars = chat.wiring().calendars();

    // when
    String agenda = calendars.feed(token(alice.send("/calendar"))).orElseThrow();
    String mine = calendars.feed(token(alice.send("/calendar mine"))).orElseThrow();
    String monas = calendars.feed(token(mona.send("/calendar mine"))).orElseThrow();

    // then
    IcsChecks.valid(agenda);
    IcsChecks.valid(mine);
    IcsChecks.valid(monas);
    assertThat(agenda)
        .contains("SUMMARY:Apéro blogueurs", "SUMMARY:Soirée jeux", "SUMMARY:Jeudi code")
        .contains("RRULE:FREQ=WEEKLY;BYDAY=TH")
        .contains("X-WR-CALNAME:paris-tech")
        .doesNotContain("Lyon only")
        .doesNotContain("Pending idea");
    assertThat(events(IcsChecks.valid(mine)))
        .extracting(e -> property(e, "SUMMARY"))
        .containsExactly("Apéro blogueurs");
    assertThat(mine).contains("X-WR-CALNAME:paris-tech: my events");
    assertThat(events(IcsChecks.valid(monas))).isEmpty();
  }

  private static String token(Chat.Said said) {
    Matcher matcher = FEED.matcher(said.text());
    assertThat(matcher.find()).as("a feed address in %s", said.text()).isTrue();
    return matcher.group(1);
  }

  private static String ics(Chat.Said said) {
    assertThat(said.reply().attachments()).as("%s", said.text()).hasSize(1);
    return new String(said.reply().attachments().get(0).content(), StandardCharsets.UTF_8);
  }

  private static String sequence(Chat.Said said) {
    return property(events(IcsChecks.valid(ics(said))).get(0), "SEQUENCE");
  }
}
