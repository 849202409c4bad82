package org.networkeras.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.catalog.Event;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;

/**
 * A community page's version, which the web server's rendered pages are keyed by: it moves with
 * everything the page shows (events, answers, names shown, settings) and only for that community.
 */
final class PageVersionTest {

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private PageService pages;
  private long paris;
  private long lyon;

  @BeforeEach
  void openChat() {
    database = TestDatabases.sqlite(tempDir);
    chat = Chat.on(database).at("2026-11-26T10:00");
    pages = chat.wiring().pages();
    paris = chat.community("paris-tech").id();
    lyon = chat.community("lyon-tech").id();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void growsWithEachChangeThePageShowsAndOnlyForItsCommunity() {
    // given
    Chat.Member alice = chat.as("alice").in("paris-tech");
    String lyonBefore = pages.version(lyon);

    // when / then: an event published
    String v0 = pages.version(paris);
    Event event = Events.publish(chat, "paris-tech", "Apéro blogueurs", "2026-12-03T19:00");
    String v1 = pages.version(paris);
    assertThat(v1).isNotEqualTo(v0);

    // an answer
    alice.send("/going " + event.id());
    String v2 = pages.version(paris);
    assertThat(v2).isNotIn(v0, v1);

    // a member showing, then hiding, their name
    alice.send("/visible on");
    String v3 = pages.version(paris);
    alice.send("/visible off");
    String v4 = pages.version(paris);
    assertThat(v3).isNotIn(v0, v1, v2);
    assertThat(v4).isNotIn(v0, v1, v2, v3);

    // a setting
    chat.as("ada").withRole(Role.ADMIN).in("paris-tech").send("/settings web on");
    String v5 = pages.version(paris);
    assertThat(v5).isNotIn(v0, v1, v2, v3, v4);

    // and Lyon's pages were never touched
    assertThat(pages.version(lyon)).isEqualTo(lyonBefore);
  }

  @Test
  void staysTheSameWhileNothingChanges() {
    // given
    Events.publish(chat, "paris-tech", "Apéro blogueurs", "2026-12-03T19:00");
    String version = pages.version(paris);

    // when
    chat.as("alice").in("paris-tech").send("/events");

    // then
    assertThat(pages.version(paris)).isEqualTo(version);
  }
}
