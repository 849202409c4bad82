package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.networkeras.command.CommandException;

/**
 * The cases of {@code time/phrases.tsv}: one phrase, one now, one zone, and the range, instant or
 * refusal expected. Times without an offset are local to the row's zone.
 */
final class TimePhraseTableTest {

  @ParameterizedTest(name = "{index}: {2} \"{3}\" at {0} {1}")
  @CsvFileSource(resources = "/time/phrases.tsv", delimiter = '\t', encoding = "UTF-8")
  void resolvesEachPhraseAsTheTableSays(
      String now, String zone, String kind, String phrase, String start, String end) {
    // given
    ZoneId zoneId = ZoneId.of(zone);
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(at(now, zoneId), zoneId));
    boolean instant = kind.equals("instant");

    // when
    Object result;
    try {
      result = instant ? resolver.instant(phrase, zoneId) : resolver.range(phrase, zoneId);
    } catch (CommandException refused) {
      result = refused;
    }

    // then
    if (start.equals("ERROR")) {
      assertThat(result).isInstanceOf(CommandException.class);
      assertThat(((CommandException) result).messageKey()).isEqualTo(end);
    } else if (instant) {
      assertThat(result).isEqualTo(at(start, zoneId));
    } else {
      assertThat(result).isEqualTo(new TimeRange(at(start, zoneId), at(end, zoneId)));
    }
  }

  @ParameterizedTest(name = "{index}: {2} \"{3}\" at {0} {1}")
  @CsvFileSource(resources = "/time/phrases.tsv", delimiter = '\t', encoding = "UTF-8")
  void refusesOnlyWithCommandExceptions(
      String now, String zone, String kind, String phrase, String start, String end) {
    // given
    ZoneId zoneId = ZoneId.of(zone);
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(at(now, zoneId), zoneId));

    // when
    Throwable range = catchThrowable(() -> resolver.range(phrase, zoneId));
    Throwable instant = catchThrowable(() -> resolver.instant(phrase, zoneId));

    // then
    assertThat(range).satisfiesAnyOf(t -> assertThat(t).isNull(), TimePhraseTableTest::isRefusal);
    assertThat(instant).satisfiesAnyOf(t -> assertThat(t).isNull(), TimePhraseTableTest::isRefusal);
  }

  private static void isRefusal(Throwable thrown) {
    assertThat(thrown).isInstanceOf(CommandException.class);
  }

  /**
   * A date-time with an offset, or a local one in {@code zone} (the earlier offset in an overlap).
   */
  static Instant at(String text, ZoneId zone) {
    if (text.length() > 16) {
      return OffsetDateTime.parse(text).toInstant();
    }
    return LocalDateTime.parse(text).atZone(zone).toInstant();
  }
}
