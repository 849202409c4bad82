package org.networkeras.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.community.Community;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;
import org.networkeras.store.StoreException;
import org.networkeras.store.TestDatabases;

@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class JdbiEventRepositoryTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Instant NOON = Instant.parse("2031-03-06T12:00:00Z");
  private static final Set<EventStatus> PUBLISHED = EnumSet.of(EventStatus.PUBLISHED);
  private static final Set<EventStatus> ANY = EnumSet.allOf(EventStatus.class);

  @TempDir Path tempDir;

  private final TestDatabases.Backend backend;
  private Database database;
  private EventRepository events;
  private long paris;
  private long lille;

  JdbiEventRepositoryTest(TestDatabases.Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void openDatabase() {
    database = backend.open(tempDir);
    events = database.events();
    paris = community("console:paris");
    lille = community("console:lille");
  }

  @AfterEach
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void readsBackEveryFieldOfAnInsertedEvent() {
    // given
    Event event =
        new Event(
            0,
            paris,
            "Soirée Connect — l'apéro \"tech\" 🍻",
            Family.NETWORKING,
            Slot.EVENING,
            "Paris",
            "La Cantine",
            "151 rue Montmartre, 75002 Paris",
            NOON.plus(Duration.ofHours(7)),
            NOON.plus(Duration.ofHours(10)),
            "Bring business cards.\nSecond line; DROP TABLE events; --",
            "https://example.org/connect?a=1&b=2",
            "Connect team",
            List.of("startup", "e-reputation", "web2.0"),
            Admission.FREE,
            EventStatus.SUGGESTED,
            "suggestion",
            null,
            "telegram:4242",
            NOON.minus(Duration.ofDays(2)),
            NOON.minus(Duration.ofDays(1)));

    // when
    Event inserted = events.insert(event);

    // then
    assertThat(inserted.id()).isPositive();
    assertThat(inserted).isEqualTo(event.withId(inserted.id()));
    assertThat(events.find(inserted.id())).contains(inserted);
  }

  @Test
  void readsBackAnEventWhoseOptionalFieldsAreAbsent() {
    // given
    Event bare =
        new Event(
            0,
            paris,
            "Petit-déj",
            Family.COMMON_INTEREST,
            Slot.BREAKFAST,
            null,
            null,
            null,
            NOON,
            NOON.plusSeconds(3600),
            null,
            null,
            null,
            List.of(),
            Admission.PAID,
            EventStatus.PUBLISHED,
            "sample",
            null,
            null,
            NOON,
            NOON);

    // when
    Event inserted = events.insert(bare);

    // then
    assertThat(events.find(inserted.id())).contains(bare.withId(inserted.id()));
  }

  @Test
  void countsEachEditOfAnEventAndOfItsSeriesDates() {
    // given a single event and a series, both new
    Event single = events.insert(single(paris, NOON, "Apéro"));
    Event series = events.insert(withRecurrence(single(paris, NOON, "OpenCoffee"), "FREQ=WEEKLY"));
    events.insert(single(lille, NOON, "Elsewhere"));
    assertThat(events.revisions(paris)).containsOnly(entry(single.id(), 0), entry(series.id(), 0));

    // when the single is edited twice, a date of the series is stored then changed again
    events.update(single.withStatus(EventStatus.CANCELLED, NOON));
    events.update(single.withStatus(EventStatus.PUBLISHED, NOON));
    SeriesDate date =
        new SeriesDate(
            series.id(),
            java.time.LocalDate.of(2031, 3, 13),
            false,
            NOON.plus(java.time.Duration.ofDays(7)),
            NOON.plus(java.time.Duration.ofDays(7)).plusSeconds(3600),
            "OpenCoffee",
            null,
            null,
            NOON);
    events.putDate(date);
    events.putDate(date.cancel(NOON));

    // then
    assertThat(events.revisions(paris)).containsOnly(entry(single.id(), 2), entry(series.id(), 2));
  }

  @Test
  void readsBackASeriesWithItsRecurrence() {
    // given
    Event series = single(paris, NOON, "OpenCoffee");
    series = withRecurrence(series, "FREQ=WEEKLY;BYDAY=TH");

    // when
    Event inserted = events.insert(series);

    // then
    Event found = events.find(inserted.id()).orElseThrow();
    assertThat(found.recurrence()).isEqualTo("FREQ=WEEKLY;BYDAY=TH");
    assertThat(found.isSeries()).isTrue();
    assertThat(found).isEqualTo(inserted);
  }

  @Test
  void returnsInstantsAsStoredToTheMillisecond() {
    // given an event whose times carry microseconds, as a system clock gives them
    Instant precise = NOON.plusNanos(123_456_789);
    Event event = single(paris, precise, "Precise");

    // when
    Event inserted = events.insert(event);

    // then
    assertThat(inserted.start()).isEqualTo(NOON.plusMillis(123));
    assertThat(events.find(inserted.id())).contains(inserted);
  }

  @Test
  void givesEachInsertedEventItsOwnId() {
    // given
    Event event = single(paris, NOON, "Twice");

    // when
    long first = events.insert(event).id();
    long second = events.insert(event).id();

    // then
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void refusesToInsertAnEventThatAlreadyHasAnId() {
    // given
    Event stored = events.insert(single(paris, NOON, "Stored"));

    // when / then
    assertThatThrownBy(() -> events.insert(stored)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesATagItCannotStore() {
    // given
    Event event = withTags(single(paris, NOON, "Tagged"), List.of("a,b"));

    // when / then
    assertThatThrownBy(() -> events.insert(event)).isInstanceOf(IllegalArgumentException.class);
    assertThat(events.count(paris)).isZero();
  }

  @Test
  void reportsAnEventOfAnUnknownCommunityAsAStoreFailure() {
    // given
    Event orphan = single(999_999, NOON, "Orphan");

    // when / then
    assertThatThrownBy(() -> events.insert(orphan))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("insert an event into community 999999");
  }

  @Test
  void findsNothingForAnUnknownId() {
    // given an empty catalog
    // when / then
    assertThat(events.find(424_242)).isEmpty();
  }

  @Test
  void updateReplacesEveryField() {
    // given
    Event stored = events.insert(single(paris, NOON, "Before"));
    Event changed =
        new Event(
            stored.id(),
            paris,
            "After",
            Family.PROMOTIONAL,
            Slot.SATURDAY,
            "Lille",
            "Le Tripostal",
            "Avenue Willy Brandt",
            NOON.plus(Duration.ofDays(1)),
            NOON.plus(Duration.ofDays(1)).plus(Duration.ofHours(8)),
            "Now on Saturday",
            "https://example.org/launch",
            "Brand",
            List.of("launch"),
            Admission.FREE,
            EventStatus.CANCELLED,
            "import",
            "FREQ=MONTHLY",
            "discord:7",
            stored.createdAt(),
            NOON.plus(Duration.ofHours(1)));

    // when
    events.update(changed);

    // then
    assertThat(events.find(stored.id())).contains(changed);
  }

  @Test
  void updateCanClearOptionalFields() {
    // given
    Event stored = events.insert(single(paris, NOON, "Full"));
    Event cleared =
        new Event(
            stored.id(),
            paris,
            "Full",
            stored.family(),
            stored.slot(),
            null,
            null,
            null,
            stored.start(),
            stored.end(),
            null,
            null,
            null,
            List.of(),
            Admission.PAID,
            stored.status(),
            stored.source(),
            null,
            null,
            stored.createdAt(),
            stored.updatedAt());

    // when
    events.update(cleared);

    // then
    assertThat(events.find(stored.id())).contains(cleared);
  }

  @Test
  void updateOfAnUnknownEventFails() {
    // given
    Event ghost = single(paris, NOON, "Ghost").withId(777_777);

    // when / then
    assertThatThrownBy(() -> events.update(ghost))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("777777");
  }

  @Test
  void listsSinglesByStartThenId() {
    // given
    Event late = events.insert(single(paris, NOON.plusSeconds(7200), "Late"));
    Event earlyA = events.insert(single(paris, NOON, "Early A"));
    Event earlyB = events.insert(single(paris, NOON, "Early B"));
    Event middle = events.insert(single(paris, NOON.plusSeconds(60), "Middle"));

    // when
    List<Event> listed = events.findSingles(paris, NOON, NOON.plus(Duration.ofDays(1)), PUBLISHED);

    // then
    assertThat(listed).containsExactly(earlyA, earlyB, middle, late);
  }

  @Test
  void listsSinglesStartingInAHalfOpenRange() {
    // given
    Instant from = NOON;
    Instant to = NOON.plus(Duration.ofHours(6));
    events.insert(single(paris, from.minusMillis(1), "Just before"));
    Event atFrom = events.insert(single(paris, from, "At from"));
    Event lastInside = events.insert(single(paris, to.minusMillis(1), "Last inside"));
    events.insert(single(paris, to, "At to"));

    // when
    List<Event> listed = events.findSingles(paris, from, to, PUBLISHED);

    // then
    assertThat(listed).containsExactly(atFrom, lastInside);
  }

  @Test
  void listsOnlySinglesInTheGivenStatuses() {
    // given
    Event published = events.insert(single(paris, NOON, "Published"));
    Event suggested =
        events.insert(single(paris, NOON, "Suggested").withStatus(EventStatus.SUGGESTED, NOON));
    events.insert(single(paris, NOON, "Rejected").withStatus(EventStatus.REJECTED, NOON));
    Event cancelled =
        events.insert(single(paris, NOON, "Cancelled").withStatus(EventStatus.CANCELLED, NOON));
    Instant to = NOON.plusSeconds(1);

    // when
    List<Event> listed =
        events.findSingles(
            paris, NOON, to, EnumSet.of(EventStatus.PUBLISHED, EventStatus.CANCELLED));

    // then
    assertThat(listed).containsExactly(published, cancelled);
    assertThat(events.findSingles(paris, NOON, to, EnumSet.of(EventStatus.SUGGESTED)))
        .containsExactly(suggested);
    assertThat(events.findSingles(paris, NOON, to, Set.of())).isEmpty();
  }

  @Test
  void listsNeitherSeriesNorOtherCommunitiesAmongSingles() {
    // given
    Event mine = events.insert(single(paris, NOON, "Mine"));
    events.insert(withRecurrence(single(paris, NOON, "Weekly"), "FREQ=WEEKLY"));
    events.insert(single(lille, NOON, "Theirs"));

    // when
    List<Event> listed = events.findSingles(paris, NOON, NOON.plusSeconds(3600), ANY);

    // then
    assertThat(listed).containsExactly(mine);
  }

  @Test
  void listsSeriesThatBeganBeforeTheEndOfTheWindowById() {
    // given
    Event later = events.insert(withRecurrence(single(paris, NOON, "Later"), "FREQ=DAILY"));
    Event older =
        events.insert(
            withRecurrence(
                single(paris, NOON.minus(Duration.ofDays(400)), "Older"), "FREQ=WEEKLY"));
    Instant to = NOON.plus(Duration.ofDays(1));
    events.insert(withRecurrence(single(paris, to, "Starts at the end"), "FREQ=WEEKLY"));
    events.insert(single(paris, NOON, "A single"));
    events.insert(withRecurrence(single(lille, NOON, "Elsewhere"), "FREQ=WEEKLY"));

    // when
    List<Event> listed = events.findSeries(paris, to, PUBLISHED);

    // then
    assertThat(listed).containsExactly(later, older);
  }

  @Test
  void listsOnlySeriesInTheGivenStatuses() {
    // given
    Event published = events.insert(withRecurrence(single(paris, NOON, "On"), "FREQ=WEEKLY"));
    Event cancelled =
        events.insert(
            withRecurrence(single(paris, NOON, "Off"), "FREQ=WEEKLY")
                .withStatus(EventStatus.CANCELLED, NOON));
    Instant to = NOON.plusSeconds(1);

    // when
    List<Event> listed = events.findSeries(paris, to, PUBLISHED);

    // then
    assertThat(listed).containsExactly(published);
    assertThat(events.findSeries(paris, to, ANY)).containsExactly(published, cancelled);
    assertThat(events.findSeries(paris, to, Set.of())).isEmpty();
  }

  @Test
  void countsEventsAndSeriesOfACommunityInAnyStatus() {
    // given
    events.insert(single(paris, NOON, "One"));
    events.insert(single(paris, NOON, "Two").withStatus(EventStatus.REJECTED, NOON));
    events.insert(withRecurrence(single(paris, NOON, "Three"), "FREQ=WEEKLY"));
    events.insert(single(lille, NOON, "Elsewhere"));

    // when
    long count = events.count(paris);

    // then
    assertThat(count).isEqualTo(3);
    assertThat(events.count(999_999)).isZero();
  }

  @Test
  void insertsTenThousandEventsInOneTransaction() {
    // given
    List<Event> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(single(i % 2 == 0 ? paris : lille, NOON.plusSeconds(60L * i), "Event " + i));
    }

    // when (how long it takes is measured by the benchmarks' soak, not asserted here)
    List<Event> inserted = events.insertAll(many);

    // then
    assertThat(inserted).hasSize(10_000);
    for (int i = 0; i < many.size(); i++) {
      assertThat(inserted.get(i)).isEqualTo(many.get(i).withId(inserted.get(i).id()));
    }
    assertThat(inserted.stream().mapToLong(Event::id).distinct().count()).isEqualTo(10_000);
    assertThat(events.count(paris)).isEqualTo(5_000);
    assertThat(events.find(inserted.get(9_999).id())).contains(inserted.get(9_999));
  }

  @Test
  void insertAllStoresNothingWhenOneEventFails() {
    // given
    List<Event> batch =
        List.of(
            single(paris, NOON, "Fine"),
            single(999_999, NOON, "Unknown community"),
            single(paris, NOON, "Also fine"));

    // when / then
    assertThatThrownBy(() -> events.insertAll(batch)).isInstanceOf(StoreException.class);
    assertThat(events.count(paris)).isZero();
  }

  @Test
  void insertAllOfNothingReturnsNothing() {
    // given an empty batch
    // when / then
    assertThat(events.insertAll(List.of())).isEmpty();
  }

  @Test
  void storesACancelledAndAnOverriddenDateOfASeriesAndReplacesThem() {
    // given a weekly series and a series of another community
    Event series = events.insert(withRecurrence(single(paris, NOON, "Weekly"), "FREQ=WEEKLY"));
    Event other = events.insert(withRecurrence(single(lille, NOON, "Lille"), "FREQ=WEEKLY"));
    java.time.LocalDate week1 = NOON.atZone(PARIS).toLocalDate().plusWeeks(1);
    java.time.LocalDate week2 = week1.plusWeeks(1);
    Instant start1 = NOON.plus(Duration.ofDays(7));
    SeriesDate cancelled =
        new SeriesDate(
            series.id(),
            week1,
            true,
            start1,
            start1.plus(Duration.ofHours(2)),
            "Weekly",
            "Paris",
            "La Cantine",
            NOON);
    Instant moved = NOON.plus(Duration.ofDays(15));
    SeriesDate overridden =
        new SeriesDate(
            series.id(),
            week2,
            false,
            moved,
            moved.plus(Duration.ofHours(3)),
            "Weekly — special edition",
            "Lille",
            null,
            NOON);

    // when
    events.putDate(cancelled);
    events.putDate(overridden);
    events.putDate(
        new SeriesDate(
            other.id(), week1, true, start1, start1.plusSeconds(60), "Lille", null, null, NOON));

    // then
    assertThat(events.dates(series.id())).containsExactly(cancelled, overridden);
    assertThat(events.datesOfCommunity(paris)).containsExactly(cancelled, overridden);

    // when the cancelled date is put back with another title
    SeriesDate restored =
        new SeriesDate(
            series.id(),
            week1,
            false,
            start1,
            start1.plus(Duration.ofHours(2)),
            "Weekly (back)",
            "Paris",
            "La Cantine",
            NOON.plusSeconds(1));
    events.putDate(restored);

    // then it replaced the stored one
    assertThat(events.dates(series.id())).containsExactly(restored, overridden);
  }

  @Test
  void aSeriesListsItsChangedDatesWhereTheyNowStart() {
    // given a weekly series whose second date moved a day later and third was cancelled
    Event series = events.insert(withRecurrence(single(paris, NOON, "Weekly"), "FREQ=WEEKLY"));
    CatalogService catalog = new CatalogService(events);
    List<Occurrence> rule = catalog.ruleDates(series, PARIS, NOON, NOON.plus(Duration.ofDays(21)));
    Occurrence second = rule.get(1);
    Occurrence third = rule.get(2);
    Instant friday = second.start().plus(Duration.ofDays(1));
    catalog.putDate(
        SeriesDate.of(second, second.start().atZone(PARIS).toLocalDate(), NOON)
            .with(friday, friday.plus(Duration.ofHours(2)), "Moved", null, null, NOON));
    catalog.putDate(
        SeriesDate.of(third, third.start().atZone(PARIS).toLocalDate(), NOON).cancel(NOON));

    // when
    List<Occurrence> listed = catalog.upcoming(series, PARIS, NOON, 4);

    // then the moved date keeps its reference, the cancelled one is marked
    assertThat(listed)
        .extracting(Occurrence::ref)
        .containsExactly(
            rule.get(0).ref(),
            second.ref(),
            third.ref(),
            EventRef.of(series.id(), third.start().atZone(PARIS).toLocalDate().plusWeeks(1)));
    assertThat(listed.get(1).start()).isEqualTo(friday);
    assertThat(listed.get(1).event().title()).isEqualTo("Moved");
    assertThat(listed.get(2).event().status()).isEqualTo(EventStatus.CANCELLED);
    assertThat(listed.get(0).event().status()).isEqualTo(EventStatus.PUBLISHED);
  }

  private long community(String groupKey) {
    Community template =
        new Community(0, groupKey, PARIS, Language.FR, null, Instant.parse("2031-01-01T00:00:00Z"));
    return database.communities().findOrCreate(groupKey, template).id();
  }

  private static Event single(long communityId, Instant start, String title) {
    return new Event(
        0,
        communityId,
        title,
        Family.BLOGGERS,
        Slot.derive(start, start.plusSeconds(3 * 3600), PARIS),
        "Paris",
        "Le Comptoir",
        null,
        start,
        start.plusSeconds(3 * 3600),
        "An evening among bloggers.",
        null,
        null,
        List.of("blog"),
        Admission.FREE,
        EventStatus.PUBLISHED,
        "sample",
        null,
        null,
        NOON.minus(Duration.ofDays(30)),
        NOON.minus(Duration.ofDays(30)));
  }

  private static Event withRecurrence(Event event, String rule) {
    return new Event(
        event.id(),
        event.communityId(),
        event.title(),
        event.family(),
        event.slot(),
        event.city(),
        event.venue(),
        event.address(),
        event.start(),
        event.end(),
        event.description(),
        event.link(),
        event.organiser(),
        event.tags(),
        event.admission(),
        event.status(),
        event.source(),
        rule,
        event.author(),
        event.createdAt(),
        event.updatedAt());
  }

  private static Event withTags(Event event, List<String> tags) {
    return new Event(
        event.id(),
        event.communityId(),
        event.title(),
        event.family(),
        event.slot(),
        event.city(),
        event.venue(),
        event.address(),
        event.start(),
        event.end(),
        event.description(),
        event.link(),
        event.organiser(),
        tags,
        event.admission(),
        event.status(),
        event.source(),
        event.recurrence(),
        event.author(),
        event.createdAt(),
        event.updatedAt());
  }
}
