package org.networkeras.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.networkeras.store.Database;
import org.networkeras.store.StoreException;

/**
 * {@link EventRepository} on the {@code events} table. Tags are stored as one comma-separated
 * column, so a tag must be non-empty and hold no comma. Instants are stored to the millisecond, and
 * {@link #insert} returns the event as {@link #find} will read it back. Obtain it from {@link
 * Database#events()}.
 */
public final class JdbiEventRepository implements EventRepository {

  private static final String COLUMNS =
      "id, community_id, title, family, slot, city, venue, address, start_ms, end_ms, description,"
          + " link, organiser, tags, free, status, source, recurrence, author, created_ms,"
          + " updated_ms";

  private static final String INSERT =
      """
      INSERT INTO events (community_id, title, family, slot, city, venue, address, start_ms,
                          end_ms, description, link, organiser, tags, free, status, source,
                          recurrence, author, created_ms, updated_ms)
      VALUES (:communityId, :title, :family, :slot, :city, :venue, :address, :startMs,
              :endMs, :description, :link, :organiser, :tags, :free, :status, :source,
              :recurrence, :author, :createdMs, :updatedMs)
      RETURNING id
      """;

  private static final String TAG_SEPARATOR = ",";

  private final Database database;

  /** Use {@link Database#events()}; public only so that {@link Database} can build it. */
  public JdbiEventRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public Event insert(Event event) {
    Event stored = storable(event);
    return database.withHandle(
        "insert an event into community " + event.communityId(), handle -> insert(handle, stored));
  }

  @Override
  public List<Event> insertAll(Collection<Event> events) {
    List<Event> storable = events.stream().map(JdbiEventRepository::storable).toList();
    if (storable.isEmpty()) {
      return List.of();
    }
    return database.inTransaction(
        "insert " + storable.size() + " events",
        handle -> {
          List<Event> inserted = new ArrayList<>(storable.size());
          for (Event event : storable) {
            inserted.add(insert(handle, event));
          }
          return List.copyOf(inserted);
        });
  }

  @Override
  public void update(Event event) {
    Objects.requireNonNull(event, "event");
    checkTags(event.tags());
    int updated =
        database.withHandle(
            "update event " + event.id(),
            handle ->
                bind(
                        handle.createUpdate(
                            """
                            UPDATE events
                            SET community_id = :communityId, title = :title, family = :family,
                                slot = :slot, city = :city, venue = :venue, address = :address,
                                start_ms = :startMs, end_ms = :endMs, description = :description,
                                link = :link, organiser = :organiser, tags = :tags, free = :free,
                                status = :status, source = :source, recurrence = :recurrence,
                                author = :author, created_ms = :createdMs, updated_ms = :updatedMs
                            WHERE id = :id
                            """),
                        event)
                    .bind("id", event.id())
                    .execute());
    if (updated == 0) {
      throw new StoreException("Could not update event " + event.id() + ": not found");
    }
  }

  @Override
  public Optional<Event> find(long id) {
    return database.withHandle(
        "find event " + id,
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM events WHERE id = :id")
                .bind("id", id)
                .map(JdbiEventRepository::event)
                .findOne());
  }

  @Override
  public List<Event> findSingles(
      long communityId, Instant from, Instant to, Set<EventStatus> statuses) {
    if (statuses.isEmpty() || !from.isBefore(to)) {
      return List.of();
    }
    return database.withHandle(
        "list the events of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM events"
                        + " WHERE community_id = :communityId AND recurrence IS NULL"
                        + " AND start_ms >= :fromMs AND start_ms < :toMs"
                        + " AND status IN (<statuses>)"
                        + " ORDER BY start_ms, id")
                .bind("communityId", communityId)
                .bind("fromMs", from.toEpochMilli())
                .bind("toMs", to.toEpochMilli())
                .bindList("statuses", keys(statuses))
                .map(JdbiEventRepository::event)
                .list());
  }

  @Override
  public List<Event> findSeries(long communityId, Instant to, Set<EventStatus> statuses) {
    if (statuses.isEmpty()) {
      return List.of();
    }
    return database.withHandle(
        "list the series of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM events"
                        + " WHERE community_id = :communityId AND recurrence IS NOT NULL"
                        + " AND start_ms < :toMs AND status IN (<statuses>)"
                        + " ORDER BY id")
                .bind("communityId", communityId)
                .bind("toMs", to.toEpochMilli())
                .bindList("statuses", keys(statuses))
                .map(JdbiEventRepository::event)
                .list());
  }

  @Override
  public long count(long communityId) {
    return database.withHandle(
        "count the events of community " + communityId,
        handle ->
            handle
                .createQuery("SELECT COUNT(*) FROM events WHERE community_id = :communityId")
                .bind("communityId", communityId)
                .mapTo(Long.class)
                .one());
  }

  private static Event insert(Handle handle, Event event) {
    long id = bind(handle.createQuery(INSERT), event).mapTo(Long.class).one();
    return event.withId(id);
  }

  /** Checks a new event and truncates its instants to what the database keeps. */
  private static Event storable(Event event) {
    Objects.requireNonNull(event, "event");
    if (event.id() != 0) {
      throw new IllegalArgumentException("A new event has id 0, not " + event.id());
    }
    checkTags(event.tags());
    return new Event(
        0,
        event.communityId(),
        event.title(),
        event.family(),
        event.slot(),
        event.city(),
        event.venue(),
        event.address(),
        millis(event.start()),
        millis(event.end()),
        event.description(),
        event.link(),
        event.organiser(),
        event.tags(),
        event.free(),
        event.status(),
        event.source(),
        event.recurrence(),
        event.author(),
        millis(event.createdAt()),
        millis(event.updatedAt()));
  }

  private static <S extends SqlStatement<S>> S bind(S statement, Event event) {
    return statement
        .bind("communityId", event.communityId())
        .bind("title", event.title())
        .bind("family", event.family().key())
        .bind("slot", event.slot().key())
        .bind("city", event.city())
        .bind("venue", event.venue())
        .bind("address", event.address())
        .bind("startMs", event.start().toEpochMilli())
        .bind("endMs", event.end().toEpochMilli())
        .bind("description", event.description())
        .bind("link", event.link())
        .bind("organiser", event.organiser())
        .bind("tags", String.join(TAG_SEPARATOR, event.tags()))
        .bind("free", event.free())
        .bind("status", event.status().key())
        .bind("source", event.source())
        .bind("recurrence", event.recurrence())
        .bind("author", event.author())
        .bind("createdMs", event.createdAt().toEpochMilli())
        .bind("updatedMs", event.updatedAt().toEpochMilli());
  }

  private static Event event(ResultSet row, StatementContext context) throws SQLException {
    String tags = row.getString("tags");
    return new Event(
        row.getLong("id"),
        row.getLong("community_id"),
        row.getString("title"),
        Family.fromKey(row.getString("family")),
        Slot.fromKey(row.getString("slot")),
        row.getString("city"),
        row.getString("venue"),
        row.getString("address"),
        Instant.ofEpochMilli(row.getLong("start_ms")),
        Instant.ofEpochMilli(row.getLong("end_ms")),
        row.getString("description"),
        row.getString("link"),
        row.getString("organiser"),
        tags.isEmpty() ? List.of() : Arrays.asList(tags.split(TAG_SEPARATOR)),
        row.getBoolean("free"),
        EventStatus.fromKey(row.getString("status")),
        row.getString("source"),
        row.getString("recurrence"),
        row.getString("author"),
        Instant.ofEpochMilli(row.getLong("created_ms")),
        Instant.ofEpochMilli(row.getLong("updated_ms")));
  }

  private static void checkTags(List<String> tags) {
    for (String tag : tags) {
      if (tag.isEmpty() || tag.contains(TAG_SEPARATOR)) {
        throw new IllegalArgumentException(
            "A tag is a non-empty word without a comma: '" + tag + "'");
      }
    }
  }

  private static List<String> keys(Set<EventStatus> statuses) {
    return statuses.stream().map(EventStatus::key).toList();
  }

  private static Instant millis(Instant instant) {
    return Instant.ofEpochMilli(instant.toEpochMilli());
  }
}
