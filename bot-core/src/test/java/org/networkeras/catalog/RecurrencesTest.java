package org.networkeras.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.testing.Events;

final class RecurrencesTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Messages MESSAGES = Messages.load();
  private final Recurrences recurrences = new Recurrences();

  @Test
  void aSeriesWhoseFirstDateFallsInTheSpringGapKeepsTheTimeSaidOnEveryOtherDate() {
    // given: "every Sunday at 2:30am" said on Saturday 27 March 2027; 02:30 on the 28th is in the
    // gap
    Instant first = LocalDateTime.parse("2027-03-28T02:30").atZone(PARIS).toInstant();
    assertThat(first.atZone(PARIS).toLocalTime()).isEqualTo(LocalTime.of(3, 30));

    // when
    String stored = Recurrences.seeded("FREQ=WEEKLY;BYDAY=SU", first, LocalTime.of(2, 30), PARIS);

    // then: only the gap date moves
    assertThat(stored).isEqualTo("FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30");
    assertThat(starts(series(first, stored), 3))
        .containsExactly(
            "2027-03-28T03:30+02:00", "2027-04-04T02:30+02:00", "2027-04-11T02:30+02:00");
  }

  @Test
  void regressionAGapSeedWithoutItsPinGaveTheShiftedTimeToEveryDate() {
    Instant first = LocalDateTime.parse("2027-03-28T02:30").atZone(PARIS).toInstant();

    assertThat(starts(series(first, "FREQ=WEEKLY;BYDAY=SU"), 2))
        .as("what the catalog did before series were stored pinned")
        .containsExactly("2027-03-28T03:30+02:00", "2027-04-04T03:30+02:00");
  }

  @Test
  void aSeriesOutsideTheGapIsStoredAsItsRuleSays() {
    Instant first = LocalDateTime.parse("2027-03-21T02:30").atZone(PARIS).toInstant();

    String stored = Recurrences.seeded("FREQ=WEEKLY;BYDAY=SU", first, LocalTime.of(2, 30), PARIS);

    assertThat(stored).isEqualTo("FREQ=WEEKLY;BYDAY=SU");
    assertThat(starts(series(first, stored), 3))
        .containsExactly(
            "2027-03-21T02:30+01:00", "2027-03-28T03:30+02:00", "2027-04-04T02:30+02:00");
  }

  @Test
  void aSeriesMovedToAnotherTimeLosesItsOldPin() {
    Instant moved = LocalDateTime.parse("2027-04-04T19:00").atZone(PARIS).toInstant();

    assertThat(Recurrences.seeded("FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30", moved, null, PARIS))
        .isEqualTo("FREQ=WEEKLY;BYDAY=SU");
  }

  @Test
  void aPinnedSeriesDatesStartAtThePinnedTimeOfDay() {
    Instant first = LocalDateTime.parse("2027-03-28T02:30").atZone(PARIS).toInstant();

    assertThat(
            Recurrences.timeOfDay(
                series(first, "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30"), PARIS))
        .isEqualTo(LocalTime.of(2, 30));
    assertThat(Recurrences.timeOfDay(series(first, "FREQ=WEEKLY;BYDAY=SU"), PARIS))
        .isEqualTo(LocalTime.of(3, 30));
  }

  @Test
  void aPinnedRuleIsSaidInWordsWithTheTimeEveryDateKeeps() {
    Instant first = LocalDateTime.parse("2027-03-28T02:30").atZone(PARIS).toInstant();
    String stored = "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30";

    assertThat(
            RepeatWords.describe(
                MESSAGES, Language.EN, stored, first, first.plusSeconds(3_600), PARIS))
        .isEqualTo("every Sunday, 02:30–03:30");
    assertThat(
            RepeatWords.describe(
                MESSAGES, Language.FR, stored, first, first.plusSeconds(3_600), PARIS))
        .isEqualTo("tous les dimanches, 2h30–3h30");
  }

  private List<String> starts(Event series, int count) {
    return recurrences
        .between(series, PARIS, series.start(), series.start().plusSeconds(86_400L * 60))
        .stream()
        .limit(count)
        .map(o -> OffsetDateTime.ofInstant(o.start(), PARIS).toString())
        .toList();
  }

  private static Event series(Instant first, String rule) {
    return Events.series("Night run", first, rule);
  }
}
