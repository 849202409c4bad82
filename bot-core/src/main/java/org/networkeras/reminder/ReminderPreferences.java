package org.networkeras.reminder;

import java.util.Objects;
import java.util.Optional;
import org.networkeras.store.Database;

/**
 * A member's reminder defaults in a community ({@code member_preferences}): their offsets ({@code
 * 1d,2h}, {@code off}, or empty for the community's) and quiet hours. Thread-safe.
 */
final class ReminderPreferences {

  /** What a member chose. */
  record Choice(Optional<String> offsets, Optional<QuietHours> quiet) {
    static final Choice NONE = new Choice(Optional.empty(), Optional.empty());
  }

  private final Database database;

  ReminderPreferences(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  Choice of(long communityId, String memberKey) {
    return database.withHandle(
        "read the reminder preferences of " + memberKey,
        handle ->
            handle
                .createQuery(
                    "SELECT remind_offsets, quiet_start, quiet_end FROM member_preferences"
                        + " WHERE community_id = :community AND member_key = :member")
                .bind("community", communityId)
                .bind("member", memberKey)
                .map(
                    (rs, ctx) ->
                        new Choice(
                            Optional.ofNullable(rs.getString("remind_offsets")),
                            QuietHours.stored(
                                rs.getString("quiet_start"), rs.getString("quiet_end"))))
                .findOne()
                .orElse(Choice.NONE));
  }

  void setOffsets(long communityId, String memberKey, Optional<String> offsets) {
    upsert(communityId, memberKey, "remind_offsets = excluded.remind_offsets", offsets, null);
  }

  void setQuiet(long communityId, String memberKey, Optional<QuietHours> quiet) {
    upsert(
        communityId,
        memberKey,
        "quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end",
        Optional.empty(),
        quiet.orElse(null));
  }

  private void upsert(
      long communityId,
      String memberKey,
      String assignments,
      Optional<String> offsets,
      QuietHours quiet) {
    database.useHandle(
        "set the reminder preferences of " + memberKey,
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO member_preferences (community_id, member_key, visible,"
                        + " remind_offsets, quiet_start, quiet_end)"
                        + " VALUES (:community, :member, 0, :offsets, :quietStart, :quietEnd)"
                        + " ON CONFLICT (community_id, member_key) DO UPDATE SET "
                        + assignments)
                .bind("community", communityId)
                .bind("member", memberKey)
                .bind("offsets", offsets.orElse(null))
                .bind("quietStart", quiet == null ? null : quiet.start().toString())
                .bind("quietEnd", quiet == null ? null : quiet.end().toString())
                .execute());
  }
}
