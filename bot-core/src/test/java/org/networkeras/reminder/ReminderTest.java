package org.networkeras.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;
import org.networkeras.testing.RecordingGateway;

/**
 * Reminders as members get them: offsets and their precedence, quiet hours, summer time, edits,
 * cancellations, changed answers, closed direct messages, and /mine.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class ReminderTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;
  private Chat.Member bob;
  private Chat.Member mona;
  private String ref;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris; the event is a week later at 19:00
    chat = Chat.on(database).at("2026-11-26T10:00");
    alice = chat.as("alice").in("paris-tech");
    bob = chat.as("bob").in("paris-tech");
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
    ref = Long.toString(Events.publish(chat, "paris-tech", "Apéro web", "2026-12-03T19:00").id());
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void remindsAGoingMemberADayAndTwoHoursBeforeByDefault() {
    // given
    alice.send("/going " + ref);

    // when
    List<RecordingGateway.Sent> early = deliverAt("2026-12-02T18:59");
    List<RecordingGateway.Sent> dayBefore = deliverAt("2026-12-02T19:00");
    List<RecordingGateway.Sent> twoHoursBefore = deliverAt("2026-12-03T17:00");
    List<RecordingGateway.Sent> atTheStart = deliverAt("2026-12-03T19:00");

    // then
    assertThat(early).isEmpty();
    assertThat(dayBefore)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.direct()).isTrue();
              assertThat(s.to()).isEqualTo("console:alice");
              assertThat(s.text()).contains("Reminder:").contains("Apéro web").contains(ref);
            });
    assertThat(twoHoursBefore).singleElement().satisfies(s -> assertThat(s.direct()).isTrue());
    assertThat(atTheStart).isEmpty();
  }

  @Test
  void remindsInterestedMembersButNotThoseNotGoing() {
    // given
    alice.send("/interested " + ref);
    bob.send("/going " + ref);
    bob.send("/notgoing " + ref);

    // when
    List<RecordingGateway.Sent> sent = deliverAt("2026-12-02T19:00");

    // then
    assertThat(sent).extracting(RecordingGateway.Sent::to).containsExactly("console:alice");
  }

  @Test
  void prefersTheEventChoiceThenTheMemberDefaultsThenTheCommunity() {
    // given the community reminds 3 hours before
    chat.as("ada").withRole(Role.ADMIN).in("paris-tech").send("/settings reminders 3h");
    Chat.Member carol = chat.as("carol").in("paris-tech");
    alice.send("/going " + ref);
    alice.send("/reminders 1d");
    alice.send("/remind " + ref + " 30m");
    bob.send("/going " + ref);
    bob.send("/reminders 1d");
    carol.send("/going " + ref);

    // when
    String aliceMine = alice.send("/mine").isoText();
    String bobMine = bob.send("/mine").isoText();
    String carolMine = carol.send("/mine").isoText();

    // then
    assertThat(aliceMine).contains("Reminders: 2026-12-03T18:30+01:00").doesNotContain("12-02");
    assertThat(bobMine).contains("Reminders: 2026-12-02T19:00+01:00").doesNotContain("16:00");
    assertThat(carolMine).contains("Reminders: 2026-12-03T16:00+01:00");
  }

  @Test
  void anHourAndItsMinutesAreOneReminderOfSeventyMinutes() {
    // given
    alice.send("/going " + ref);
    bob.send("/going " + ref);

    // when
    alice.send("/remind " + ref + " 1h 10m");
    bob.send("/remind " + ref + " 1h10");

    // then one reminder each, at 17:50, and none at 18:00 or 18:50
    assertThat(alice.send("/mine").isoText())
        .contains("Reminders: 2026-12-03T17:50+01:00")
        .doesNotContain("18:00+01:00")
        .doesNotContain("18:50+01:00");
    assertThat(bob.send("/mine").isoText()).contains("Reminders: 2026-12-03T17:50+01:00");
    assertThat(bob.send("/mine").isoText()).doesNotContain("18:50+01:00");
  }

  @Test
  void remindersAreTypedAndShownInTheMembersLanguage() {
    // given
    Chat.Member amelie = chat.as("amelie").withLocale(java.util.Locale.FRENCH).in("paris-tech");

    // when
    Chat.Said days = amelie.send("/reminders 1j 2h");
    Chat.Said quiet = amelie.send("/reminders calme 22h-8h");
    Chat.Said english = alice.send("/reminders 1d 2h");

    // then
    assertThat(days.text()).contains("Vos rappels : 1 j, 2 h.").doesNotContain("1d");
    assertThat(quiet.text()).contains("Heures calmes : 22:00-08:00");
    assertThat(quiet.text())
        .contains("/reminders aucun")
        .contains("/reminders défaut")
        .doesNotContain("default")
        .doesNotContain("quiet");
    assertThat(english.text()).contains("Your reminders: 1d, 2h.");
  }

  @Test
  void quietHoursAcceptHoursWrittenTheFrenchWay() {
    // when
    Chat.Said said = alice.send("/reminders quiet 22h-8h");

    // then
    assertThat(said.text()).contains("22:00-08:00").doesNotContain("is not a time range");
  }

  @Test
  void turnsRemindersOffForAMember() {
    // given
    alice.send("/going " + ref);

    // when
    alice.send("/reminders off");

    // then
    assertThat(deliverAt("2026-12-03T18:00")).isEmpty();
    assertThat(alice.send("/mine").text()).contains("No reminder planned.");
  }

  @Test
  void skipsOffsetsAlreadyPassedWhenTheAnswerComesLate() {
    // given an event tonight at 20:00; it is 10:00
    String tonight =
        Long.toString(Events.publish(chat, "paris-tech", "Meetup Java", "2026-11-26T20:00").id());

    // when
    alice.send("/going " + tonight);

    // then only the two-hour reminder remains
    assertThat(alice.send("/mine").isoText())
        .contains("Reminders: 2026-11-26T18:00+01:00")
        .doesNotContain("2026-11-25");
    assertThat(deliverAt("2026-11-26T18:00")).hasSize(1);
  }

  @Test
  void holdsRemindersDuringQuietHoursUntilTheyEnd() {
    // given an event at 09:00: its two-hour reminder falls at 07:00, in the quiet hours
    String morning =
        Long.toString(Events.publish(chat, "paris-tech", "Petit-déj", "2026-12-03T09:00").id());
    alice.send("/reminders quiet 22:00-08:00");

    // when
    alice.send("/going " + morning);

    // then
    assertThat(deliverAt("2026-12-03T07:59")).hasSize(1); // the day-before one, at 09:00
    assertThat(deliverAt("2026-12-03T08:00"))
        .singleElement()
        .satisfies(s -> assertThat(s.text()).contains("Petit-déj"));
  }

  @Test
  void dropsAQuietReminderThatWouldWaitPastTheStart() {
    // given an event at 07:30: its two-hour reminder (05:30) would wait until 08:00
    String early =
        Long.toString(Events.publish(chat, "paris-tech", "Run matinal", "2026-12-03T07:30").id());
    alice.send("/reminders quiet 22:00-08:00");

    // when
    alice.send("/going " + early);

    // then the day-before reminder (07:30, quiet) waits until 08:00 that day; none on the day
    assertThat(alice.send("/mine").isoText())
        .contains("Reminders: 2026-12-02T08:00+01:00")
        .doesNotContain("2026-12-03T05:30")
        .doesNotContain("2026-12-03T08:00+01:00,");
    assertThat(deliverAt("2026-12-02T08:00")).hasSize(1);
    assertThat(deliverAt("2026-12-03T07:30")).isEmpty();
  }

  @Test
  void countsADayAsTwentyFourHoursAcrossTheChangeToSummerTime() {
    // given Wednesday 25 March 2026; clocks go forward on Sunday the 29th at 02:00
    chat.at("2026-03-25T10:00");
    String sunday =
        Long.toString(Events.publish(chat, "paris-tech", "Brunch tech", "2026-03-29T10:00").id());
    alice.send("/going " + sunday);
    alice.send("/reminders 1d");

    // when
    List<RecordingGateway.Sent> before = deliverAt("2026-03-28T08:59");
    List<RecordingGateway.Sent> at = deliverAt("2026-03-28T09:00");

    // then 24 hours before 10:00 summer time is 09:00 winter time the day before
    assertThat(before).isEmpty();
    assertThat(at).singleElement().satisfies(s -> assertThat(s.text()).contains("Brunch tech"));
  }

  @Test
  void movesRemindersWhenTheEventTimeIsEdited() {
    // given
    alice.send("/going " + ref);

    // when the event moves a week later
    mona.send("/edit " + ref + " when 10/12/2026 19h");

    // then the old day-before reminder never fires, the new one does
    assertThat(deliverAt("2026-12-02T19:00")).isEmpty();
    assertThat(deliverAt("2026-12-03T17:00")).isEmpty();
    assertThat(deliverAt("2026-12-09T19:00"))
        .singleElement()
        .satisfies(s -> assertThat(s.to()).isEqualTo("console:alice"));
  }

  @Test
  void cancellingTheEventDropsItsRemindersAndTellsThoseGoing() {
    // given
    alice.send("/going " + ref);
    bob.send("/interested " + ref);

    // when
    mona.send("/cancel_event " + ref);
    chat.wiring().delivery().deliverDueNow();

    // then
    assertThat(chat.sent())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.to()).isEqualTo("console:alice");
              assertThat(s.text()).contains("Cancelled").contains("Apéro web");
            });
    assertThat(deliverAt("2026-12-03T18:00")).isEmpty();
  }

  @Test
  void changingToNotGoingCancelsPendingReminders() {
    // given
    alice.send("/going " + ref);
    assertThat(deliverAt("2026-12-02T19:00")).hasSize(1);

    // when
    alice.send("/notgoing " + ref);

    // then
    assertThat(deliverAt("2026-12-03T17:00")).isEmpty();
  }

  @Test
  void answeringAgainNeverResendsAReminderAlreadySent() {
    // given
    alice.send("/going " + ref);
    assertThat(deliverAt("2026-12-02T19:00")).hasSize(1);

    // when
    alice.send("/interested " + ref);
    alice.send("/going " + ref);

    // then
    assertThat(deliverAt("2026-12-02T19:30")).isEmpty();
    assertThat(deliverAt("2026-12-03T17:00")).hasSize(1);
  }

  @Test
  void tellsAMemberWithClosedDirectMessagesOnceInTheGroup() {
    // given
    chat.gateway(Platform.CONSOLE).closeDirectMessages("alice");
    alice.send("/going " + ref);

    // when both reminders fail
    List<RecordingGateway.Sent> first = deliverAt("2026-12-02T19:00");
    List<RecordingGateway.Sent> second = deliverAt("2026-12-03T17:00");

    // then
    assertThat(first)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.direct()).isFalse();
              assertThat(s.to()).isEqualTo("console:paris-tech");
              assertThat(s.text()).contains("alice, I could not send you a reminder");
            });
    assertThat(second).isEmpty();
  }

  @Test
  void sendsAReminderMissedWhileDownAtRestartButNeverAfterTheStart() {
    // given
    alice.send("/going " + ref);

    // when the bot is down from before the day-before reminder until an hour after it
    chat.at("2026-12-02T20:00");
    chat.wiring().delivery().deliverDueNow();
    List<RecordingGateway.Sent> late = chat.sent();
    // and down again over the two-hour reminder until after the start
    chat.at("2026-12-03T19:30");
    chat.wiring().delivery().deliverDueNow();

    // then
    assertThat(late).singleElement().satisfies(s -> assertThat(s.to()).isEqualTo("console:alice"));
    assertThat(chat.sent()).hasSize(1);
  }

  @Test
  void listsMyUpcomingEventsWithTheirReminders() {
    // given
    String later =
        Long.toString(Events.publish(chat, "paris-tech", "Barcamp", "2026-12-12T09:00").id());
    String skipped =
        Long.toString(Events.publish(chat, "paris-tech", "Hackathon", "2026-12-05T09:00").id());
    alice.send("/interested " + later);
    alice.send("/going " + ref);
    alice.send("/notgoing " + skipped);

    // when
    String mine = alice.send("/mine").isoText();

    // then
    assertThat(mine)
        .contains("Apéro web")
        .contains("going")
        .contains("Reminders: 2026-12-02T19:00+01:00, 2026-12-03T17:00+01:00")
        .contains("Barcamp")
        .contains("interested")
        .doesNotContain("Hackathon");
    assertThat(mine.indexOf("Apéro web")).isLessThan(mine.indexOf("Barcamp"));
    assertThat(chat.as("zoe").in("paris-tech").send("/mine").text()).contains("no upcoming events");
  }

  /**
   * Moves the clock to a Paris local time, delivers twice (notices follow failures), returns what
   * went.
   */
  private List<RecordingGateway.Sent> deliverAt(String localDateTime) {
    int before = chat.sent().size();
    chat.advance(
        Duration.between(
            chat.clock().instant(),
            LocalDateTime.parse(localDateTime).atZone(Chat.PARIS).toInstant()));
    chat.wiring().delivery().deliverDueNow();
    chat.wiring().delivery().deliverDueNow();
    List<RecordingGateway.Sent> all = chat.sent();
    return all.subList(before, all.size());
  }
}
