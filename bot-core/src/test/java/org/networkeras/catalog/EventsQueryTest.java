package org.networkeras.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.networkeras.command.CommandException;

final class EventsQueryTest {

  @Test
  void takesFamilyAndCityOutOfTheTimePhrase() {
    // when
    EventsQuery query = EventsQuery.parse("samedi networking paris", CatalogWords.cities(Set.of()));

    // then
    assertThat(query.timePhrase()).isEqualTo("samedi");
    assertThat(query.filter()).isEqualTo(new EventFilter(Family.NETWORKING, null, "Paris"));
  }

  @Test
  void matchesACityOfSeveralWordsWhateverItsCaseAccentsAndPunctuation() {
    // given a city only the catalog knows
    var cities = CatalogWords.cities(Set.of("Évry Courcouronnes"));

    // when
    EventsQuery query = EventsQuery.parse("ce soir à EVRY courcouronnes,", cities);

    // then the city is named as stored, and its preposition is gone from the time phrase
    assertThat(query.timePhrase()).isEqualTo("ce soir");
    assertThat(query.filter().city()).isEqualTo("Évry Courcouronnes");
  }

  @Test
  void refusesASecondCityInsteadOfReadingItAsATime() {
    // when
    CommandException refused =
        catchThrowableOfType(
            CommandException.class,
            () -> EventsQuery.parse("tonight lille rennes", CatalogWords.cities(Set.of())));

    // then
    assertThat(refused.messageKey()).isEqualTo("events.one_city");
    assertThat(refused.arguments()).containsExactly("lille", "rennes");
  }

  @Test
  void refusesASecondFamily() {
    // when
    CommandException refused =
        catchThrowableOfType(
            CommandException.class,
            () -> EventsQuery.parse("networking bloggers", CatalogWords.cities(Set.of())));

    // then
    assertThat(refused.messageKey()).isEqualTo("events.one_family");
    assertThat(refused.arguments()).containsExactly("networking", "bloggers");
  }

  @Test
  void leavesAnEmptyQueryEmpty() {
    // when
    EventsQuery query = EventsQuery.parse("  ", CatalogWords.cities(Set.of("Paris")));

    // then
    assertThat(query.timePhrase()).isEmpty();
    assertThat(query.filter()).isEqualTo(EventFilter.ALL);
  }

  @Test
  void aKindWordIsAKindEvenWhereItAlsoNamesAFamilyOrAPartOfTheDay() {
    // when
    EventsQuery barcamp = EventsQuery.parse("barcamp samedi", CatalogWords.cities(Set.of()));
    EventsQuery breakfast = EventsQuery.parse("vendredi petit-déj", CatalogWords.cities(Set.of()));

    // then
    assertThat(barcamp.timePhrase()).isEqualTo("samedi");
    assertThat(barcamp.filter()).isEqualTo(new EventFilter(null, null, null, Kind.BARCAMP));
    assertThat(breakfast.timePhrase()).isEqualTo("vendredi");
    assertThat(breakfast.filter().kind()).isEqualTo(Kind.BREAKFAST);
  }
}
