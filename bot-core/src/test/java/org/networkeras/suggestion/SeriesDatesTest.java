package org.networkeras.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;
import org.networkeras.testing.RecordingGateway;

/**
 * One date of a series is not the whole series: cancelling and editing one date of the sample
 * catalog's weekly series (4 is "Meetup Java & Café", Thursdays 19:00; 5 is "Friday Startup
 * Drinks", Fridays 18:30), editing the series from a date on, asking when it is unclear, and
 * telling the members going. Every RSVP survives.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class SeriesDatesTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;
  private Chat.Member bob;
  private Chat.Member mona;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00").withStarterCatalog("paris-tech");
    alice = chat.as("alice").in("paris-tech");
    bob = chat.as("bob").in("paris-tech");
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  /** Regression: this cancelled tonight's and every later date, and told everyone going. */
  @Test
  void cancellingOneDateOfAWeeklySeriesCancelsThatDateOnlyAndTellsOnlyThoseGoingToIt() {
    // given alice goes on 3 December, bob on 10 December
    alice.send("/going 4-1203");
    bob.send("/going 4-1210");

    int mark = chat.sent().size();

    // when
    Chat.Said said = mona.send("/cancel_event 4-1203");
    List<RecordingGateway.Sent> told = chat.sentSince(mark);

    // then the reply says it is that date only
    assertThat(said.text())
        .contains("Cancelled this date only")
        .contains("Meetup Java & Café (sample)")
        .contains("4-1203");
    assertThat(alice.send("/event 4-1203").text()).contains("cancelled");
    assertThat(bob.send("/event 4-1210").text()).doesNotContain("cancelled");
    assertThat(bob.send("/event 4-1126").text()).doesNotContain("cancelled");
    assertThat(alice.send("/events tonight").text())
        .contains("Meetup Java & Café (sample)")
        .doesNotContain("[cancelled]");
    assertThat(alice.send("/events 3/12").text().lines().filter(l -> l.contains("4-1203")))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("[cancelled]"));
    assertThat(alice.send("/events 10/12").text().lines().filter(l -> l.contains("4-1210")))
        .singleElement()
        .satisfies(l -> assertThat(l).doesNotContain("[cancelled]"));
    // only alice is told, and only of her date
    assertThat(told)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.to()).isEqualTo("console:alice");
              assertThat(s.text()).contains("this date only").contains("4-1203");
            });
    // bob's reminders for 10 December still go; alice's for 3 December do not
    assertThat(chat.deliverAt("2026-12-02T19:00")).isEmpty();
    assertThat(chat.deliverAt("2026-12-09T19:00"))
        .singleElement()
        .satisfies(s -> assertThat(s.to()).isEqualTo("console:bob"));
  }

  @Test
  void cancellingTheSeriesCancelsEveryDateFromNowOnAndKeepsPastDates() {
    // given alice goes on 3 December, bob's own date of 10 December was moved to 20:00
    alice.send("/going 4-1203");
    mona.send("/edit 4-1210 when 20h");
    int mark = chat.sent().size();

    // when
    Chat.Said said = mona.send("/cancel_event 4");
    List<RecordingGateway.Sent> told = chat.sentSince(mark);

    // then
    assertThat(said.text())
        .contains("Cancelled every date from 26 November on")
        .contains("earlier dates stay as they were");
    assertThat(alice.send("/event 4-1119").text()).doesNotContain("cancelled");
    assertThat(alice.send("/event 4-1203").text()).contains("cancelled");
    assertThat(alice.send("/event 4-1210").text()).contains("cancelled");
    assertThat(told)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.to()).isEqualTo("console:alice");
              assertThat(s.text()).contains("Cancelled");
            });
  }

  @Test
  void mineMarksACancelledDateAndACancelledEvent() {
    // given
    String single =
        Long.toString(Events.publish(chat, "paris-tech", "Apéro web", "2026-12-05T19:00").id());
    alice.send("/going 4-1203");
    alice.send("/going 4-1210");
    alice.send("/going " + single);

    int mark = chat.sent().size();

    // when
    mona.send("/cancel_event 4-1203");
    mona.send("/cancel_event " + single);
    String mine = alice.send("/mine").text();

    // then
    assertThat(mine.lines().filter(l -> l.contains("[cancelled]")).toList())
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).contains("4-1203"))
        .anySatisfy(l -> assertThat(l).contains("Apéro web"));
    assertThat(mine.lines().filter(l -> l.contains("4-1210")).toList())
        .singleElement()
        .satisfies(l -> assertThat(l).doesNotContain("[cancelled]"));
  }

  /**
   * Regression: this turned the weekly series into a one-off, {@code /event 5-1127} was "not found"
   * and bob's answer for 27 November vanished without a word.
   */
  @Test
  void movingOneDateKeepsTheSeriesAndEveryAnswer() {
    // given bob goes on 27 November, alice on 4 December
    bob.send("/going 5-1127");
    alice.send("/going 5-1204");

    int mark = chat.sent().size();

    // when the 4 December date moves to 20:00
    Chat.Said said = mona.send("/edit 5-1204 when friday 4/12 8pm");
    List<RecordingGateway.Sent> told = chat.sentSince(mark);

    // then the series is still a series, with every answer
    assertThat(said.isoText())
        .contains("this date only")
        .contains("2026-12-04T20:00+01:00")
        .contains("Reference: 5-1204");
    assertThat(bob.send("/event 5-1127").isoText())
        .contains("Friday Startup Drinks (sample)")
        .contains("2026-11-27T18:30+01:00");
    assertThat(bob.send("/mine").text()).contains("5-1127");
    assertThat(alice.send("/event 5-1204").isoText()).contains("2026-12-04T20:00+01:00");
    assertThat(alice.send("/mine").isoText()).contains("5-1204").contains("2026-12-04T20:00+01:00");
    assertThat(bob.send("/event 5-1211").isoText()).contains("2026-12-11T18:30+01:00");
    // alice is told what changed; bob, going to another date, is not
    assertThat(told)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.to()).isEqualTo("console:alice");
              assertThat(s.text()).contains("Changed").contains("Now:").contains("Before:");
            });
    // her reminders moved: nothing at 18:30 the day before, one at 20:00
    assertThat(chat.deliverAt("2026-12-03T18:30")).isEmpty();
    assertThat(chat.deliverAt("2026-12-03T20:00"))
        .singleElement()
        .satisfies(s -> assertThat(s.to()).isEqualTo("console:alice"));
  }

  /**
   * Regression: this renamed the whole series without saying so, and its confirmation showed "When:
   * Thu 4 Jan, 19:00" (the series' first date, in 2024) and "Reference: 4".
   */
  @Test
  void renamingOneDateRenamesThatDateOnlyAndShowsThatDate() {
    // given
    alice.send("/going 4-1203");

    int mark = chat.sent().size();

    // when
    Chat.Said said = mona.send("/edit 4-1203 title Meetup JVM");
    List<RecordingGateway.Sent> told = chat.sentSince(mark);

    // then the confirmation shows the date, not the series' first one
    assertThat(said.isoText())
        .contains("this date only")
        .contains("Meetup JVM")
        .contains("2026-12-03T19:00+01:00")
        .contains("Reference: 4-1203")
        .doesNotContain("2024-01-04");
    assertThat(alice.send("/event 4-1203").text()).contains("Meetup JVM");
    assertThat(alice.send("/event 4-1210").text())
        .contains("Meetup Java & Café (sample)")
        .doesNotContain("Meetup JVM");
    assertThat(told)
        .singleElement()
        .satisfies(s -> assertThat(s.text()).contains("Meetup JVM").contains("Before:"));
  }

  @Test
  void movingOneDateKeepsItsReferenceOnItsNewDay() {
    // given
    alice.send("/going 4-1203");

    int mark = chat.sent().size();

    // when the 3 December date moves to Friday 4 December
    mona.send("/edit 4-1203 when 4/12 20h");

    // then 4-1203 still names it, and the listing shows it on the 4th
    assertThat(alice.send("/event 4-1203").isoText()).contains("2026-12-04T20:00+01:00");
    assertThat(alice.send("/events 4/12").text()).contains("4-1203");
    assertThat(alice.send("/events 3/12").text()).doesNotContain("4-1203");
    assertThat(alice.send("/mine").text()).contains("4-1203");
  }

  @Test
  void editingTheSeriesChangesEveryDateFromNowOnAndSaysSo() {
    // given bob goes to the Thursday 3 December date
    bob.send("/going 4-1203");

    int mark = chat.sent().size();

    // when the series moves to Fridays at 20:00
    Chat.Said said = mona.send("/edit 4 when friday 8pm");
    List<RecordingGateway.Sent> told = chat.sentSince(mark);

    // then
    assertThat(said.text())
        .contains("Changed the series: every Friday from 27 November")
        .contains("Earlier dates stay as they were");
    assertThat(bob.send("/event 4-1119").isoText()).contains("2026-11-19T19:00+01:00");
    assertThat(bob.send("/event 4-1204").isoText()).contains("2026-12-04T20:00+01:00");
    assertThat(bob.send("/event 4-1203").text()).contains("found no event");
    // bob's answer moved with his date, he is told, and his reminder follows
    assertThat(bob.send("/mine").isoText()).contains("4-1204").contains("2026-12-04T20:00+01:00");
    assertThat(told)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.to()).isEqualTo("console:bob");
              assertThat(s.text()).contains("Changed").contains("4-1204");
            });
    assertThat(chat.deliverAt("2026-12-02T19:00")).isEmpty();
    assertThat(chat.deliverAt("2026-12-03T20:00"))
        .singleElement()
        .satisfies(s -> assertThat(s.to()).isEqualTo("console:bob"));
  }

  @Test
  void renamingTheSeriesKeepsPastDatesAsTheyWere() {
    int mark = chat.sent().size();

    // when
    Chat.Said said = mona.send("/edit 4 title Meetup JVM");

    // then
    assertThat(said.text()).contains("Changed the series: every Thursday from 26 November");
    assertThat(alice.send("/event 4-1119").text()).contains("Meetup Java & Café (sample)");
    assertThat(alice.send("/event 4-1126").text()).contains("Meetup JVM");
    assertThat(alice.send("/event 4-1210").text()).contains("Meetup JVM");
  }

  @Test
  void asksWhichDatesWhenADateIsGivenOnlyANewWeekday() {
    // given
    alice.send("/going 4-1203");

    int mark = chat.sent().size();

    // when
    Chat.Said asked = mona.send("/edit 4-1203 when friday 8pm");

    // then nothing changed yet
    assertThat(asked.text()).contains("Move only 4-1203, or every date from this one on");
    assertThat(asked.reply().allButtons())
        .extracting(b -> b.label())
        .containsExactly("This date", "Every date from this one");
    assertThat(alice.send("/event 4-1203").isoText()).contains("2026-12-03T19:00+01:00");

    // when this date is chosen, it moves to the Friday of its week
    Chat.Said done = mona.press(asked, "This date");

    // then
    assertThat(done.text()).contains("this date only");
    assertThat(alice.send("/event 4-1203").isoText()).contains("2026-12-04T20:00+01:00");
    assertThat(alice.send("/event 4-1210").isoText()).contains("2026-12-10T19:00+01:00");
  }

  @Test
  void everyDateFromThisOneMovesTheSeriesFromThatDateOn() {
    // given
    alice.send("/going 4-1203");
    Chat.Said asked = mona.send("/edit 4-1203 when friday 8pm");

    int mark = chat.sent().size();

    // when
    Chat.Said done = mona.press(asked, "Every date from this one");

    // then the series moves from that date on; the date before stays
    assertThat(done.text()).contains("every Friday from 4 December");
    assertThat(alice.send("/event 4-1126").isoText()).contains("2026-11-26T19:00+01:00");
    assertThat(alice.send("/event 4-1204").isoText()).contains("2026-12-04T20:00+01:00");
    assertThat(alice.send("/event 4-1211").isoText()).contains("2026-12-11T20:00+01:00");
    assertThat(alice.send("/mine").text()).contains("4-1204");
  }

  @Test
  void aDateKeepsTheSeriesLengthUnlessTheNewTimeGivesAnEnd() {
    // when
    Chat.Said kept = mona.send("/edit 4-1210 when 20h");
    Chat.Said given = mona.send("/edit 4-1217 when 17/12 18h - 22h");

    // then the series lasts 2h30; the second date says its own end
    assertThat(kept.isoText()).contains("2026-12-10T20:00+01:00 – 2026-12-10T22:30+01:00");
    assertThat(given.isoText()).contains("2026-12-17T18:00+01:00 – 2026-12-17T22:00+01:00");
    assertThat(alice.send("/event 4-1217").isoText()).contains("2026-12-17T22:00+01:00");
  }

  @Test
  void aQuestionLeftUnansweredForADayExpiresAndChangesNothing() {
    // given
    Chat.Said asked = mona.send("/edit 4-1210 when friday 8pm");
    chat.advance(Duration.ofDays(1).plusMinutes(1));

    // when
    Chat.Said late = mona.press(asked, "This date");

    // then
    assertThat(late.text()).contains("This question has expired");
    assertThat(alice.send("/event 4-1210").isoText()).contains("2026-12-10T19:00+01:00");
  }

  @Test
  void aTimeAloneOnADateReferenceMovesThatDateWithoutAsking() {
    int mark = chat.sent().size();

    // when
    Chat.Said said = mona.send("/edit 4-1210 when 20h");

    // then
    assertThat(said.reply().allButtons()).isEmpty();
    assertThat(said.isoText()).contains("this date only").contains("2026-12-10T20:00+01:00");
    assertThat(alice.send("/event 4-1203").isoText()).contains("2026-12-03T19:00+01:00");
  }

  @Test
  void membersGoingToAOneOffEventAreToldWhenItsPlaceChanges() {
    // given
    String ref =
        Long.toString(Events.publish(chat, "paris-tech", "Apéro web", "2026-12-05T19:00").id());
    alice.send("/going " + ref);
    bob.send("/interested " + ref);

    int mark = chat.sent().size();

    // when
    mona.send("/edit " + ref + " where Le Comptoir, Paris");
    List<RecordingGateway.Sent> told = chat.sentSince(mark);

    // then alice, going, is told; bob, only interested, is not
    assertThat(told)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.to()).isEqualTo("console:alice");
              assertThat(s.text()).contains("Changed").contains("Le Comptoir");
            });
  }

  @Test
  void movingOneDateToAnotherPlaceTellsOnlyThoseGoingToItAndKeepsEveryAnswer() {
    // given alice goes on 10 December, bob on 3 December
    alice.send("/going 4-1210");
    bob.send("/going 4-1203");

    int mark = chat.sent().size();

    // when
    Chat.Said said = mona.send("/edit 4-1210 where Le Comptoir, Paris");
    List<RecordingGateway.Sent> told = chat.sentSince(mark);

    // then that date only moves, alice alone is told, both answers stay
    assertThat(said.text()).contains("this date only").contains("Le Comptoir");
    assertThat(alice.send("/event 4-1210").text()).contains("Le Comptoir");
    assertThat(bob.send("/event 4-1203").text()).doesNotContain("Le Comptoir");
    assertThat(alice.send("/mine").text()).contains("4-1210");
    assertThat(bob.send("/mine").text()).contains("4-1203");
    assertThat(told)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.to()).isEqualTo("console:alice");
              assertThat(s.text()).contains("Changed").contains("Le Comptoir");
            });
  }

  @Test
  void aFrenchMemberIsToldInFrenchWhatChangedAndWhatWasCancelled() {
    // given
    Chat.Member claire = chat.as("claire").withLocale(java.util.Locale.FRENCH).in("paris-tech");
    claire.send("/going 4-1203");
    claire.send("/going 4-1210");
    Chat.Member modo =
        chat.as("modo")
            .withRole(Role.MODERATOR)
            .withLocale(java.util.Locale.FRENCH)
            .in("paris-tech");

    int mark = chat.sent().size();

    // when
    Chat.Said cancelled = modo.send("/cancel_event 4-1203");
    Chat.Said moved = modo.send("/edit 4-1210 when 20h");
    Chat.Said asked = modo.send("/edit 4-1217 when vendredi 20h");
    Chat.Said series = modo.press(asked, "Toutes les dates à partir de celle-ci");
    List<RecordingGateway.Sent> told = chat.sentSince(mark);

    // then
    assertThat(cancelled.text()).contains("Annulé pour cette date seulement");
    assertThat(moved.text()).contains("Modifié pour cette date seulement");
    assertThat(asked.text()).contains("Déplacer seulement 4-1217");
    assertThat(series.text())
        .contains("Série modifiée : tous les vendredis à partir du 18 décembre");
    assertThat(told)
        .extracting(RecordingGateway.Sent::text)
        .anySatisfy(t -> assertThat(t).contains("Annulé, désolé (cette date seulement"))
        .anySatisfy(t -> assertThat(t).contains("Changement, à noter").contains("Désormais"));
  }
}
