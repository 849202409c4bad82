package org.networkeras.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.networkeras.store.Database;

/** Stores the feeds communities follow and which event each of their entries became. */
final class ImportRepository {

  /** A feed a community follows, with what its last fetch left. */
  record Feed(
      long id,
      long communityId,
      String url,
      String addedBy,
      Instant addedAt,
      String etag,
      String lastModified,
      Instant lastFetch,
      String lastStatus,
      String lastError) {}

  /** One entry of a feed: its UID and, for an override of one date, that date. */
  record Key(String uid, String recurrenceId) {}

  /** The event an entry became, and the digest of the entry as it was then brought in. */
  record Link(long eventId, String fingerprint) {}

  private static final String COLUMNS =
      "id, community_id, url, added_by, added_ms, etag, last_modified, last_fetch_ms,"
          + " last_status, last_error";

  private final Database database;

  ImportRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** Adds a feed; empty when the community already follows that address. */
  Optional<Feed> add(long communityId, String url, String addedBy, Instant at) {
    return database.inTransaction(
        "add a feed to community " + communityId,
        handle -> {
          boolean known =
              handle
                      .createQuery(
                          "SELECT COUNT(*) FROM imported_feeds WHERE community_id = :c AND url = :u")
                      .bind("c", communityId)
                      .bind("u", url)
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (known) {
            return Optional.empty();
          }
          long id =
              handle
                  .createUpdate(
                      "INSERT INTO imported_feeds (community_id, url, added_by, added_ms)"
                          + " VALUES (:c, :u, :by, :at)")
                  .bind("c", communityId)
                  .bind("u", url)
                  .bind("by", addedBy)
                  .bind("at", at.toEpochMilli())
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          return Optional.of(
              new Feed(id, communityId, url, addedBy, at, null, null, null, null, null));
        });
  }

  /** A community's feeds, oldest first: {@code /import list} numbers them in this order. */
  List<Feed> feeds(long communityId) {
    return database.withHandle(
        "list the feeds of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM imported_feeds WHERE community_id = :c ORDER BY id")
                .bind("c", communityId)
                .map((rs, ctx) -> feed(rs))
                .list());
  }

  /** Every feed of every community, oldest first. */
  List<Feed> all() {
    return database.withHandle(
        "list every feed",
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM imported_feeds ORDER BY id")
                .map((rs, ctx) -> feed(rs))
                .list());
  }

  Optional<Feed> find(long id) {
    return database.withHandle(
        "read feed " + id,
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM imported_feeds WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> feed(rs))
                .findOne());
  }

  /** Forgets a feed and its entries' links (the events stay). */
  void remove(long id) {
    database.useTransaction(
        "remove feed " + id,
        handle -> {
          handle
              .createUpdate("DELETE FROM imported_events WHERE feed_id = :id")
              .bind("id", id)
              .execute();
          handle.createUpdate("DELETE FROM imported_feeds WHERE id = :id").bind("id", id).execute();
        });
  }

  /** Records a fetch: its validators (kept when {@code null}), status and error. */
  void fetched(long id, Instant at, String status, String error, String etag, String lastModified) {
    database.useHandle(
        "record a fetch of feed " + id,
        handle ->
            handle
                .createUpdate(
                    """
                    UPDATE imported_feeds SET last_fetch_ms = :at, last_status = :status,
                        last_error = :error, etag = COALESCE(:etag, etag),
                        last_modified = COALESCE(:modified, last_modified)
                    WHERE id = :id
                    """)
                .bind("id", id)
                .bind("at", at.toEpochMilli())
                .bind("status", status)
                .bind("error", error)
                .bind("etag", etag)
                .bind("modified", lastModified)
                .execute());
  }

  /** Which event each entry of a feed became. */
  Map<Key, Link> links(long feedId) {
    return database.withHandle(
        "read the links of feed " + feedId,
        handle ->
            handle
                .createQuery(
                    "SELECT uid, recurrence_id, event_id, fingerprint FROM imported_events"
                        + " WHERE feed_id = :f")
                .bind("f", feedId)
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            new Key(rs.getString(1), rs.getString(2)),
                            new Link(rs.getLong(3), rs.getString(4))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  void link(long feedId, Key key, long eventId, String fingerprint) {
    database.useHandle(
        "link an entry of feed " + feedId,
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO imported_events (feed_id, uid, recurrence_id, event_id, fingerprint)
                    VALUES (:f, :uid, :rid, :event, :fingerprint)
                    ON CONFLICT (feed_id, uid, recurrence_id)
                    DO UPDATE SET event_id = excluded.event_id, fingerprint = excluded.fingerprint
                    """)
                .bind("f", feedId)
                .bind("uid", key.uid())
                .bind("rid", key.recurrenceId())
                .bind("event", eventId)
                .bind("fingerprint", fingerprint)
                .execute());
  }

  void unlink(long feedId, Key key) {
    database.useHandle(
        "unlink an entry of feed " + feedId,
        handle ->
            handle
                .createUpdate(
                    "DELETE FROM imported_events WHERE feed_id = :f AND uid = :uid"
                        + " AND recurrence_id = :rid")
                .bind("f", feedId)
                .bind("uid", key.uid())
                .bind("rid", key.recurrenceId())
                .execute());
  }

  private static Feed feed(java.sql.ResultSet rs) throws java.sql.SQLException {
    long lastFetch = rs.getLong(8);
    boolean fetched = !rs.wasNull();
    return new Feed(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        Instant.ofEpochMilli(rs.getLong(5)),
        rs.getString(6),
        rs.getString(7),
        fetched ? Instant.ofEpochMilli(lastFetch) : null,
        rs.getString(9),
        rs.getString(10));
  }
}
