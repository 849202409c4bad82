package org.networkeras.rsvp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;

/** {@code /capacity} says its limits when a number is out of them. */
final class CapacityLimitsTest {

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private String ref;

  @BeforeEach
  void openChat() {
    database = TestDatabases.sqlite(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00");
    ref = Long.toString(Events.publish(chat, "paris-tech", "Apéro web", "2026-12-03T19:00").id());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void saysTheMaximumWhenTooManySeatsAreAsked() {
    // given
    Chat.Member mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
    Chat.Member marc =
        chat.as("marc").withRole(Role.MODERATOR).withLocale(Locale.FRENCH).in("paris-tech");

    // when
    Chat.Said english = mona.send("/capacity " + ref + " 999999");
    Chat.Said french = marc.send("/capacity " + ref + " 99999999999999999999");

    // then
    assertThat(english.text()).contains("999999 seats").contains("at most 100,000");
    assertThat(french.text()).contains("au plus 100").contains("ou aucune").doesNotContain("off");
    assertThat(mona.send("/capacity " + ref + " 100000").text()).contains("100,000 seats");
  }

  @Test
  void saysTheRangeWhenTheSeatsAreNoNumber() {
    // when
    Chat.Said said =
        chat.as("mona").withRole(Role.MODERATOR).in("paris-tech").send("/capacity " + ref + " 0");

    // then
    assertThat(said.text()).contains("from 1 to 100,000, or off");
  }
}
