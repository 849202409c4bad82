package org.networkeras.catalog;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.networkeras.command.CommandException;

/** A series holds at most one date a day and at most 500 dates, whatever set its rule. */
final class SeriesSizeTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Instant START =
      LocalDateTime.parse("2026-12-03T19:00").atZone(PARIS).toInstant();
  private final Recurrences recurrences = new Recurrences();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FREQ=WEEKLY;BYDAY=TH",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20271217T225959Z",
        "FREQ=DAILY",
        "FREQ=DAILY;COUNT=500",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;BYMONTHDAY=31"
      })
  void acceptsWhatAChatSentenceStates(String rule) {
    assertThatCode(() -> recurrences.checkSize(rule, START, PARIS, "phrase"))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FREQ=HOURLY;INTERVAL=3",
        "FREQ=MINUTELY",
        "FREQ=DAILY;BYHOUR=9,19",
        "FREQ=WEEKLY;BYDAY=TH;BYMINUTE=0,30"
      })
  void refusesMoreThanOneDateADay(String rule) {
    assertThatThrownBy(() -> recurrences.checkSize(rule, START, PARIS, "phrase"))
        .isInstanceOfSatisfying(
            CommandException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.messageKey())
                    .isEqualTo("repeat.too_dense"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FREQ=DAILY;COUNT=501",
        "FREQ=DAILY;UNTIL=20301231T225959Z",
        "FREQ=WEEKLY;COUNT=999"
      })
  void refusesMoreThanFiveHundredDates(String rule) {
    assertThatThrownBy(() -> recurrences.checkSize(rule, START, PARIS, "phrase"))
        .isInstanceOfSatisfying(
            CommandException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.messageKey())
                    .isEqualTo("repeat.too_many"));
  }
}
