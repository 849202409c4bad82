package org.networkeras.catalog;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.networkeras.cluster.CacheEvents;
import org.networkeras.community.Community;
import org.networkeras.time.TimeRange;

/**
 * Reads and writes the catalog. Listings are served from a cache of each community's occurrences by
 * local day, filled in bulk from the repository and dropped when the community's catalog changes
 * through this service, on every instance sharing the database (through {@link CacheEvents}).
 * Entries also expire after a few minutes, which bounds staleness should such a message be lost.
 *
 * <p>The cache is bounded by weight, one per cached day plus one per occurrence it holds, so a
 * community with a crowded catalog takes its share of memory, not a fixed number of days, whatever
 * members do. A change drops the community's cached days at once; each key also carries the catalog
 * version it was read at, so a listing read before a change and stored after it is never served.
 * Thread-safe.
 */
public final class CatalogService {

  /** The statuses listings show: published events, and cancelled ones marked as such. */
  static final Set<EventStatus> LISTED = EnumSet.of(EventStatus.PUBLISHED, EventStatus.CANCELLED);

  private static final Comparator<Occurrence> BY_START =
      Comparator.comparing(Occurrence::start)
          .thenComparing(o -> o.event().title())
          .thenComparing(Occurrence::ref);

  /**
   * How long before now an event under way may have started: a day covers evenings that run past
   * midnight and day-long barcamps; a conference of several days shows from its first day only.
   */
  static final Duration UNDER_WAY_LOOKBACK = Duration.ofDays(1);

  private final EventRepository events;
  private final Recurrences recurrences = new Recurrences();
  private final Map<Long, Long> versions = new ConcurrentHashMap<>();
  private final LoadingCache<DayKey, List<Occurrence>> days;

  /**
   * The weight the listing cache holds at most: cached days plus their occurrences. The benchmarks'
   * catalog (100,000 events over 1,000 communities, about 350 bytes of heap per unit with each
   * occurrence's share of its event) fits in 160 MiB at 450,000 units; the bound keeps any catalog,
   * however crowded, to about that.
   */
  static final long MAX_WEIGHT = 500_000;

  /** A community's local day, at a catalog version, in a zone. */
  private record DayKey(long communityId, long version, ZoneId zone, LocalDate date) {}

  /** The cache of communities' days of events, which listings read: for metrics only. */
  public com.github.benmanes.caffeine.cache.Cache<?, ?> cache() {
    return days;
  }

  /** The cache's name in {@link CacheEvents}; its keys are community ids. */
  public static final String CACHE_NAME = "catalog";

  private final CacheEvents cacheEvents;

  /** A catalog whose listings are cached for this process alone. */
  public CatalogService(EventRepository events) {
    this(events, CacheEvents.local(), MAX_WEIGHT);
  }

  /**
   * @param cacheEvents how the instances sharing the database hear of each other's changes
   */
  public CatalogService(EventRepository events, CacheEvents cacheEvents) {
    this(events, cacheEvents, MAX_WEIGHT);
  }

  /** As the public constructors, holding at most {@code maxWeight} days and occurrences. */
  CatalogService(EventRepository events, CacheEvents cacheEvents, long maxWeight) {
    this.events = Objects.requireNonNull(events, "events");
    this.cacheEvents = Objects.requireNonNull(cacheEvents, "cacheEvents");
    this.days =
        Caffeine.newBuilder()
            .maximumWeight(maxWeight)
            .weigher((DayKey key, List<Occurrence> day) -> 1 + day.size())
            .expireAfterWrite(Duration.ofMinutes(5))
            .recordStats()
            .build(
                new com.github.benmanes.caffeine.cache.CacheLoader<>() {
                  @Override
                  public List<Occurrence> load(DayKey key) {
                    return loadDays(Set.of(key)).get(key);
                  }

                  @Override
                  public Map<DayKey, List<Occurrence>> loadAll(Set<? extends DayKey> keys) {
                    return loadDays(keys);
                  }
                });
    cacheEvents.onChange(
        CACHE_NAME,
        key -> {
          if (CacheEvents.EVERYTHING.equals(key)) {
            versions.replaceAll((community, version) -> version + 1);
            days.invalidateAll();
          } else {
            long communityId = Long.parseLong(key);
            long version = versions.merge(communityId, 1L, Long::sum);
            days.asMap()
                .keySet()
                .removeIf(day -> day.communityId() == communityId && day.version() < version);
          }
        });
  }

  /**
   * The listed occurrences that start in {@code range} and match {@code filter}, in start order.
   */
  public List<Occurrence> list(Community community, TimeRange range, EventFilter filter) {
    ZoneId zone = community.zone();
    LocalDate first = range.start().atZone(zone).toLocalDate();
    LocalDate last = range.end().minusNanos(1).atZone(zone).toLocalDate();
    long version = versions.getOrDefault(community.id(), 0L);
    List<DayKey> keys = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      keys.add(new DayKey(community.id(), version, zone, d));
    }
    Map<DayKey, List<Occurrence>> loaded = days.getAll(keys);
    List<Occurrence> result = new ArrayList<>();
    for (DayKey key : keys) {
      for (Occurrence occurrence : loaded.get(key)) {
        if (range.contains(occurrence.start()) && filter.matches(occurrence.event())) {
          result.add(occurrence);
        }
      }
    }
    return result;
  }

  /**
   * The listed occurrences matching {@code filter} that are under way at {@code now}: started
   * before it (at most {@link #UNDER_WAY_LOOKBACK} before) and not yet ended, in start order. A
   * listing of a period holding now shows them first, so a meetup that began a quarter of an hour
   * ago is not missing from {@code /events tonight}.
   */
  public List<Occurrence> underWay(Community community, Instant now, EventFilter filter) {
    List<Occurrence> started =
        list(community, new TimeRange(now.minus(UNDER_WAY_LOOKBACK), now), filter);
    return started.stream().filter(o -> o.end().isAfter(now)).toList();
  }

  /** The cities of the community's listed events in {@code range}, as stored. */
  public Set<String> cities(Community community, TimeRange range) {
    Set<String> cities = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Occurrence occurrence : list(community, range, EventFilter.ALL)) {
      if (occurrence.event().city() != null) {
        cities.add(occurrence.event().city());
      }
    }
    return cities;
  }

  /** An event or series of this community, in any status. */
  public Optional<Event> event(Community community, long id) {
    return events.find(id).filter(e -> e.communityId() == community.id());
  }

  /**
   * What a reference names: for a single event, the event; for a series without a date, its next
   * occurrence from {@code now} (or the last one if it has ended); for {@code 42-1127}, the
   * occurrence on that day within the year around now.
   */
  public Optional<Occurrence> occurrence(Community community, EventRef ref, Instant now) {
    Optional<Event> found = event(community, ref.eventId());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Event event = found.get();
    ZoneId zone = community.zone();
    if (!event.isSeries()) {
      if (ref.day() != null && !MonthDay.from(event.start().atZone(zone)).equals(ref.day())) {
        return Optional.empty();
      }
      return Optional.of(
          new Occurrence(event, event.start(), event.end(), EventRef.of(event.id())));
    }
    if (ref.day() == null) {
      return upcoming(event, zone, now, 1).stream().findFirst();
    }
    Map<LocalDate, SeriesDate> changed = dates(event);
    LocalDate today = now.atZone(zone).toLocalDate();
    for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
      if (!ref.day().isValidYear(year)) {
        continue;
      }
      LocalDate date = ref.day().atYear(year);
      if (date.isBefore(today.minusDays(31)) || date.isAfter(today.plusDays(335))) {
        continue;
      }
      if (changed.containsKey(date)) {
        return Optional.of(changed.get(date).occurrence(event));
      }
      List<Occurrence> that =
          recurrences.between(
              event,
              zone,
              date.atStartOfDay(zone).toInstant(),
              date.plusDays(1).atStartOfDay(zone).toInstant(),
              changed);
      // Only a date of the rule: a date moved here from another day has its own reference.
      for (Occurrence occurrence : that) {
        if (occurrence.ref().equals(EventRef.of(event.id(), date))) {
          return Optional.of(occurrence);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The next {@code count} occurrences of a series starting at or after {@code from}, its changed
   * and cancelled dates included.
   */
  public List<Occurrence> upcoming(Event series, ZoneId zone, Instant from, int count) {
    Map<LocalDate, SeriesDate> changed = dates(series);
    List<Occurrence> found = new ArrayList<>();
    Instant windowStart = from;
    for (int step = 0; step < 6 && found.size() < count; step++) {
      Instant windowEnd = windowStart.plus(Duration.ofDays(step == 0 ? 62 : 366));
      for (Occurrence occurrence :
          recurrences.between(series, zone, windowStart, windowEnd, changed)) {
        if (found.size() < count) {
          found.add(occurrence);
        }
      }
      windowStart = windowEnd;
    }
    return found;
  }

  /**
   * The occurrences of a series that start in {@code [from, to)} as its rule alone makes them,
   * without its changed dates: what a change of the whole series starts from.
   */
  public List<Occurrence> ruleDates(Event series, ZoneId zone, Instant from, Instant to) {
    return recurrences.between(series, zone, from, to);
  }

  /** The dates of a series that no longer follow its rule, by original date. */
  public Map<LocalDate, SeriesDate> dates(Event series) {
    if (!series.isSeries()) {
      return Map.of();
    }
    Map<LocalDate, SeriesDate> byDate = new HashMap<>();
    for (SeriesDate date : events.dates(series.id())) {
      byDate.put(date.date(), date);
    }
    return byDate;
  }

  /** Stores one changed or cancelled date of a series (in the caller's transaction, if any). */
  public void putDate(SeriesDate date) {
    events.putDate(date);
    events.find(date.seriesId()).ifPresent(series -> changed(series.communityId()));
  }

  /**
   * Checks that a series' rule stays one a chat can hold ({@link Recurrences#checkSize}).
   *
   * @param phrase the member's words for the rule, quoted in a refusal
   */
  public void checkSeries(String rule, Instant start, ZoneId zone, String phrase) {
    recurrences.checkSize(rule, start, zone, phrase);
  }

  /** Adds an event to its community's catalog. */
  public Event add(Event event) {
    validate(event);
    Event stored = events.insert(event);
    changed(stored.communityId());
    return stored;
  }

  /** Adds many events in one transaction. */
  public List<Event> addAll(Collection<Event> batch) {
    batch.forEach(this::validate);
    List<Event> stored = events.insertAll(batch);
    Set<Long> communities = new HashSet<>();
    stored.forEach(e -> communities.add(e.communityId()));
    communities.forEach(this::changed);
    return stored;
  }

  /** Replaces a stored event. */
  public void update(Event event) {
    validate(event);
    events.update(event);
    changed(event.communityId());
  }

  /** How many events and series a community's catalog holds. */
  public long count(Community community) {
    return events.count(community.id());
  }

  /**
   * Makes every instance forget cached listings of a community whose catalog changed (also outside
   * this service).
   */
  public void changed(long communityId) {
    cacheEvents.changed(CACHE_NAME, Long.toString(communityId));
  }

  private void validate(Event event) {
    if (event.isSeries()) {
      recurrences.parse(event.recurrence());
    }
  }

  private Map<DayKey, List<Occurrence>> loadDays(Set<? extends DayKey> keys) {
    Map<DayKey, List<Occurrence>> result = new HashMap<>();
    Map<Long, List<DayKey>> byCommunity = new HashMap<>();
    for (DayKey key : keys) {
      byCommunity.computeIfAbsent(key.communityId(), id -> new ArrayList<>()).add(key);
    }
    for (List<DayKey> group : byCommunity.values()) {
      loadCommunityDays(group, result);
    }
    return result;
  }

  private void loadCommunityDays(List<DayKey> keys, Map<DayKey, List<Occurrence>> into) {
    DayKey sample = keys.get(0);
    ZoneId zone = sample.zone();
    LocalDate first = keys.stream().map(DayKey::date).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = keys.stream().map(DayKey::date).max(LocalDate::compareTo).orElseThrow();
    Instant from = first.atStartOfDay(zone).toInstant();
    Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
    Map<LocalDate, List<Occurrence>> byDate = new HashMap<>();
    for (Event event : events.findSingles(sample.communityId(), from, to, LISTED)) {
      byDate
          .computeIfAbsent(event.start().atZone(zone).toLocalDate(), d -> new ArrayList<>())
          .add(new Occurrence(event, event.start(), event.end(), EventRef.of(event.id())));
    }
    Map<Long, Map<LocalDate, SeriesDate>> changed = new HashMap<>();
    for (SeriesDate date : events.datesOfCommunity(sample.communityId())) {
      changed.computeIfAbsent(date.seriesId(), id -> new HashMap<>()).put(date.date(), date);
    }
    for (Event series : events.findSeries(sample.communityId(), to, LISTED)) {
      for (Occurrence occurrence :
          recurrences.between(
              series, zone, from, to, changed.getOrDefault(series.id(), Map.of()))) {
        byDate
            .computeIfAbsent(occurrence.start().atZone(zone).toLocalDate(), d -> new ArrayList<>())
            .add(occurrence);
      }
    }
    for (DayKey key : keys) {
      List<Occurrence> day = byDate.getOrDefault(key.date(), List.of());
      List<Occurrence> sorted = new ArrayList<>(day);
      sorted.sort(BY_START);
      into.put(key, List.copyOf(sorted));
    }
  }
}
