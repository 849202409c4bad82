package org.networkeras.settings;

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

/**
 * {@code /settings city} makes a visible difference: the home city's events come first on each day
 * of {@code /events} and rank higher in {@code /foryou}, and the confirmation says so.
 */
final class HomeCityTest {

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member admin;
  private Chat.Member alice;

  @BeforeEach
  void openChat() {
    database = TestDatabases.sqlite(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00").withStarterCatalog("paris-tech");
    admin = chat.as("ada").withRole(Role.ADMIN).in("paris-tech");
    alice = chat.as("alice").in("paris-tech");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theConfirmationSaysWhatTheHomeCityDoes() {
    // when
    String saved = admin.send("/settings city Rennes").text();
    String shown = admin.send("/settings").text();
    String off = admin.send("/settings city off").text();

    // then
    assertThat(saved)
        .contains("Default city (city): Rennes")
        .contains("Events in Rennes now come first on each day of /events")
        .contains("/foryou");
    assertThat(shown).contains("Default city (city): Rennes (listed first)");
    assertThat(off).contains("No home city: listings keep the order of start times.");
  }

  @Test
  void theConfirmationSaysSoInFrench() {
    // when
    String saved =
        chat.as("ada")
            .withRole(Role.ADMIN)
            .withLocale(Locale.FRENCH)
            .in("paris-tech")
            .send("/settings ville Rennes")
            .text();

    // then
    assertThat(saved)
        .contains("Ville par défaut (ville) : Rennes")
        .contains("Les événements à Rennes passent désormais en tête de chaque jour dans /events");
  }

  @Test
  void eventsInTheHomeCityComeFirstOnEachDay() {
    // given: on Tuesday 1 December, Lille's breakfast is at 08:30 and Rennes's bloggers at 19:00
    String before = alice.send("/events").text();

    // when
    admin.send("/settings city Rennes");
    String after = alice.send("/events").text();

    // then
    assertThat(before.indexOf("Petit-déj entrepreneurs Lille"))
        .isLessThan(before.indexOf("Blogueurs de Rennes"));
    assertThat(after.indexOf("Blogueurs de Rennes"))
        .isPositive()
        .isLessThan(after.indexOf("Petit-déj entrepreneurs Lille"));
    assertThat(after.indexOf("Petit-déj entrepreneurs Lille"))
        .isLessThan(after.indexOf("Afterwork Connect"));
  }

  @Test
  void forYouLiftsTheHomeCityAndSaysWhy() {
    // given
    String before = alice.send("/foryou").text();

    // when
    admin.send("/settings city Rennes");
    String after = alice.send("/foryou").text();
    String french =
        chat.as("amelie").withLocale(Locale.FRENCH).in("paris-tech").send("/foryou").text();

    // then
    assertThat(before).doesNotContain("Rennes (sample)");
    assertThat(after)
        .contains("Blogueurs de Rennes (sample)")
        .contains("in Rennes, this community’s home city");
    assertThat(french).contains("à Rennes, la ville de la communauté");
  }
}
