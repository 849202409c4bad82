package org.networkeras.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Visibility;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class EventsCommandTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00").withStarterCatalog("paris-tech");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void listsTonightsEveningEventsFromTheStarterCatalog() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events tonight");

    // then
    String text = said.isoText();
    assertThat(text).contains("Events from 2026-11-26T18:00+01:00 to 2026-11-27T00:00+01:00");
    assertThat(text).contains("Meetup Java & Café (sample)").contains("2026-11-26T19:00+01:00");
    assertThat(text).doesNotContain("OpenCoffee").doesNotContain("Apéro blogueurs");
    assertThat(said.reply().visibility()).isEqualTo(Visibility.PUBLIC);
  }

  @Test
  void listsTheEventsOfASpanOfDaysBothDaysIncluded() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events du 5 au 7 décembre");

    // then
    String text = said.isoText();
    assertThat(text).contains("Events from 2026-12-05T00:00+01:00 to 2026-12-08T00:00+01:00");
    String listed = text.substring(text.indexOf('\n'));
    assertThat(listed).containsPattern("2026-12-0[567]T").doesNotContain("2026-12-04T");
    assertThat(listed).doesNotContain("2026-12-08T");
  }

  @Test
  void listsTheEventsUntilTheEndOfAWeekdayWithAFilter() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events until Friday networking");

    // then
    String text = said.isoText();
    assertThat(text).contains("Events from 2026-11-26T10:00+01:00 to 2026-11-28T00:00+01:00");
    assertThat(text.substring(text.indexOf('\n'))).doesNotContain("2026-11-28T");
  }

  @Test
  void listsTheSameSpansInTheOtherLanguage() {
    // when
    Chat.Said days = chat.as("alice").in("paris-tech").send("/events from 5 to 7 December");
    Chat.Said until =
        chat.as("claire")
            .withLocale(java.util.Locale.FRENCH)
            .in("paris-tech")
            .send("/events jusqu'à vendredi networking");

    // then
    assertThat(days.isoText())
        .contains("Events from 2026-12-05T00:00+01:00 to 2026-12-08T00:00+01:00");
    String text = until.isoText();
    assertThat(text).contains("2026-11-26T10:00+01:00").contains("2026-11-28T00:00+01:00");
    assertThat(text.substring(text.indexOf('\n'))).doesNotContain("2026-11-28T");
  }

  @Test
  void listsTheNextSevenDaysByDefaultTenPerPageWithAMoreButton() {
    // when
    Chat.Said first = chat.as("alice").in("paris-tech").send("/events");

    // then
    assertThat(first.isoText())
        .contains("Events from 2026-11-26T10:00+01:00 to 2026-12-03T10:00+01:00")
        .contains("Showing 1–10 of 14.");
    Chat.Said second = chat.as("alice").in("paris-tech").press(first, "More");
    assertThat(second.isoText())
        .contains("2026-12-02T19:30+01:00 · Apéro blogueurs (sample)")
        .contains("Showing 11–14 of 14.");
    assertThat(second.reply().allButtons()).isEmpty();
  }

  @Test
  void filtersByFamilyAndCityInAnyOrderAndEitherLanguage() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events Lille networking");

    // then
    assertThat(said.text())
        .contains("Petit-déj entrepreneurs Lille (sample)")
        .contains("Afterwork Lille (sample)")
        .doesNotContain("Soirée Analytics Lille")
        .doesNotContain("Paris,");
  }

  @Test
  void answersInFrenchForAFrenchSpeakingMember() {
    // when
    Chat.Said said =
        chat.as("camille")
            .withLocale(Locale.FRENCH)
            .in("paris-tech")
            .send("/events ce soir blogueurs");

    // then
    assertThat(said.text()).contains("Événements du").contains("Rien n’est prévu");
  }

  @Test
  void saysWhichWordItDidNotUnderstandAndSuggestsTheNearestFilter() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events netwroking");

    // then
    assertThat(said.text()).contains("\"netwroking\"").contains("networking");
    assertThat(said.reply().visibility()).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void opensTheFullCardOfAnOccurrenceFromItsReference() {
    // given
    Chat.Said tonight = chat.as("alice").in("paris-tech").send("/events tonight techno");
    String ref = tonight.text().replaceAll("(?s).*e\\.g\\. /event (\\S+)\\..*", "$1");

    // when
    Chat.Said card = chat.as("alice").in("paris-tech").send("/event " + ref);

    // then
    assertThat(card.isoText())
        .contains("Meetup Java & Café (sample)")
        .contains("When: 2026-11-26T19:00+01:00 – 2026-11-26T21:30+01:00")
        .contains("Where: La Cantine d'Exemple, Paris")
        .contains("sample data")
        .contains("Next dates:");
  }

  @Test
  void refusesAnUnknownReferenceWithAHint() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/event 99999");

    // then
    assertThat(said.text()).contains("no event 99999");
  }

  @Test
  void keepsEachConsoleChatsCatalogApart() {
    // when
    Chat.Said said = chat.as("bob").in("lyon-dev").send("/events");

    // then
    assertThat(said.text()).contains("Nothing is listed for the next 7 days");
  }
}
