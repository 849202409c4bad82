package org.networkeras.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.catalog.Admission;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/**
 * What a suggestion may hold, checked when it is typed: how long an event lasts, how long its link
 * is once written for the web, and what is said about entry when the member said nothing.
 */
final class SuggestionLimitsTest {

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;

  @BeforeEach
  void openChat() {
    database = TestDatabases.sqlite(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00");
    alice = chat.as("alice").in("paris-tech");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void refusesAnEventLastingMoreThanFourteenDaysAndSaysTheMaximum() {
    // when
    Chat.Said decades =
        alice.send("/suggest Afterwork tech | from tomorrow 7pm to 20 December 7pm | Paris");
    Chat.Said french =
        chat.as("camille")
            .withLocale(Locale.FRENCH)
            .in("paris-tech")
            .send("/suggest Afterwork tech | demain 19h - 20/12 19h | Paris");

    // then
    assertThat(decades.text()).contains("lasts more than 14 days");
    assertThat(french.text()).contains("dure plus de 14 jours");
    assertThat(database.events().find(1)).isEmpty();
  }

  @Test
  void acceptsAnEventOfExactlyFourteenDays() {
    // when
    Chat.Said said = alice.send("/suggest Festival tech | 1/12 10:00 - 15/12 10:00 | Paris");

    // then
    assertThat(said.text()).contains("waits for a moderator");
  }

  @Test
  void refusesALinkOverDiscordsLimitOnceEncodedAndSaysTheLimit() {
    // given 470 accented letters: 500 characters, 2,849 bytes once percent-encoded
    String link = "https://example.org/" + "é".repeat(470) + "1234567890";

    // when
    Chat.Said said = alice.send("/suggest Afterwork tech | jeudi 19h | Paris | " + link);

    // then
    assertThat(said.text())
        .contains("too long")
        .contains("512 bytes")
        .contains("2,850")
        .doesNotContain("http:// or https://");
  }

  @Test
  void acceptsALinkOfExactlyTheLimit() {
    // given
    String link = "https://example.org/" + "a".repeat(512 - 20);

    // when
    Chat.Said said = alice.send("/suggest Afterwork tech | jeudi 19h | Paris | " + link);

    // then
    assertThat(said.text()).contains("waits for a moderator");
  }

  @Test
  void aSuggestionThatDoesNotSayWhetherEntryIsFreeIsNotShownAsPaid() {
    // given
    Chat.Member mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");

    // when
    Chat.Said published = mona.send("/suggest Apéro blogueurs | jeudi 19h | La Cantine, Paris");
    long id = Long.parseLong(published.text().replaceAll("(?s).*event (\\d+)\\..*", "$1"));
    Chat.Said card = alice.send("/event " + id);

    // then
    assertThat(database.events().find(id).orElseThrow().admission()).isEqualTo(Admission.UNKNOWN);
    assertThat(card.text()).contains("Apéro blogueurs").doesNotContain("Paid entry");
    assertThat(published.text()).doesNotContain("Paid entry");
  }
}
