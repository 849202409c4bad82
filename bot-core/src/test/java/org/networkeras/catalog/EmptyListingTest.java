package org.networkeras.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/**
 * An empty listing points to the next period with events, never to the command just typed: on
 * Sunday 29 November at 20:00, {@code /events this week} has nothing left, and next week does.
 */
final class EmptyListingTest {

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;

  @BeforeEach
  void openChat() {
    database = TestDatabases.sqlite(tempDir);
    // Sunday 29 November 2026, 20:00 in Paris
    chat = Chat.on(database).at("2026-11-29T20:00").withStarterCatalog("paris-tech");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void thisWeekOnSundayEveningPointsToNextWeekNotToItself() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events this week");

    // then
    assertThat(said.text())
        .contains("Nothing is listed then. The next one is on Monday 30 November.")
        .doesNotContain("/events this week");
    assertThat(said.text()).contains("[1] Next week");
  }

  @Test
  void theNextWeekButtonListsItWithTheSameFilters() {
    // given
    Chat.Member alice = chat.as("alice").in("paris-tech");
    Chat.Said said = alice.send("/events this week Lille");

    // when
    Chat.Said next = alice.press(said, "Next week");

    // then
    assertThat(said.text()).contains("The next one is on Tuesday 1 December.");
    assertThat(next.isoText())
        .contains("Events from 2026-11-30T00:00+01:00 to 2026-12-07T00:00+01:00 · Lille")
        .contains("Petit-déj entrepreneurs Lille (sample)")
        .doesNotContain("Paris,");
  }

  @Test
  void aLaterWeekIsNamedByItsMonday() {
    // given: the monthly Rennes camp is next on Saturday 5 December; on Sunday 6 December none is
    // left before January
    chat.at("2026-12-06T20:00");

    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events this week Rennes barcamp");

    // then
    assertThat(said.text())
        .contains("The next one is on Saturday 2 January.")
        .contains("[1] Week of Monday 28 December");
  }

  @Test
  void saysSoInFrench() {
    // when
    Chat.Said said =
        chat.as("camille").withLocale(Locale.FRENCH).in("paris-tech").send("/events cette semaine");

    // then
    assertThat(said.text())
        .contains("Rien n’est prévu à ce moment-là. Le prochain a lieu le lundi 30 novembre.")
        .contains("[1] La semaine prochaine")
        .doesNotContain("/events cette semaine");
  }

  @Test
  void withNothingAheadItSuggestsAnotherFilterNotTheSameCommand() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events this week hackathon");

    // then
    assertThat(said.text())
        .contains("Nothing is listed then, nor in the 9 weeks after.")
        .doesNotContain("/events this week");
    assertThat(said.reply().allButtons()).isEmpty();
  }
}
