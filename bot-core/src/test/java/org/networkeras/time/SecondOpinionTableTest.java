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
 * A second, independently written table ({@code time/second-opinion.tsv}): one phrase said at one
 * moment in one zone, and the range or instant it must give, or {@code time.…} when it must be
 * refused. It was written by another engineer from TIME-PHRASES.md alone, so where the two tables
 * agree the rule is read the same way twice. Expected times carry their UTC offset, so a
 * daylight-saving mistake fails even when the wall clock looks right. Refusal keys are not
 * compared: this table only says that a phrase is refused.
 */
final class SecondOpinionTableTest {

  @ParameterizedTest(name = "[{index}] {0} {1} {2} \"{3}\"")
  @CsvFileSource(resources = "/time/second-opinion.tsv", delimiter = '\t')
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
          .isInstanceOf(CommandException.class);
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
