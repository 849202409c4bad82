package org.networkeras.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The slots follow the scene's week ({@code DOMAIN.md}). 5 December 2026 is a Saturday. */
final class SlotTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @ParameterizedTest(name = "{0} for {1} min: {2}")
  @CsvSource({
    // regression: a Saturday 10:00 barcamp of two hours was "Breakfast"
    "2026-12-05T10:00, 120, SATURDAY",
    "2026-12-05T10:00, 480, SATURDAY",
    "2026-12-05T08:30, 90, SATURDAY",
    "2026-12-05T14:00, 120, SATURDAY",
    "2026-12-05T19:00, 180, EVENING",
    "2026-12-05T17:00, 360, SATURDAY",
    "2026-12-03T08:30, 90, BREAKFAST",
    "2026-12-04T10:59, 60, BREAKFAST",
    "2026-12-04T11:00, 60, OTHER",
    "2026-12-06T09:00, 120, OTHER",
    "2026-12-03T19:00, 120, EVENING",
    "2026-12-03T12:30, 90, OTHER",
    "2026-12-06T19:00, 120, EVENING"
  })
  void followsTheScenesWeek(String start, long minutes, Slot slot) {
    Instant begins = LocalDateTime.parse(start).atZone(PARIS).toInstant();
    assertThat(Slot.derive(begins, begins.plus(Duration.ofMinutes(minutes)), PARIS))
        .isEqualTo(slot);
  }
}
