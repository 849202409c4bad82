package org.networkeras.rsvp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Platform;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;

/**
 * Stores RSVPs ({@code rsvps}), events' seats and guest limits ({@code event_capacity}) and whether
 * members show in "who is going" ({@code member_preferences.visible}). Thread-safe.
 */
final class RsvpRepository {

  private static final String COLUMNS =
      "community_id, event_id, occurrence_ref, member_key, platform, member_id, display_name,"
          + " group_id, group_community, language, status, guests, queue_position, remind_offsets";

  private final Database database;

  RsvpRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  Optional<Rsvp> find(Handle handle, String ref, String memberKey) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM rsvps WHERE occurrence_ref = :ref AND member_key = :member")
        .bind("ref", ref)
        .bind("member", memberKey)
        .map((rs, ctx) -> rsvp(rs))
        .findOne();
  }

  /** The answers to an occurrence, waiting list order. */
  List<Rsvp> forOccurrence(Handle handle, String ref) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM rsvps WHERE occurrence_ref = :ref ORDER BY queue_position, member_key")
        .bind("ref", ref)
        .map((rs, ctx) -> rsvp(rs))
        .list();
  }

  /** Gives the answers to one occurrence to another (a series date that moved to another day). */
  int move(Handle handle, String fromRef, String toRef) {
    return handle
        .createUpdate("UPDATE rsvps SET occurrence_ref = :to WHERE occurrence_ref = :from")
        .bind("from", fromRef)
        .bind("to", toRef)
        .execute();
  }

  List<Rsvp> forEvent(long eventId) {
    return database.withHandle(
        "read the RSVPs of event " + eventId,
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM rsvps WHERE event_id = :id ORDER BY occurrence_ref, member_key")
                .bind("id", eventId)
                .map((rs, ctx) -> rsvp(rs))
                .list());
  }

  List<Rsvp> forMember(long communityId, String memberKey) {
    return database.withHandle(
        "read the RSVPs of " + memberKey,
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM rsvps WHERE community_id = :community AND member_key = :member")
                .bind("community", communityId)
                .bind("member", memberKey)
                .map((rs, ctx) -> rsvp(rs))
                .list());
  }

  /** Every answer of a member, in any community, that names a group (latest first). */
  List<Rsvp> inGroups(String memberKey) {
    return database.withHandle(
        "read the groups of " + memberKey,
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM rsvps WHERE member_key = :member AND group_id IS NOT NULL"
                        + " ORDER BY updated_ms DESC")
                .bind("member", memberKey)
                .map((rs, ctx) -> rsvp(rs))
                .list());
  }

  /** Members going and interested, by occurrence ref, over a community's answers. */
  java.util.Map<String, RsvpService.Popularity> popularity(long communityId) {
    return database.withHandle(
        "count the answers in community " + communityId,
        handle -> {
          java.util.Map<String, RsvpService.Popularity> byRef = new java.util.HashMap<>();
          handle
              .createQuery(
                  "SELECT occurrence_ref, status, COUNT(*) AS n FROM rsvps"
                      + " WHERE community_id = :community AND status IN ('GOING', 'INTERESTED')"
                      + " GROUP BY occurrence_ref, status")
              .bind("community", communityId)
              .map(
                  (rs, ctx) -> {
                    String ref = rs.getString("occurrence_ref");
                    int n = rs.getInt("n");
                    boolean going = Rsvp.Status.GOING.name().equals(rs.getString("status"));
                    RsvpService.Popularity before =
                        byRef.getOrDefault(ref, new RsvpService.Popularity(0, 0));
                    byRef.put(
                        ref,
                        going
                            ? new RsvpService.Popularity(n, before.interested())
                            : new RsvpService.Popularity(before.going(), n));
                    return ref;
                  })
              .list();
          return byRef;
        });
  }

  long nextQueuePosition(Handle handle, String ref) {
    return handle
        .createQuery(
            "SELECT COALESCE(MAX(queue_position), 0) + 1 FROM rsvps WHERE occurrence_ref = :ref")
        .bind("ref", ref)
        .mapTo(Long.class)
        .one();
  }

  void save(Handle handle, Rsvp rsvp, long nowMs) {
    handle
        .createUpdate(
            """
            INSERT INTO rsvps (community_id, event_id, occurrence_ref, member_key, platform,
                member_id, display_name, group_id, group_community, language, status, guests,
                queue_position, remind_offsets, updated_ms)
            VALUES (:community, :event, :ref, :member, :platform, :memberId, :name, :groupId,
                :groupCommunity, :language, :status, :guests, :queue, :offsets, :now)
            ON CONFLICT (occurrence_ref, member_key) DO UPDATE SET
                display_name = excluded.display_name,
                group_id = COALESCE(excluded.group_id, rsvps.group_id),
                group_community = COALESCE(excluded.group_community, rsvps.group_community),
                language = excluded.language, status = excluded.status,
                guests = excluded.guests, queue_position = excluded.queue_position,
                remind_offsets = excluded.remind_offsets, updated_ms = excluded.updated_ms
            """)
        .bind("community", rsvp.communityId())
        .bind("event", rsvp.eventId())
        .bind("ref", rsvp.ref())
        .bind("member", rsvp.memberKey())
        .bind("platform", rsvp.member().platform().name())
        .bind("memberId", rsvp.member().id())
        .bind("name", rsvp.member().displayName())
        .bind("groupId", rsvp.group().map(Conversation::id).orElse(null))
        .bind("groupCommunity", rsvp.group().map(Conversation::communityId).orElse(null))
        .bind("language", rsvp.language().code())
        .bind("status", rsvp.status().name())
        .bind("guests", rsvp.guests())
        .bind("queue", rsvp.queuePosition())
        .bind("offsets", rsvp.remindOffsets().orElse(null))
        .bind("now", nowMs)
        .execute();
  }

  /** An event's seats (empty for no limit) and guest limit. */
  Capacity capacity(Handle handle, long eventId) {
    return handle
        .createQuery("SELECT seats, guest_limit FROM event_capacity WHERE event_id = :id")
        .bind("id", eventId)
        .map(
            (rs, ctx) -> {
              int seats = rs.getInt("seats");
              Optional<Integer> limit = rs.wasNull() ? Optional.empty() : Optional.of(seats);
              return new Capacity(limit, rs.getInt("guest_limit"));
            })
        .findOne()
        .orElse(Capacity.DEFAULT);
  }

  void saveCapacity(Handle handle, long eventId, Capacity capacity) {
    handle
        .createUpdate(
            """
            INSERT INTO event_capacity (event_id, seats, guest_limit) VALUES (:id, :seats, :guests)
            ON CONFLICT (event_id) DO UPDATE SET seats = excluded.seats,
                guest_limit = excluded.guest_limit
            """)
        .bind("id", eventId)
        .bind("seats", capacity.seats().orElse(null))
        .bind("guests", capacity.guestLimit())
        .execute();
  }

  boolean visible(long communityId, String memberKey) {
    return database.withHandle(
        "read whether " + memberKey + " is visible",
        handle ->
            handle
                .createQuery(
                    "SELECT visible FROM member_preferences"
                        + " WHERE community_id = :community AND member_key = :member")
                .bind("community", communityId)
                .bind("member", memberKey)
                .mapTo(Integer.class)
                .findOne()
                .map(v -> v != 0)
                .orElse(false));
  }

  void setVisible(long communityId, String memberKey, boolean visible) {
    database.useHandle(
        "set whether " + memberKey + " is visible",
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO member_preferences (community_id, member_key, visible)
                    VALUES (:community, :member, :visible)
                    ON CONFLICT (community_id, member_key) DO UPDATE SET visible = excluded.visible
                    """)
                .bind("community", communityId)
                .bind("member", memberKey)
                .bind("visible", visible ? 1 : 0)
                .execute());
  }

  /** The visible members among {@code memberKeys} of a community. */
  List<String> visibleAmong(Handle handle, long communityId) {
    return handle
        .createQuery(
            "SELECT member_key FROM member_preferences"
                + " WHERE community_id = :community AND visible <> 0")
        .bind("community", communityId)
        .mapTo(String.class)
        .list();
  }

  private static Rsvp rsvp(ResultSet rs) throws SQLException {
    Platform platform = Platform.valueOf(rs.getString("platform"));
    String groupId = rs.getString("group_id");
    Optional<Conversation> group =
        groupId == null
            ? Optional.empty()
            : Optional.of(Conversation.group(platform, groupId, rs.getString("group_community")));
    String offsets = rs.getString("remind_offsets");
    return new Rsvp(
        rs.getLong("community_id"),
        rs.getLong("event_id"),
        rs.getString("occurrence_ref"),
        ChatUser.member(platform, rs.getString("member_id"), rs.getString("display_name")),
        group,
        Language.parse(rs.getString("language")).orElse(Language.EN),
        Rsvp.Status.valueOf(rs.getString("status")),
        rs.getInt("guests"),
        rs.getLong("queue_position"),
        Optional.ofNullable(offsets));
  }
}
