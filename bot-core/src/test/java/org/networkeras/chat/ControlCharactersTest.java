package org.networkeras.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.catalog.Event;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/**
 * Control characters never get past the inbound records: a NUL byte (which PostgreSQL refuses),
 * terminal escape sequences, DEL and C1 are removed before anything is stored; newlines and tabs
 * stay.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class ControlCharactersTest {

  /** NUL, ESC (a colour sequence), BEL, DEL, and the C1 control sequence introducer. */
  private static final String HOSTILE_TITLE = "Apéro\u0000 blogueurs\u001b[31m\u0007\u007f\u009b";

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void storesASuggestionWithANulByteAndEscapesWithoutThem() {
    // when
    Chat.Said said =
        chat.as("alice")
            .in("paris-tech")
            .send("/suggest " + HOSTILE_TITLE + " | jeudi 19h | Paris");

    // then
    assertThat(said.text()).contains("waits for a moderator");
    assertThat(stored(said).title()).isEqualTo("Apéro blogueurs[31m");
  }

  @Test
  void keepsNewLinesAndTabsOfAFormButDropsCarriageReturnsAndControls() {
    // given
    Chat.Member discord = chat.as("alice").on(Platform.DISCORD).in("guild-1");

    // when
    discord.send("/suggest");
    Chat.Said submitted =
        discord.submit(
            "suggest",
            Map.of(
                "title", "Soirée\u0000 networking",
                "when", "vendredi 19h",
                "where", "Paris",
                "link", "",
                "description", "Line one\r\n\tLine two\u0000\u001b]0;pwned\u0007"));

    // then
    assertThat(submitted.text()).contains("waits for a moderator");
    Event stored = stored(submitted);
    assertThat(stored.title()).isEqualTo("Soirée networking");
    assertThat(stored.description()).isEqualTo("Line one\n\tLine two]0;pwned");
  }

  @Test
  void cleansTheNameAPlatformGivesForAMember() {
    // when
    ChatUser user = ChatUser.member(Platform.TELEGRAM, "42", "Mallory\u001b[2J\u0000");

    // then
    assertThat(user.displayName()).isEqualTo("Mallory[2J");
  }

  @Test
  void leavesOrdinaryTextUntouched() {
    String text = "Café « à 19h » — 東京 🎉\n\tfin";

    assertThat(InputText.clean(text)).isSameAs(text);
  }

  private Event stored(Chat.Said queued) {
    long id = Long.parseLong(queued.text().replaceAll("(?s).*Suggestion (\\d+) now.*", "$1"));
    return database.events().find(id).orElseThrow();
  }
}
