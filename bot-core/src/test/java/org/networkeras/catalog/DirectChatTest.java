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
 * A direct chat with the bot answers for the group where the member last used it: its listings and
 * its "not found" say so, and how to choose another group, before any group as after.
 */
final class DirectChatTest {

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
  void beforeAnyGroupTheDirectChatSaysItSpeaksForNoneYetAndHowToChooseOne() {
    // given: zoe never used the bot in a group
    Chat.Member zoe = chat.as("zoe").direct();

    // when
    String events = zoe.send("/events").text();
    String going = zoe.send("/going 4-1126").text();

    // then
    assertThat(events)
        .contains("you have used me in none yet")
        .contains("Use /events in your community’s group");
    assertThat(going)
        .contains("I found no event 4-1126")
        .contains("you have used me in none yet")
        .contains("Use /events in your community’s group first");
  }

  @Test
  void afterAGroupTheDirectChatNamesItAndListsItsEvents() {
    // given
    chat.as("alice").in("paris-tech").send("/events");
    Chat.Member alice = chat.as("alice").direct();

    // when
    String events = alice.send("/events tonight").text();
    String going = alice.send("/going 99-1126").text();

    // then
    assertThat(events)
        .contains("In this private chat I answer for paris-tech, the group where you last used me")
        .contains("use me in that group first")
        .contains("Meetup Java & Café (sample)");
    assertThat(going)
        .contains("I found no event 99-1126 in the catalog of paris-tech")
        .contains("use me in that group first");
  }

  @Test
  void aMemberOfSeveralGroupsSwitchesByUsingTheBotInTheOther() {
    // given
    chat.as("alice").in("paris-tech").send("/events");
    chat.as("alice").in("lyon-dev", "Lyon Dev").send("/events");

    // when
    String events = chat.as("alice").direct().send("/events").text();

    // then
    assertThat(events).contains("I answer for Lyon Dev").doesNotContain("Meetup Java");
  }

  @Test
  void saysSoInFrench() {
    // given
    Chat.Member zoe = chat.as("zoe").withLocale(Locale.FRENCH).direct();
    chat.as("camille").withLocale(Locale.FRENCH).in("paris-tech").send("/events");
    Chat.Member camille = chat.as("camille").withLocale(Locale.FRENCH).direct();

    // then
    assertThat(zoe.send("/events").text()).contains("vous ne m’avez encore utilisé dans aucun");
    assertThat(zoe.send("/going 4-1126").text())
        .contains("Je ne trouve pas d’événement 4-1126")
        .contains("vous ne m’avez encore utilisé dans aucun");
    assertThat(camille.send("/events").text())
        .contains("je réponds pour paris-tech, le groupe où vous m’avez utilisé en dernier");
    assertThat(camille.send("/going 99-1126").text()).contains("dans le catalogue de paris-tech");
  }

  @Test
  void aGroupChatNeedsNoSuchNote() {
    // when
    Chat.Member alice = chat.as("alice").in("paris-tech");

    // then
    assertThat(alice.send("/events").text()).doesNotContain("private chat");
    assertThat(alice.send("/going 99-1126").text())
        .contains("I found no event 99-1126 in this community’s catalog")
        .doesNotContain("private chat");
  }
}
