package org.networkeras.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.cluster.CacheEvents;
import org.networkeras.community.Community;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.time.TimeRange;

/** The listing cache: bounded by what it holds, and one copy of a community's days at a time. */
final class CatalogServiceTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Instant NOON = Instant.parse("2031-03-06T11:00:00Z");
  private static final TimeRange SIXTY_TWO_DAYS =
      new TimeRange(NOON.minus(Duration.ofHours(11)), NOON.plus(Duration.ofDays(62)));

  @TempDir Path tempDir;

  private Database database;
  private Community paris;

  @BeforeEach
  void openDatabase() {
    database = TestDatabases.sqlite(tempDir);
    Community template =
        new Community(0, "Paris Tech", PARIS, Language.EN, null, NOON.minus(Duration.ofDays(9)));
    paris = database.communities().findOrCreate("console:paris", template);
  }

  @AfterEach
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void keepsOneCopyOfACommunitysDaysHoweverOftenItsCatalogChanges() {
    // given: 62 days of events, listed once
    CatalogService catalog = new CatalogService(database.events());
    catalog.addAll(events(62, 1));
    catalog.list(paris, SIXTY_TWO_DAYS, EventFilter.ALL);
    long daysOfOneListing = cachedDays(catalog);

    // when: 1,500 edits, each followed by someone's listing (regression: issue 11, where each
    // catalog version added 62 more days until the heap ran out)
    for (int edit = 0; edit < 1_500; edit++) {
      catalog.changed(paris.id());
      catalog.list(paris, SIXTY_TWO_DAYS, EventFilter.ALL);
    }

    // then
    assertThat(daysOfOneListing).isBetween(62L, 63L);
    assertThat(cachedDays(catalog)).isEqualTo(daysOfOneListing);
  }

  @Test
  void showsAChangeAtOnceThoughTheDaysAreCached() {
    // given
    CatalogService catalog = new CatalogService(database.events());
    List<Event> two = events(1, 2);
    catalog.add(two.get(0));
    assertThat(catalog.list(paris, SIXTY_TWO_DAYS, EventFilter.ALL)).hasSize(1);

    // when
    catalog.add(two.get(1));
    List<Occurrence> listed = catalog.list(paris, SIXTY_TWO_DAYS, EventFilter.ALL);

    // then
    assertThat(listed).extracting(o -> o.event().title()).containsExactly("Event 0-0", "Event 0-1");
  }

  @Test
  void holdsNoMoreOccurrencesThanItsWeightAllowsYetListsThemAll() {
    // given: 20 events a day for 62 days, in a cache that holds 1,000 days and occurrences
    CatalogService catalog = new CatalogService(database.events(), CacheEvents.local(), 1_000);
    catalog.addAll(events(62, 20));

    // when
    List<Occurrence> listed = catalog.list(paris, SIXTY_TWO_DAYS, EventFilter.ALL);

    // then
    assertThat(listed).hasSize(62 * 20);
    assertThat(weight(catalog)).isPositive().isLessThanOrEqualTo(1_000);
  }

  private static long cachedDays(CatalogService catalog) {
    Cache<?, ?> cache = catalog.cache();
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private static long weight(CatalogService catalog) {
    Cache<?, ?> cache = catalog.cache();
    cache.cleanUp();
    return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  /** {@code perDay} two-hour events at noon-ish on each of {@code days} days from today. */
  private List<Event> events(int days, int perDay) {
    List<Event> events = new ArrayList<>();
    for (int day = 0; day < days; day++) {
      for (int i = 0; i < perDay; i++) {
        Instant start = NOON.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(i));
        events.add(
            new Event(
                0,
                paris.id(),
                "Event " + day + "-" + i,
                Family.BLOGGERS,
                Slot.derive(start, start.plusSeconds(7200), PARIS),
                "Paris",
                "Le Comptoir",
                null,
                start,
                start.plusSeconds(7200),
                null,
                null,
                null,
                List.of(),
                Admission.FREE,
                EventStatus.PUBLISHED,
                "sample",
                null,
                null,
                NOON,
                NOON));
      }
    }
    return events;
  }
}
