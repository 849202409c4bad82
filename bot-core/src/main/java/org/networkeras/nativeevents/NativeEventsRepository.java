package org.networkeras.nativeevents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Platform;
import org.networkeras.store.Database;

/**
 * Stores whether communities mirror their events ({@code scheduled_event_settings}) and which
 * platform event mirrors which occurrence ({@code scheduled_event_mirrors}). Thread-safe.
 */
final class NativeEventsRepository {

  /**
   * A community's setting.
   *
   * @param platform the platform whose server holds the events
   * @param serverId the server the events go to
   * @param noticeTo the channel where a missing permission is explained
   * @param enabledAt when it was last turned on, empty while off
   */
  record Setting(
      long communityId,
      Platform platform,
      String serverId,
      String noticeTo,
      Optional<Instant> enabledAt) {
    boolean on() {
      return enabledAt.isPresent();
    }
  }

  /** The platform event that mirrors an occurrence. */
  record Mirror(
      long communityId, String ref, String serverId, String remoteId, boolean cancelled) {}

  private final Database database;

  NativeEventsRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  Optional<Setting> setting(long communityId) {
    return database.withHandle(
        "read the scheduled-events setting of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT community_id, server_id, notice_to, enabled_ms, platform"
                        + " FROM scheduled_event_settings WHERE community_id = :id")
                .bind("id", communityId)
                .map(
                    (rs, ctx) -> {
                      long enabled = rs.getLong(4);
                      Optional<Instant> enabledAt =
                          rs.wasNull()
                              ? Optional.empty()
                              : Optional.of(Instant.ofEpochMilli(enabled));
                      return new Setting(
                          rs.getLong(1),
                          Platform.valueOf(rs.getString(5)),
                          rs.getString(2),
                          rs.getString(3),
                          enabledAt);
                    })
                .findOne());
  }

  /** The communities that mirror their events now. */
  List<Long> enabledCommunities() {
    return database.withHandle(
        "list the communities that mirror their events",
        handle ->
            handle
                .createQuery(
                    "SELECT community_id FROM scheduled_event_settings"
                        + " WHERE enabled_ms IS NOT NULL ORDER BY community_id")
                .mapTo(Long.class)
                .list());
  }

  void turnOn(long communityId, Platform platform, String serverId, String noticeTo, Instant at) {
    database.useHandle(
        "turn on the scheduled events of community " + communityId,
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO scheduled_event_settings
                        (community_id, platform, server_id, notice_to, enabled_ms)
                    VALUES (:id, :platform, :server, :notice, :at)
                    ON CONFLICT (community_id) DO UPDATE SET platform = excluded.platform,
                        server_id = excluded.server_id,
                        notice_to = excluded.notice_to, enabled_ms = excluded.enabled_ms
                    """)
                .bind("id", communityId)
                .bind("platform", platform.name())
                .bind("server", serverId)
                .bind("notice", noticeTo)
                .bind("at", at.toEpochMilli())
                .execute());
  }

  void turnOff(long communityId) {
    database.useHandle(
        "turn off the scheduled events of community " + communityId,
        handle ->
            handle
                .createUpdate(
                    "UPDATE scheduled_event_settings SET enabled_ms = NULL"
                        + " WHERE community_id = :id")
                .bind("id", communityId)
                .execute());
  }

  Optional<Mirror> mirror(long communityId, String ref) {
    return database.withHandle(
        "read the scheduled event of " + ref,
        handle ->
            handle
                .createQuery(
                    "SELECT community_id, occurrence_ref, server_id, remote_id, cancelled"
                        + " FROM scheduled_event_mirrors"
                        + " WHERE community_id = :id AND occurrence_ref = :ref")
                .bind("id", communityId)
                .bind("ref", ref)
                .map((rs, ctx) -> row(rs))
                .findOne());
  }

  /** The mirrors of an event's occurrences: the event itself, or every date of a series. */
  List<Mirror> mirrorsOf(long communityId, long eventId) {
    String id = Long.toString(eventId);
    return database.withHandle(
        "read the scheduled events of event " + eventId,
        handle ->
            handle
                .createQuery(
                    "SELECT community_id, occurrence_ref, server_id, remote_id, cancelled"
                        + " FROM scheduled_event_mirrors WHERE community_id = :id"
                        + " AND (occurrence_ref = :ref"
                        + " OR substr(occurrence_ref, 1, :length) = :prefix)"
                        + " ORDER BY occurrence_ref")
                .bind("id", communityId)
                .bind("ref", id)
                .bind("length", id.length() + 1)
                .bind("prefix", id + "-")
                .map((rs, ctx) -> row(rs))
                .list());
  }

  void save(Mirror mirror, Instant at) {
    database.useHandle(
        "record the scheduled event of " + mirror.ref(),
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO scheduled_event_mirrors
                        (community_id, occurrence_ref, server_id, remote_id, cancelled, updated_ms)
                    VALUES (:id, :ref, :server, :remote, :cancelled, :at)
                    ON CONFLICT (community_id, occurrence_ref) DO UPDATE SET
                        server_id = excluded.server_id, remote_id = excluded.remote_id,
                        cancelled = excluded.cancelled, updated_ms = excluded.updated_ms
                    """)
                .bind("id", mirror.communityId())
                .bind("ref", mirror.ref())
                .bind("server", mirror.serverId())
                .bind("remote", mirror.remoteId())
                .bind("cancelled", mirror.cancelled())
                .bind("at", at.toEpochMilli())
                .execute());
  }

  void forget(long communityId, String ref) {
    database.useHandle(
        "forget the scheduled event of " + ref,
        handle ->
            handle
                .createUpdate(
                    "DELETE FROM scheduled_event_mirrors"
                        + " WHERE community_id = :id AND occurrence_ref = :ref")
                .bind("id", communityId)
                .bind("ref", ref)
                .execute());
  }

  private static Mirror row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Mirror(
        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
  }
}
