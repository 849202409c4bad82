package org.networkeras.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.community.Community;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.time.TimeRange;

final class StarterCatalogTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Community community;

  @BeforeEach
  void load() {
    database = TestDatabases.sqlite(tempDir);
    chat = Chat.on(database).withStarterCatalog("general");
    community = chat.community("general");
  }

  @AfterEach
  void close() {
    database.close();
  }

  private int count(LocalDate day, LocalTime from, LocalTime to) {
    TimeRange range = new TimeRange(day.atTime(from).atZone(PARIS).toInstant(), endOf(day, to));
    return chat.wiring().catalog().list(community, range, EventFilter.ALL).size();
  }

  private static Instant endOf(LocalDate day, LocalTime to) {
    return to.equals(LocalTime.MIDNIGHT)
        ? day.plusDays(1).atStartOfDay(PARIS).toInstant()
        : day.atTime(to).atZone(PARIS).toInstant();
  }

  @Test
  void offersAnEveningAndABreakfastEveryWeekdayAndSomethingEverySaturdayAllYearRound() {
    // over a whole year, across both daylight-saving changes
    LocalDate first = LocalDate.of(2026, 1, 1);
    for (LocalDate day = first; day.isBefore(first.plusYears(1)); day = day.plusDays(1)) {
      DayOfWeek weekday = day.getDayOfWeek();
      if (weekday == DayOfWeek.SATURDAY) {
        assertThat(count(day, LocalTime.of(8, 0), LocalTime.of(18, 0))).as("%s", day).isPositive();
      } else if (weekday != DayOfWeek.SUNDAY) {
        assertThat(count(day, LocalTime.of(18, 0), LocalTime.MIDNIGHT))
            .as("evening of %s", day)
            .isPositive();
        assertThat(count(day, LocalTime.of(7, 0), LocalTime.of(10, 0)))
            .as("breakfast of %s", day)
            .isPositive();
      }
    }
  }

  @Test
  void coversTheFourFamiliesTheThreeSlotsAndThreeCitiesAndIsMarkedAsSample() {
    // when
    TimeRange month =
        new TimeRange(
            LocalDate.of(2026, 11, 1).atStartOfDay(PARIS).toInstant(),
            LocalDate.of(2026, 12, 1).atStartOfDay(PARIS).toInstant());
    var occurrences = chat.wiring().catalog().list(community, month, EventFilter.ALL);

    // then
    Set<Family> families =
        occurrences.stream().map(o -> o.event().family()).collect(Collectors.toSet());
    Set<Slot> slots = occurrences.stream().map(o -> o.event().slot()).collect(Collectors.toSet());
    Set<String> cities =
        occurrences.stream().map(o -> o.event().city()).collect(Collectors.toSet());
    assertThat(families).isEqualTo(EnumSet.allOf(Family.class));
    assertThat(slots).contains(Slot.BREAKFAST, Slot.EVENING, Slot.SATURDAY);
    assertThat(cities).contains("Paris", "Lille", "Rennes");
    assertThat(occurrences)
        .allSatisfy(
            o -> {
              assertThat(o.event().source()).isEqualTo("sample");
              assertThat(o.event().title()).endsWith("(sample)");
              assertThat(o.event().isSeries()).isTrue();
            });
  }

  @Test
  void loadsOnlyIntoAnEmptyCatalog() {
    // when
    int again = chat.wiring().loadStarterCatalog(community);

    // then
    assertThat(again).isZero();
  }
}
