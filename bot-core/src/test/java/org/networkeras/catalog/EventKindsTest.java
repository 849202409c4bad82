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
 * A word naming a kind of event narrower than a family (barcamp, afterwork, apéro, petit-déj…)
 * keeps the events of that kind, and the listing says so; family words keep the whole family.
 */
final class EventKindsTest {

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;
  private Chat.Member camille;

  @BeforeEach
  void openChat() {
    database = TestDatabases.sqlite(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00").withStarterCatalog("paris-tech");
    alice = chat.as("alice").in("paris-tech");
    camille = chat.as("camille").withLocale(Locale.FRENCH).in("paris-tech");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void barcampListsBarcampsNotTheWholeCommonInterestFamily() {
    // when
    String text = alice.send("/events barcamp").text();

    // then
    assertThat(text)
        .contains("Events matching “barcamp” from")
        .contains("Barcamp du samedi (sample)")
        .doesNotContain("Petit-déj personal branding")
        .doesNotContain("Meetup Java")
        .doesNotContain("Café carto");
  }

  @Test
  void aBarcampIsFoundByItsTagAsWellAsItsTitle() {
    // when
    String text = alice.send("/events barcamp next week").text();

    // then
    assertThat(text).contains("Barcamp du samedi (sample)").contains("Rennes Web Camp (sample)");
  }

  @Test
  void familyWordsStillListTheWholeFamily() {
    // when
    String text = alice.send("/events techno").text();

    // then
    assertThat(text)
        .contains("Events from")
        .contains("Common interest")
        .contains("Barcamp du samedi (sample)")
        .contains("Petit-déj personal branding (sample)");
  }

  @Test
  void afterworkListsAfterworksNotEveryEvening() {
    // when
    String text = alice.send("/events afterwork").text();

    // then
    assertThat(text)
        .contains("Events matching “afterwork”")
        .contains("Afterwork Connect (sample)")
        .contains("Friday Startup Drinks (sample)")
        .contains("Afterwork Lille (sample)")
        .doesNotContain("Apéro blogueurs")
        .doesNotContain("Meetup Java");
  }

  @Test
  void aperoWithOrWithoutItsAccentListsDrinks() {
    // when
    String accented = alice.send("/events apéro").text();
    String plain = alice.send("/events apero").text();

    // then
    for (String text : new String[] {accented, plain}) {
      assertThat(text)
          .contains("Events matching “apéro”")
          .contains("Apéro blogueurs (sample)")
          .contains("Friday Startup Drinks (sample)")
          .doesNotContain("Afterwork Connect");
    }
  }

  @Test
  void petitDejListsTheBreakfastsOfTheWeekInFrench() {
    // when
    String text = camille.send("/events petit-déj").text();

    // then
    assertThat(text)
        .contains("Événements « petit-déj » du")
        .contains("Petit-déj personal branding (sample)")
        .contains("Petit-déj entrepreneurs Lille (sample)")
        .contains("Café blogueurs du vendredi (sample)")
        .doesNotContain("Barcamp")
        .doesNotContain("Afterwork");
  }

  @Test
  void barcampInFrenchSaysSoToo() {
    // when
    String text = camille.send("/events barcamp la semaine prochaine").text();

    // then
    assertThat(text)
        .contains("Événements « barcamp » du")
        .contains("Rennes Web Camp (sample)")
        .doesNotContain("Petit-déj");
  }

  @Test
  void theNextPageKeepsTheKind() {
    // given
    Chat.Said first = alice.send("/events breakfast next month");

    // when
    Chat.Said second = alice.press(first, "More");

    // then
    assertThat(second.text())
        .contains("Events matching “breakfast”")
        .doesNotContain("Afterwork")
        .doesNotContain("Barcamp");
  }

  @Test
  void twoKindsAreAskedOneAtATime() {
    // when
    String text = alice.send("/events barcamp afterwork").text();

    // then
    assertThat(text).contains("one kind of event at a time");
  }
}
