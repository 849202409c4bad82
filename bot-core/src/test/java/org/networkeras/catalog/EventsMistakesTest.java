package org.networkeras.catalog;

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

/** A member's mistakes with {@code /events} get an answer that says what to do instead. */
final class EventsMistakesTest {

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;

  @BeforeEach
  void openChat() {
    database = TestDatabases.sqlite(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00").withStarterCatalog("paris-tech");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void twoFamiliesAreAskedOneAtATimeInsteadOfSuggestingTheSecondOne() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events networking bloggers");

    // then
    assertThat(said.text())
        .contains("one family at a time")
        .contains("/events networking, then /events bloggers")
        .doesNotContain("Did you mean");
    assertThat(said.reply().visibility()).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void twoCitiesAreAskedOneAtATime() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events paris lille");

    // then
    assertThat(said.text())
        .contains("one city at a time")
        .contains("/events paris, then /events lille")
        .doesNotContain("did not understand");
  }

  @Test
  void namingTheSameFamilyTwiceIsNoMistake() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events techno techno tonight");

    // then
    assertThat(said.text()).contains("Meetup Java & Café (sample)");
  }

  @Test
  void explainsBothMistakesInFrench() {
    // given
    Chat.Member camille = chat.as("camille").withLocale(Locale.FRENCH).in("paris-tech");

    // then
    assertThat(camille.send("/events networking blogueurs").text())
        .contains("une famille à la fois")
        .contains("/events networking, puis /events blogueurs");
    assertThat(camille.send("/events Paris Lille").text()).contains("une ville à la fois");
  }

  @Test
  void refusesANegativeAmountInsteadOfListingTheDaysAhead() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events in -5 days");

    // then
    assertThat(said.text()).contains("“-5” is a negative number").contains("“5 days ago”");
    assertThat(said.text()).doesNotContain("Events from");
  }

  @Test
  void anEventReferenceGivenToEventsSaysThatEventOpensIt() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events 3-1203");

    // then
    assertThat(said.text())
        .contains("“3-1203” is an event reference")
        .contains("/event 3-1203 opens it")
        .doesNotContain("did not understand");
  }

  @Test
  void anEventReferenceGivenToEventsIsExplainedInFrench() {
    // when
    Chat.Said said =
        chat.as("camille").withLocale(Locale.FRENCH).in("paris-tech").send("/events 3-1203");

    // then
    assertThat(said.text())
        .contains("« 3-1203 » est une référence d’événement")
        .contains("/event 3-1203 l’ouvre");
  }
}
