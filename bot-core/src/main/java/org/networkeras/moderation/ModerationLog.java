package org.networkeras.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.networkeras.chat.ChatUser;
import org.networkeras.store.Database;

/** Appends moderation actions to {@code moderation_log} and reads the last ones. Thread-safe. */
public final class ModerationLog {

  /**
   * One recorded action.
   *
   * @param at when it happened
   * @param actorKey who did it ({@link ChatUser#key()})
   * @param actorName their name then (user-supplied text)
   * @param action what was done ({@link Action#key()})
   * @param eventId the event it concerned, or {@code null}
   * @param detail a field name, a reason or a setting (user-supplied text), or {@code null}
   */
  public record Entry(
      Instant at, String actorKey, String actorName, String action, Long eventId, String detail) {}

  /** What can be logged. */
  public enum Action {
    SUGGESTED,
    PUBLISHED,
    APPROVED,
    REJECTED,
    EDITED,
    CANCELLED,
    WITHDRAWN,
    SETTINGS,
    LINKED,
    UNLINKED;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Database database;

  public ModerationLog(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  public void record(
      long communityId, ChatUser actor, Action action, Long eventId, String detail, Instant at) {
    database.useHandle(
        "log " + action.key() + " in community " + communityId,
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO moderation_log (community_id, actor_key, actor_name, action,
                        event_id, detail, at_ms)
                    VALUES (:community, :actorKey, :actorName, :action, :eventId, :detail, :at)
                    """)
                .bind("community", communityId)
                .bind("actorKey", actor.key())
                .bind("actorName", actor.displayName())
                .bind("action", action.key())
                .bind("eventId", eventId)
                .bind("detail", detail)
                .bind("at", at.toEpochMilli())
                .execute());
  }

  /**
   * When {@code actorKey} did {@code action} in a community after {@code since}, oldest first: what
   * per-member limits count.
   */
  public List<Instant> timesSince(long communityId, String actorKey, Action action, Instant since) {
    return database.withHandle(
        "count the recent " + action.key() + " actions of " + actorKey,
        handle ->
            handle
                .createQuery(
                    "SELECT at_ms FROM moderation_log WHERE community_id = :community"
                        + " AND at_ms > :since AND actor_key = :actorKey AND action = :action"
                        + " ORDER BY at_ms")
                .bind("community", communityId)
                .bind("since", since.toEpochMilli())
                .bind("actorKey", actorKey)
                .bind("action", action.key())
                .mapTo(Long.class)
                .map(Instant::ofEpochMilli)
                .list());
  }

  /** The last {@code limit} actions of a community, newest first. */
  public List<Entry> last(long communityId, int limit) {
    return database.withHandle(
        "read the moderation log of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT at_ms, actor_key, actor_name, action, event_id, detail"
                        + " FROM moderation_log WHERE community_id = :community"
                        + " ORDER BY at_ms DESC, id DESC LIMIT :limit")
                .bind("community", communityId)
                .bind("limit", limit)
                .map(
                    (row, ctx) -> {
                      long eventId = row.getLong("event_id");
                      Long event = row.wasNull() ? null : eventId;
                      return new Entry(
                          Instant.ofEpochMilli(row.getLong("at_ms")),
                          row.getString("actor_key"),
                          row.getString("actor_name"),
                          row.getString("action"),
                          event,
                          row.getString("detail"));
                    })
                .list());
  }
}
