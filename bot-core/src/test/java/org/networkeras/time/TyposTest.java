package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TyposTest {

  @ParameterizedTest(name = "{0} / {1} = {2}")
  @CsvSource({
    "samedi, samedi, 0",
    "smaedi, samedi, 1",
    "tomorow, tomorrow, 1",
    "vendredii, vendredi, 1",
    "wensday, wednesday, 2",
    "lundi, mardi, 3",
    "abc, xyz, 3"
  })
  void countsInsertionsDeletionsSubstitutionsAndSwaps(String a, String b, int expected) {
    // given
    Typos typos = new Typos(16);

    // when
    int distance = typos.distance(a, b, 5);

    // then
    assertThat(distance).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} / {1} within {2}")
  @CsvSource({"samedi, dimanche, 1", "a, abcdefgh, 2", "demain, xxxxxx, 2"})
  void stopsAtTheLimitPlusOne(String a, String b, int limit) {
    // when
    int distance = new Typos(16).distance(a, b, limit);

    // then
    assertThat(distance).isEqualTo(limit + 1);
  }
}
