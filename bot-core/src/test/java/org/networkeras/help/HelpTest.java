package org.networkeras.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.ParameterSpec;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/** {@code /help} lists the commands with their parameters in the member's own words. */
final class HelpTest {

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
  void everyParameterOfEveryCommandHasAWordInEveryLanguage() {
    // given
    Messages messages = Messages.load();
    Set<String> missing = new TreeSet<>();

    // when
    for (CommandSpec spec : chat.core().commandSpecs()) {
      for (ParameterSpec parameter : spec.parameters()) {
        for (Language language : Language.values()) {
          if (!messages.has(language, "usage." + parameter.name())) {
            missing.add(language.code() + ": usage." + parameter.name());
          }
        }
      }
    }

    // then
    assertThat(missing).isEmpty();
  }

  @Test
  void frenchHelpShowsParametersAndFamiliesInFrench() {
    // given
    Chat.Member amelie = chat.as("amelie").withLocale(Locale.FRENCH).in("paris-tech");

    // when
    String all = amelie.send("/help").text();
    String events = amelie.send("/help events").text();

    // then
    assertThat(all)
        .contains("/events [quand] [famille] [créneau] [ville]")
        .doesNotContain("[when]");
    assertThat(events)
        .contains("Blogueurs, Événementiel, Intérêts communs")
        .doesNotContain("common_interest")
        .doesNotContain("bloggers");
  }

  @Test
  void englishHelpShowsParametersInEnglish() {
    // when
    String all = chat.as("alice").in("paris-tech").send("/help").text();

    // then
    assertThat(all).contains("/events [when] [family] [slot] [city]").doesNotContain("[quand]");
  }
}
