package org.networkeras.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores events and series. Every write is committed when the method returns. Thread-safe. Failures
 * are {@link org.networkeras.store.StoreException}s.
 */
public interface EventRepository {

  /** Stores a new event ({@code id} 0) and returns it with its id. */
  Event insert(Event event);

  /** Stores many new events in one transaction, returning them with their ids, in order. */
  List<Event> insertAll(Collection<Event> events);

  /** Replaces the stored event with the same id. */
  void update(Event event);

  Optional<Event> find(long id);

  /**
   * Single (non-recurring) events of a community that start in {@code [from, to)}, in the given
   * statuses, ordered by start then id.
   */
  List<Event> findSingles(long communityId, Instant from, Instant to, Set<EventStatus> statuses);

  /**
   * Recurring series of a community whose first occurrence starts before {@code to}, in the given
   * statuses, ordered by id.
   */
  List<Event> findSeries(long communityId, Instant to, Set<EventStatus> statuses);

  /**
   * The distinct cities of a community's events in the given statuses: single events that start in
   * {@code [from, to)} and series whose first occurrence starts before {@code to}. Reads only the
   * cities, however many events the span holds.
   */
  Set<String> cities(long communityId, Instant from, Instant to, Set<EventStatus> statuses);

  /**
   * Stores one date of a series as it now stands (cancelled or overridden), replacing what was
   * stored for that date.
   */
  void putDate(SeriesDate date);

  /** The dates of a series that no longer follow its rule, by original date. */
  List<SeriesDate> dates(long seriesId);

  /** The dates of a community's series that no longer follow their rule. */
  List<SeriesDate> datesOfCommunity(long communityId);

  /** How many events and series the community's catalog holds, in any status. */
  long count(long communityId);

  /**
   * How many times each of the community's events was edited since it was stored, its series'
   * changed dates included (each write of a date counts): a calendar's {@code SEQUENCE}, which
   * grows on every edit. Events never edited are 0.
   */
  java.util.Map<Long, Integer> revisions(long communityId);
}
