package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.Visibility;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

final class WhenCommandTest {

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;

  @BeforeEach
  void openChat() {
    database = TestDatabases.sqlite(tempDir);
    // Saturday 28 November 2026, 11:00 in Paris
    chat = Chat.on(database).at("2026-11-28T11:00");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void showsBothTheRangeAndTheStartAPhraseGives() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/when jeudi 19h30");

    // then
    assertThat(said.isoText())
        .contains("You wrote: jeudi 19h30")
        .contains("As the start of a new event: 2026-12-03T19:30+01:00")
        .contains("Times are in Europe/Paris.");
  }

  @Test
  void showsTheEndAnEventPhraseStates() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/when jeudi 3/12 de 19h à 22h");

    // then
    assertThat(said.isoText())
        .contains("As the start of a new event: 2026-12-03T19:00+01:00 → 2026-12-03T22:00+01:00");
  }

  @Test
  void showsTheNextFourDatesOfARepeatWithTheirEnds() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/when un jeudi sur deux de 19h à 21h");

    // then
    assertThat(said.isoText())
        .contains("As a repeating event, its next dates:")
        .contains("· 2026-12-03T19:00+01:00 → 2026-12-03T21:00+01:00")
        .contains("· 2026-12-17T19:00+01:00 → 2026-12-17T21:00+01:00")
        .contains("· 2026-12-31T19:00+01:00 → 2026-12-31T21:00+01:00")
        .contains("· 2027-01-14T19:00+01:00 → 2027-01-14T21:00+01:00");
  }

  @Test
  void showsARepeatInFrench() {
    // when
    Chat.Said said =
        chat.as("camille")
            .withLocale(Locale.FRENCH)
            .in("paris-tech")
            .send("/when le premier mardi du mois à 8h30");

    // then
    assertThat(said.isoText())
        .contains("Comme événement qui revient, ses prochaines dates")
        .contains("· 2026-12-01T08:30+01:00")
        .contains("· 2027-03-02T08:30+01:00");
  }

  @Test
  void saysWhyAPeriodIsNotAnEventStart() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/when ce soir");

    // then
    assertThat(said.isoText())
        .contains("As a period for /events: 2026-11-28T18:00+01:00 → 2026-11-29T00:00+01:00")
        .contains("Not an event start:");
  }

  @Test
  void refusesAPhraseItCannotReadInTheMembersLanguage() {
    // when
    Chat.Said said =
        chat.as("camille").withLocale(Locale.FRENCH).in("paris-tech").send("/when smaedi");

    // then
    assertThat(said.text()).contains("smaedi").contains("samedi");
    assertThat(said.reply().visibility()).isEqualTo(Visibility.PRIVATE);
  }
}
