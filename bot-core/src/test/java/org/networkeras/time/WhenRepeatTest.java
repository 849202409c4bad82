package org.networkeras.time;

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

/** {@code /when} says how a repeat was understood, in words, before anyone relies on it. */
final class WhenRepeatTest {

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
  void saysARepeatInWords() {
    // when
    Chat.Said said =
        chat.as("alice").in("paris-tech").send("/when every first Tuesday of the month 8:30-10");

    // then
    assertThat(said.text()).contains("Repeats: every first Tuesday of the month, 08:30–10:00");
  }

  @Test
  void saysAFrenchRepeatInFrench() {
    // when
    Chat.Said said =
        chat.as("claire")
            .withLocale(Locale.FRENCH)
            .in("paris-tech")
            .send("/when un jeudi sur deux à 19h jusqu’au 17 décembre");

    // then
    assertThat(said.text()).contains("Récurrence : un jeudi sur deux, 19h, jusqu’au 17 décembre");
  }

  @Test
  void listsTheNextFourDatesOfARepeatWithTheirEnds() {
    // when
    Chat.Said said =
        chat.as("alice")
            .in("paris-tech")
            .send("/when every other Thursday 7pm-9pm until 21 January");

    // then
    assertThat(said.text()).contains("As a repeating event, its next dates:");
    assertThat(said.isoText().lines().filter(l -> l.startsWith("· ")).toList())
        .containsExactly(
            "· 2026-12-03T19:00+01:00 → 2026-12-03T21:00+01:00",
            "· 2026-12-17T19:00+01:00 → 2026-12-17T21:00+01:00",
            "· 2026-12-31T19:00+01:00 → 2026-12-31T21:00+01:00",
            "· 2027-01-14T19:00+01:00 → 2027-01-14T21:00+01:00");
  }

  @Test
  void listsTheNextDatesOfAFrenchRepeatInFrenchUpToItsEnd() {
    // when
    Chat.Said said =
        chat.as("claire")
            .withLocale(Locale.FRENCH)
            .in("paris-tech")
            .send("/when un jeudi sur deux à 19h jusqu'au 17 décembre");

    // then: an ASCII apostrophe reads the same; the until date ends the list at two dates
    assertThat(said.text())
        .contains("Récurrence : un jeudi sur deux, 19h, jusqu’au 17 décembre")
        .contains("Comme événement qui revient, ses prochaines dates :");
    assertThat(said.isoText().lines().filter(l -> l.startsWith("· ")).toList())
        .containsExactly("· 2026-12-03T19:00+01:00", "· 2026-12-17T19:00+01:00");
  }

  @Test
  void aRepeatWhoseFirstDateFallsInTheSpringGapIsSaidAtTheTimeAsked() {
    // given the eve of the 2027 spring change in Paris
    Chat eve = Chat.on(database).at("2027-03-27T23:00");

    // when
    Chat.Said english = eve.as("alice").in("paris-tech").send("/when every Sunday at 2:30am");
    Chat.Said french =
        eve.as("claire")
            .withLocale(Locale.FRENCH)
            .in("paris-tech")
            .send("/when tous les dimanches à 2h30");

    // then the words keep 02:30; only the first date, in the gap, starts at 03:30
    assertThat(english.text()).contains("Repeats: every Sunday, 02:30");
    assertThat(french.text()).contains("Récurrence : tous les dimanches, 2h30");
    assertThat(english.isoText().lines().filter(l -> l.startsWith("· ")).toList())
        .containsExactly(
            "· 2027-03-28T03:30+02:00",
            "· 2027-04-04T02:30+02:00",
            "· 2027-04-11T02:30+02:00",
            "· 2027-04-18T02:30+02:00");
  }

  @Test
  void saysNothingOfARepeatForASingleEvent() {
    assertThat(chat.as("alice").in("paris-tech").send("/when jeudi 19h30").text())
        .doesNotContain("Repeats:");
  }
}
