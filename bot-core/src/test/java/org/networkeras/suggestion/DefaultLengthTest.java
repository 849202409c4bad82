package org.networkeras.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.networkeras.time.EventTime;

/**
 * When no end is said, an event gets the length its slot or its words give it: a barcamp or a
 * Saturday daytime event runs until 18:00, an evening three hours, a breakfast (and anything else)
 * two. A stated end always wins. 5 December 2026 is a Saturday.
 */
final class DefaultLengthTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static Instant paris(String local) {
    return LocalDateTime.parse(local).atZone(PARIS).toInstant();
  }

  @ParameterizedTest(name = "{0} at {1}: until {2}")
  @CsvSource({
    "Barcamp e-réputation, 2026-12-05T10:00, 2026-12-05T18:00",
    "Atelier WordPress, 2026-12-05T09:30, 2026-12-05T18:00",
    "Atelier WordPress, 2026-12-05T16:30, 2026-12-05T18:30",
    "WordCamp Paris, 2026-12-03T09:00, 2026-12-03T18:00",
    "Apéro blogueurs, 2026-12-03T19:00, 2026-12-03T22:00",
    "Apéro blogueurs, 2026-12-05T19:00, 2026-12-05T22:00",
    "Petit-déj OpenCoffee, 2026-12-03T08:30, 2026-12-03T10:30",
    "Déjeuner réseau, 2026-12-03T12:30, 2026-12-03T14:30"
  })
  void anEventWithNoStatedEndGetsItsDefaultLength(String title, String start, String end) {
    SuggestionRules.Times times = new SuggestionRules.Times(paris(start), null, null);
    assertThat(SuggestionRules.end(title, times, PARIS)).isEqualTo(paris(end));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Barcamp e-réputation, 2026-12-05T10:00, 2026-12-05T13:00",
    "Apéro blogueurs, 2026-12-03T19:00, 2026-12-03T22:30"
  })
  void aStatedEndWins(String title, String start, String end) {
    EventTime stated = EventTime.single(paris(start), paris(end));
    SuggestionRules.Times times =
        new SuggestionRules.Times(stated.start(), stated.end(), stated.recurrence());
    assertThat(SuggestionRules.end(title, times, PARIS)).isEqualTo(paris(end));
  }
}
