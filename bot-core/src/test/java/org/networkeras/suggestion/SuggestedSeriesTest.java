package org.networkeras.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.networkeras.testing.RecordingGateway;

/**
 * Events as the scene announces them, from a chat: an end time, a repeat with an until date, in
 * English and French; the card says the repeat in words; an approved repeat is a series like the
 * starter catalog's (a reference, RSVPs and reminders per date), and every change of one date or of
 * the series from a date on keeps the RSVPs. Now is Thursday 26 November 2026, 10:00 in Paris.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class SuggestedSeriesTest {

  private static final Pattern QUEUED = Pattern.compile("Suggestion (\\d+) now waits");

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
    chat = Chat.on(database).at("2026-11-26T10:00");
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

  @Test
  void aRepeatWithAnEndTimeAndAnUntilDateIsSaidInWordsAndBecomesASeries() {
    // when
    Chat.Said suggested =
        alice.send(
            "/suggest Café carto | every other Thursday 7pm-9pm until 21 January | La Cantine,"
                + " Paris");
    String id = idOf(suggested);
    Chat.Said review = mona.send("/review");
    Chat.Said approved = mona.press(mona.press(review, "Common interest"), "Approve");

    // then the suggestion, its review card and the event card say the repeat in words
    String words = "Repeats: every other Thursday, 19:00–21:00, until 21 January 2027";
    assertThat(suggested.isoText())
        .contains(words)
        .contains("2026-11-26T19:00+01:00 – 2026-11-26T21:00+01:00");
    assertThat(review.text()).contains(words);
    assertThat(approved.text()).contains("Café carto");
    Chat.Said card = alice.send("/event " + id);
    assertThat(card.text()).contains(words);
    // each date has its reference, up to the until date
    assertThat(card.text())
        .contains("Next dates:")
        .contains(id + "-1126")
        .contains(id + "-1210")
        .contains(id + "-1224");
    assertThat(alice.send("/event " + id + "-0107").isoText()).contains("2027-01-07T19:00+01:00");
    assertThat(alice.send("/event " + id + "-0121").isoText()).contains("2027-01-21T19:00+01:00");
    assertThat(alice.send("/event " + id + "-0204").text()).contains("found no event");
    assertThat(alice.send("/event " + id + "-1203").text()).contains("found no event");
  }

  @Test
  void aFrenchRepeatIsSaidInFrench() {
    // given
    Chat.Member claire = chat.as("claire").withLocale(Locale.FRENCH).in("paris-tech");

    // when
    Chat.Said suggested =
        claire.send(
            "/suggest Café carto | un jeudi sur deux de 19h à 21h jusqu’au 17 décembre | La Cantine,"
                + " Paris");

    // then
    assertThat(suggested.text())
        .contains("Récurrence : un jeudi sur deux, 19h–21h, jusqu’au 17 décembre");
    assertThat(suggested.isoText()).contains("2026-11-26T19:00+01:00 – 2026-11-26T21:00+01:00");
  }

  @Test
  void aRepeatWithoutAnEndTimeGetsTheEveningsLength() {
    // when
    Chat.Said suggested =
        alice.send("/suggest Café carto | un jeudi sur deux à 19h jusqu’au 17 décembre | Paris");

    // then
    assertThat(suggested.text())
        .contains("Repeats: every other Thursday, 19:00–22:00, until 17 December");
  }

  @Test
  void theGuidedConversationTakesARepeatWithAnEnd() {
    // when
    alice.send("/suggest Café carto");
    Chat.Said when = alice.send("tous les premiers mardis du mois de 8h30 à 10h");
    Chat.Said where = alice.send("Paris");
    alice.press(where, "Common interest");
    alice.send("skip");
    Chat.Said done = alice.send("skip");

    // then
    assertThat(when.text()).contains("Where is it?");
    assertThat(done.isoText())
        .contains("waits for a moderator")
        .contains("Repeats: every first Tuesday of the month, 08:30–10:00")
        .contains("2026-12-01T08:30+01:00 – 2026-12-01T10:00+01:00");
  }

  /** The issue's own line, typed with a plain apostrophe as keyboards do, in both languages. */
  @Test
  void theIssuesSuggestLineIsSaidInWordsInFrenchAndInEnglish() {
    // given
    Chat.Member claire = chat.as("claire").withLocale(Locale.FRENCH).in("paris-tech");
    String line =
        "/suggest Café carto | un jeudi sur deux à 19h jusqu'au 17 décembre | La Cantine, Paris";

    // when
    Chat.Said french = claire.send(line);
    Chat.Said english = alice.send(line.replace("Café carto", "Café carto bis"));

    // then: no end said, so the evening's default length
    assertThat(french.text())
        .contains("attend un modérateur")
        .contains("Récurrence : un jeudi sur deux, 19h–22h, jusqu’au 17 décembre");
    assertThat(french.isoText()).contains("2026-11-26T19:00+01:00 – 2026-11-26T22:00+01:00");
    assertThat(english.text())
        .contains("waits for a moderator")
        .contains("Repeats: every other Thursday, 19:00–22:00, until 17 December");
  }

  @Test
  void theFrenchGuidedConversationTakesARepeatWithAnEndAndAnUntilDate() {
    // given
    Chat.Member claire = chat.as("claire").withLocale(Locale.FRENCH).in("paris-tech");

    // when
    claire.send("/suggest Café carto");
    Chat.Said when = claire.send("un jeudi sur deux de 19h à 21h jusqu'au 17 décembre");
    Chat.Said where = claire.send("La Cantine, Paris");
    claire.press(where, "Intérêts communs");
    claire.send("passer");
    Chat.Said done = claire.send("passer");

    // then
    assertThat(when.text()).contains("Où a-t-il lieu ?");
    assertThat(done.isoText())
        .contains("attend un modérateur")
        .contains("Récurrence : un jeudi sur deux, 19h–21h, jusqu’au 17 décembre")
        .contains("2026-11-26T19:00+01:00 – 2026-11-26T21:00+01:00");
  }

  @Test
  void aFrenchRepeatOfMoreThanFiveHundredDatesOrSeveralADayIsRefusedInFrench() {
    // given
    Chat.Member claire = chat.as("claire").withLocale(Locale.FRENCH).in("paris-tech");

    // when
    Chat.Said many = claire.send("/suggest Café carto | tous les jours à 8h 600 fois | Paris");
    Chat.Said dense = claire.send("/suggest Café carto | toutes les 3 heures | Paris");

    // then: each refusal names the phrase and offers a phrasing that works
    assertThat(many.text())
        .contains("500")
        .contains("tous les jours à 8h 600 fois")
        .doesNotContain("attend");
    assertThat(dense.text()).contains("toutes les 3 heures").doesNotContain("attend");
    assertThat(dense.text()).containsAnyOf("par exemple", "Essayez");
    assertThat(database.events().find(1)).isEmpty();
  }

  @Test
  void theDiscordFormTakesARepeat() {
    // given
    Chat.Member discord = chat.as("dana").on(org.networkeras.chat.Platform.DISCORD).in("guild-1");
    discord.send("/suggest");

    // when
    Chat.Said submitted =
        discord.submit(
            "suggest",
            java.util.Map.of(
                "title", "Café carto",
                "when", "every other Thursday 7pm until 17 December",
                "where", "Paris",
                "link", "",
                "description", ""));

    // then
    assertThat(submitted.text())
        .contains("Repeats: every other Thursday, 19:00–22:00, until 17 December");
  }

  @Test
  void rsvpsAndRemindersArePerDateAndCancellingOneDateKeepsTheOthers() {
    // given alice goes on 10 December, bob on 24 December
    String id = approvedSeries();
    alice.send("/going " + id + "-1210");
    bob.send("/going " + id + "-1224");
    int mark = chat.sent().size();

    // when
    Chat.Said said = mona.send("/cancel_event " + id + "-1210");
    List<RecordingGateway.Sent> told = chat.sentSince(mark);

    // then that date only is cancelled, alice alone is told, bob's answer and reminder stay
    assertThat(said.text()).contains("Cancelled this date only");
    assertThat(alice.send("/event " + id + "-1210").text()).contains("cancelled");
    assertThat(bob.send("/event " + id + "-1224").text()).doesNotContain("cancelled");
    assertThat(bob.send("/mine").text()).contains(id + "-1224");
    assertThat(told).singleElement().satisfies(s -> assertThat(s.to()).isEqualTo("console:alice"));
    assertThat(chat.deliverAt("2026-12-09T19:00")).isEmpty();
    assertThat(chat.deliverAt("2026-12-23T19:00"))
        .singleElement()
        .satisfies(s -> assertThat(s.to()).isEqualTo("console:bob"));
  }

  @Test
  void movingOneDateKeepsItsAnswersAndTellsThoseGoing() {
    // given
    String id = approvedSeries();
    alice.send("/going " + id + "-1210");
    bob.send("/going " + id + "-1224");
    int mark = chat.sent().size();

    // when the 10 December date moves to 20:00
    Chat.Said said = mona.send("/edit " + id + "-1210 when 10/12 20h");
    List<RecordingGateway.Sent> told = chat.sentSince(mark);

    // then
    assertThat(said.isoText()).contains("this date only").contains("2026-12-10T20:00+01:00");
    assertThat(alice.send("/mine").isoText())
        .contains(id + "-1210")
        .contains("2026-12-10T20:00+01:00");
    assertThat(bob.send("/mine").isoText())
        .contains(id + "-1224")
        .contains("2026-12-24T19:00+01:00");
    assertThat(told)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.to()).isEqualTo("console:alice");
              assertThat(s.text()).contains("Changed").contains("Before:");
            });
    assertThat(chat.deliverAt("2026-12-09T20:00"))
        .singleElement()
        .satisfies(s -> assertThat(s.to()).isEqualTo("console:alice"));
  }

  @Test
  void renamingOneDateKeepsItsAnswers() {
    // given
    String id = approvedSeries();
    alice.send("/going " + id + "-1210");
    bob.send("/going " + id + "-1224");

    // when
    Chat.Said said = mona.send("/edit " + id + "-1210 title Café carto de Noël");

    // then
    assertThat(said.text()).contains("this date only").contains("Café carto de Noël");
    assertThat(alice.send("/mine").text()).contains(id + "-1210").contains("Café carto de Noël");
    assertThat(bob.send("/event " + id + "-1224").text()).doesNotContain("de Noël");
    assertThat(bob.send("/mine").text()).contains(id + "-1224");
  }

  @Test
  void changingTheSeriesFromADateOnMovesEveryAnswerWithItsDate() {
    // given alice goes today, bob on 10 December and on 24 December
    String id = approvedSeries();
    alice.send("/going " + id + "-1126");
    bob.send("/going " + id + "-1210");
    bob.send("/going " + id + "-1224");
    int mark = chat.sent().size();

    // when the series becomes every other Friday at 20:00 from the 10 December date on
    Chat.Said said =
        mona.send("/edit " + id + "-1210 when every other Friday 8pm until 22 January");
    List<RecordingGateway.Sent> told = chat.sentSince(mark);

    // then earlier dates stay, later ones move with their answers, and bob is told
    assertThat(said.text()).contains("Changed the series: every other Friday from 11 December");
    assertThat(alice.send("/event " + id + "-1126").isoText()).contains("2026-11-26T19:00+01:00");
    assertThat(alice.send("/mine").text()).contains(id + "-1126");
    assertThat(bob.send("/mine").isoText())
        .contains(id + "-1211")
        .contains("2026-12-11T20:00+01:00")
        .contains(id + "-1225")
        .contains("2026-12-25T20:00+01:00");
    assertThat(bob.send("/event " + id).text())
        .contains("Repeats: every other Friday, 20:00–22:00, until 22 January 2027");
    assertThat(told).isNotEmpty().allSatisfy(s -> assertThat(s.to()).isEqualTo("console:bob"));
  }

  @Test
  void aNewRepeatForTheSeriesReferenceChangesEveryDateFromNowOn() {
    // given alice goes on 10 December (the series' second date)
    String id = approvedSeries();
    alice.send("/going " + id + "-1210");
    int mark = chat.sent().size();

    // when
    Chat.Said said = mona.send("/edit " + id + " when every Friday 8pm");
    List<RecordingGateway.Sent> told = chat.sentSince(mark);

    // then the second date of the new rule keeps her answer, and she is told
    assertThat(said.text()).contains("Changed the series: every Friday from 27 November");
    assertThat(alice.send("/event " + id).text())
        .contains("Repeats: every Friday, 20:00–22:00")
        .doesNotContain("until");
    assertThat(alice.send("/mine").isoText())
        .contains(id + "-1204")
        .contains("2026-12-04T20:00+01:00");
    assertThat(told)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.to()).isEqualTo("console:alice");
              assertThat(s.text()).contains("Changed").contains(id + "-1204");
            });
  }

  @Test
  void aRepeatOfMoreThanFiveHundredDatesOrSeveralADayIsRefused() {
    // when
    Chat.Said many = alice.send("/suggest Café carto | every day at 8am 600 times | Paris");
    Chat.Said dense = alice.send("/suggest Café carto | every 3 hours | Paris");

    // then
    assertThat(many.text()).contains("more than 500 dates").doesNotContain("waits");
    assertThat(dense.text()).contains("every 3 hours").doesNotContain("waits");
    assertThat(database.events().find(1)).isEmpty();
  }

  @Test
  void theWholeSeriesIsCancelledFromNowOn() {
    // given
    String id = approvedSeries();
    alice.send("/going " + id + "-1210");

    // when
    Chat.Said said = mona.send("/cancel_event " + id);

    // then
    assertThat(said.text()).contains("Cancelled every date from 26 November on");
    assertThat(alice.send("/event " + id + "-1210").text()).contains("cancelled");
    assertThat(alice.send("/event " + id + "-0107").text()).contains("cancelled");
  }

  @Test
  void aSingleEventKeepsAStatedEndAndOtherwiseGetsItsDefaultLength() {
    // when
    Chat.Said ended = alice.send("/suggest Apéro web | jeudi 3/12 de 19h à 22h | Paris");
    Chat.Said later = alice.send("/suggest Soirée Connect | jeudi 3/12 de 18h30 à 23h | Paris");
    Chat.Said evening = alice.send("/suggest Apéro blogueurs | jeudi 3/12 19h | Paris");
    Chat.Said breakfast = alice.send("/suggest Petit-déj OpenCoffee | vendredi 4/12 8h30 | Paris");

    // then
    assertThat(ended.isoText()).contains("2026-12-03T19:00+01:00 – 2026-12-03T22:00+01:00");
    assertThat(later.isoText()).contains("2026-12-03T18:30+01:00 – 2026-12-03T23:00+01:00");
    assertThat(evening.isoText()).contains("2026-12-03T19:00+01:00 – 2026-12-03T22:00+01:00");
    assertThat(breakfast.isoText())
        .contains("2026-12-04T08:30+01:00 – 2026-12-04T10:30+01:00")
        .contains("Breakfast");
  }

  /** Regression: a Saturday 10:00 barcamp was "Breakfast" and lasted its default two hours. */
  @Test
  void aSaturdayBarcampIsTheSaturdaySlotAndRunsUntilSixWhenNoEndIsSaid() {
    // when
    Chat.Said said = alice.send("/suggest Barcamp e-réputation | samedi 10h | La Cantine, Paris");

    // then
    assertThat(said.isoText())
        .contains("2026-11-28T10:00+01:00 – 2026-11-28T18:00+01:00")
        .contains("Common interest · Saturday")
        .doesNotContain("Breakfast");
  }

  @Test
  void aOneOffEventAlreadyListedDoesNotBecomeASeries() {
    // given
    String id = idOf(alice.send("/suggest Apéro web | jeudi 3/12 19h | Paris"));
    approve();

    // when
    Chat.Said said = mona.send("/edit " + id + " when every Thursday 7pm");

    // then
    assertThat(said.text()).contains("cannot become a series");
    assertThat(alice.send("/event " + id).text()).doesNotContain("Repeats:");
  }

  /** The chat series every per-date test starts from: every other Thursday, 19:00–21:00. */
  private String approvedSeries() {
    String id =
        idOf(
            alice.send(
                "/suggest Café carto | every other Thursday 7pm-9pm until 21 January | La Cantine,"
                    + " Paris"));
    approve();
    return id;
  }

  /** mona picks the family of the one suggestion waiting, and approves it. */
  private void approve() {
    mona.press(mona.press(mona.send("/review"), "Common interest"), "Approve");
  }

  private static String idOf(Chat.Said queued) {
    Matcher m = QUEUED.matcher(queued.text());
    assertThat(m.find()).as(queued.text()).isTrue();
    return m.group(1);
  }
}
