package org.networkeras.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.Platform;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/** {@code /start} names the community as its members know it, never by an internal id. */
final class StartCommandTest {

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;

  @BeforeEach
  void openChat() {
    database = TestDatabases.Backend.SQLITE.open(tempDir);
    chat = Chat.on(database).at("2026-11-26T10:00");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void inATelegramGroupSaysTheGroupsTitle() {
    // when
    Chat.Said said =
        chat.as("42").on(Platform.TELEGRAM).in("-1001234", "Paris Tech Afterworks").send("/start");

    // then
    assertThat(said.text())
        .contains("I keep the event catalog of Paris Tech Afterworks")
        .doesNotContain("-1001234")
        .doesNotContain("telegram:");
  }

  @Test
  void dansUnGroupeTelegramDitLeTitreDuGroupe() {
    // when
    Chat.Said said =
        chat.as("42")
            .on(Platform.TELEGRAM)
            .withLocale(Locale.FRENCH)
            .in("-1001234", "Networking Lyon")
            .send("/start");

    // then
    assertThat(said.text())
        .contains("catalogue d’événements de Networking Lyon")
        .doesNotContain("-1001234");
  }

  @Test
  void onDiscordSaysTheServersName() {
    // when
    Chat.Said said =
        chat.as("7").on(Platform.DISCORD).in("guild-99", "Rennes Tech Club").send("/start");

    // then
    assertThat(said.text()).contains("Rennes Tech Club").doesNotContain("guild-99");
  }

  @Test
  void aGroupFirstSeenWithoutItsTitleIsRenamedWhenTheTitleArrives() {
    // given a group the bot met before its adapter passed titles
    chat.as("42").on(Platform.TELEGRAM).in("-1001234").send("/events");

    // when
    Chat.Said said =
        chat.as("42").on(Platform.TELEGRAM).in("-1001234", "Paris Tech Afterworks").send("/start");

    // then
    assertThat(said.text()).contains("Paris Tech Afterworks").doesNotContain("telegram:");
  }

  @Test
  void inADirectChatOfSomeoneWhoNeverUsedAGroupSaysItIsAPrivateChat() {
    // when
    Chat.Said english = chat.as("42").on(Platform.TELEGRAM).direct().send("/start");
    Chat.Said french =
        chat.as("43").on(Platform.TELEGRAM).withLocale(Locale.FRENCH).direct().send("/start");

    // then
    assertThat(english.text()).contains("This is our private chat").doesNotContain("direct:");
    assertThat(french.text()).contains("notre conversation privée").doesNotContain("direct:");
  }

  @Test
  void inADirectChatSaysWhichGroupItAnswersFor() {
    // given
    chat.as("42").on(Platform.TELEGRAM).in("-1001234", "Paris Tech Afterworks").send("/events");

    // when
    Chat.Said english = chat.as("42").on(Platform.TELEGRAM).direct().send("/start");
    Chat.Said french =
        chat.as("42").on(Platform.TELEGRAM).withLocale(Locale.FRENCH).direct().send("/start");

    // then
    assertThat(english.text()).contains("In this private chat I answer for Paris Tech Afterworks");
    assertThat(french.text()).contains("je réponds pour Paris Tech Afterworks");
  }
}
