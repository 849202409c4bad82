package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.networkeras.command.CommandException;

/**
 * The table of {@code time/phrases.tsv}: one phrase said at one moment in one zone, and the range
 * or instant it must give, or the key of the refusal it must get. Expected times carry their UTC
 * offset, so a daylight-saving mistake fails even when the wall clock looks right.
 */
final class TimePhraseCasesTest {

  @ParameterizedTest(name = "[{index}] {0} {1} {2} \"{3}\"")
  @CsvFileSource(resources = "/time/phrases.tsv", delimiter = '\t')
  void resolvesEachPhraseAsTheTableSays(
      String now, String zone, String kind, String phrase, String expected, String expectedEnd) {
    // given
    ZoneId zoneId = ZoneId.of(zone);
    Instant at = LocalDateTime.parse(now).atZone(zoneId).toInstant();
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(at, zoneId));
    boolean range = kind.equals("range");

    if (expected.startsWith("time.")) {
      // when / then
      assertThatThrownBy(
              () -> {
                if (range) {
                  resolver.range(phrase, zoneId);
                } else {
                  resolver.instant(phrase, zoneId);
                }
              })
          .isInstanceOfSatisfying(
              CommandException.class,
              refusal -> {
                assertThat(refusal.messageKey()).isEqualTo(expected);
                assertThat(refusal.arguments()[0]).isEqualTo(phrase.strip());
              });
      return;
    }

    if (range) {
      // when
      TimeRange result = resolver.range(phrase, zoneId);
      // then
      assertThat(offsetTime(result.start(), zoneId)).isEqualTo(OffsetDateTime.parse(expected));
      assertThat(offsetTime(result.end(), zoneId)).isEqualTo(OffsetDateTime.parse(expectedEnd));
    } else {
      // when
      Instant result = resolver.instant(phrase, zoneId);
      // then
      assertThat(offsetTime(result, zoneId)).isEqualTo(OffsetDateTime.parse(expected));
    }
  }

  private static OffsetDateTime offsetTime(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime();
  }
}
