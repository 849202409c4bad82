package org.networkeras.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.StatementContext;
import org.networkeras.store.Database;
import org.networkeras.store.StoreException;

/**
 * {@link EventRepository} on the {@code events} table. Tags are stored as one comma-separated
 * column, so a tag must be non-empty and hold no comma. Instants are stored to the millisecond, and
 * {@link #insert} returns the event as {@link #find} will read it back. Reads map rows with JDBI;
 * writes bind one plain prepared statement, reused for every row of an {@link #insertAll}. Obtain
 * it from {@link Database#events()}.
 */
public final class JdbiEventRepository implements EventRepository {

  /** The columns a write sets, in the order {@link #bindWritten} binds them. */
  private static final List<String> WRITTEN =
      List.of(
          "community_id",
          "title",
          "family",
          "slot",
          "city",
          "venue",
          "address",
          "start_ms",
          "end_ms",
          "description",
          "link",
          "organiser",
          "tags",
          "free",
          "admission",
          "status",
          "source",
          "recurrence",
          "author",
          "created_ms",
          "updated_ms");

  private static final String COLUMNS = "id, " + String.join(", ", WRITTEN);

  private static final String INSERT =
      "INSERT INTO events ("
          + String.join(", ", WRITTEN)
          + ") VALUES ("
          + String.join(", ", Collections.nCopies(WRITTEN.size(), "?"))
          + ") RETURNING id";

  private static final String UPDATE =
      "UPDATE events SET "
          + WRITTEN.stream().map(column -> column + " = ?").collect(Collectors.joining(", "))
          + ", revision = revision + 1 WHERE id = ?";

  private static final String TAG_SEPARATOR = ",";

  private final Database database;

  /** Use {@link Database#events()}; public only so that {@link Database} can build it. */
  public JdbiEventRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public Event insert(Event event) {
    return insertAll("insert an event into community " + event.communityId(), List.of(event))
        .get(0);
  }

  @Override
  public List<Event> insertAll(Collection<Event> events) {
    return insertAll("insert " + events.size() + " events", events);
  }

  @Override
  public void update(Event event) {
    Objects.requireNonNull(event, "event");
    checkTags(event.tags());
    String what = "update event " + event.id();
    int updated =
        database.withHandle(
            what,
            handle -> {
              try (PreparedStatement statement = handle.getConnection().prepareStatement(UPDATE)) {
                bindWritten(statement, event);
                statement.setLong(WRITTEN.size() + 1, event.id());
                return statement.executeUpdate();
              } catch (SQLException e) {
                throw failure(what, e);
              }
            });
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
  public Set<String> cities(long communityId, Instant from, Instant to, Set<EventStatus> statuses) {
    if (statuses.isEmpty() || !from.isBefore(to)) {
      return Set.of();
    }
    return database.withHandle(
        "list the cities of community " + communityId,
        handle ->
            handle
                .createQuery(
                    // Two range scans, each on its index: the span's singles, and the series.
                    "SELECT city FROM events"
                        + " WHERE community_id = :communityId AND recurrence IS NULL"
                        + " AND start_ms >= :fromMs AND start_ms < :toMs"
                        + " AND status IN (<statuses>) AND city IS NOT NULL"
                        + " UNION SELECT city FROM events"
                        + " WHERE community_id = :communityId AND recurrence IS NOT NULL"
                        + " AND start_ms < :toMs AND status IN (<statuses>) AND city IS NOT NULL")
                .bind("communityId", communityId)
                .bind("fromMs", from.toEpochMilli())
                .bind("toMs", to.toEpochMilli())
                .bindList("statuses", keys(statuses))
                .mapTo(String.class)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
  }

  @Override
  public void putDate(SeriesDate date) {
    Objects.requireNonNull(date, "date");
    database.useHandle(
        "store date " + date.date() + " of series " + date.seriesId(),
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO series_exceptions (event_id, original_date, cancelled, start_ms,
                        end_ms, title, city, venue, updated_ms)
                    VALUES (:event, :date, :cancelled, :start, :end, :title, :city, :venue,
                        :updated)
                    ON CONFLICT (event_id, original_date) DO UPDATE SET
                        cancelled = excluded.cancelled, start_ms = excluded.start_ms,
                        end_ms = excluded.end_ms, title = excluded.title, city = excluded.city,
                        venue = excluded.venue, updated_ms = excluded.updated_ms,
                        revision = series_exceptions.revision + 1
                    """)
                .bind("event", date.seriesId())
                .bind("date", date.date().toString())
                .bind("cancelled", date.cancelled())
                .bind("start", date.start().toEpochMilli())
                .bind("end", date.end().toEpochMilli())
                .bind("title", date.title())
                .bind("city", date.city())
                .bind("venue", date.venue())
                .bind("updated", date.updatedAt().toEpochMilli())
                .execute());
  }

  @Override
  public List<SeriesDate> dates(long seriesId) {
    return database.withHandle(
        "list the changed dates of series " + seriesId,
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM series_exceptions WHERE event_id = :id ORDER BY original_date")
                .bind("id", seriesId)
                .map(JdbiEventRepository::seriesDate)
                .list());
  }

  @Override
  public List<SeriesDate> datesOfCommunity(long communityId) {
    return database.withHandle(
        "list the changed series dates of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT x.* FROM series_exceptions x JOIN events e ON e.id = x.event_id"
                        + " WHERE e.community_id = :communityId"
                        + " ORDER BY x.event_id, x.original_date")
                .bind("communityId", communityId)
                .map(JdbiEventRepository::seriesDate)
                .list());
  }

  private static SeriesDate seriesDate(ResultSet row, StatementContext context)
      throws SQLException {
    return new SeriesDate(
        row.getLong("event_id"),
        java.time.LocalDate.parse(row.getString("original_date")),
        row.getBoolean("cancelled"),
        Instant.ofEpochMilli(row.getLong("start_ms")),
        Instant.ofEpochMilli(row.getLong("end_ms")),
        row.getString("title"),
        row.getString("city"),
        row.getString("venue"),
        Instant.ofEpochMilli(row.getLong("updated_ms")));
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

  @Override
  public java.util.Map<Long, Integer> revisions(long communityId) {
    return database.withHandle(
        "read the revisions of community " + communityId,
        handle ->
            handle
                .createQuery(
                    // A date's first write counts as one edit of its series, each rewrite as one
                    // more.
                    "SELECT e.id, e.revision + COALESCE((SELECT SUM(x.revision + 1)"
                        + " FROM series_exceptions x WHERE x.event_id = e.id), 0) AS revision"
                        + " FROM events e WHERE e.community_id = :communityId")
                .bind("communityId", communityId)
                .reduceRows(
                    new java.util.HashMap<Long, Integer>(),
                    (map, row) -> {
                      map.put(
                          row.getColumn("id", Long.class),
                          row.getColumn("revision", Integer.class));
                      return map;
                    }));
  }

  /**
   * Inserts events in one transaction through one prepared statement (a JDBI statement per row
   * would cost several times more), reading each id back with {@code RETURNING}.
   */
  private List<Event> insertAll(String what, Collection<Event> events) {
    List<Event> storable = events.stream().map(JdbiEventRepository::storable).toList();
    if (storable.isEmpty()) {
      return List.of();
    }
    return database.inTransaction(
        what,
        handle -> {
          List<Event> inserted = new ArrayList<>(storable.size());
          try (PreparedStatement statement = handle.getConnection().prepareStatement(INSERT)) {
            for (Event event : storable) {
              bindWritten(statement, event);
              try (ResultSet generated = statement.executeQuery()) {
                generated.next();
                inserted.add(event.withId(generated.getLong(1)));
              }
            }
          } catch (SQLException e) {
            throw failure(what, e);
          }
          return List.copyOf(inserted);
        });
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
        event.admission(),
        event.status(),
        event.source(),
        event.recurrence(),
        event.author(),
        millis(event.createdAt()),
        millis(event.updatedAt()));
  }

  private static void bindWritten(PreparedStatement statement, Event event) throws SQLException {
    int column = 0;
    statement.setLong(++column, event.communityId());
    statement.setString(++column, event.title());
    statement.setString(++column, event.family() == null ? null : event.family().key());
    statement.setString(++column, event.slot().key());
    statement.setString(++column, event.city());
    statement.setString(++column, event.venue());
    statement.setString(++column, event.address());
    statement.setLong(++column, event.start().toEpochMilli());
    statement.setLong(++column, event.end().toEpochMilli());
    statement.setString(++column, event.description());
    statement.setString(++column, event.link());
    statement.setString(++column, event.organiser());
    statement.setString(++column, String.join(TAG_SEPARATOR, event.tags()));
    statement.setBoolean(++column, event.admission() == Admission.FREE);
    statement.setString(++column, event.admission().key());
    statement.setString(++column, event.status().key());
    statement.setString(++column, event.source());
    statement.setString(++column, event.recurrence());
    statement.setString(++column, event.author());
    statement.setLong(++column, event.createdAt().toEpochMilli());
    statement.setLong(++column, event.updatedAt().toEpochMilli());
  }

  private static StoreException failure(String what, SQLException cause) {
    return new StoreException("Could not " + what + ": " + cause.getMessage(), cause);
  }

  private static Event event(ResultSet row, StatementContext context) throws SQLException {
    String tags = row.getString("tags");
    return new Event(
        row.getLong("id"),
        row.getLong("community_id"),
        row.getString("title"),
        row.getString("family") == null ? null : Family.fromKey(row.getString("family")),
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
        Admission.fromKey(row.getString("admission")),
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
