package org.networkeras.community;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;

/**
 * Stores communities' settings ({@code community_settings}), the members each community has seen
 * ({@code community_members}), link codes and linked groups. Thread-safe; every write is committed
 * when the method returns.
 */
public final class SettingsRepository {

  /** A member a community has seen. */
  public record Member(String userKey, String displayName, Role role) {}

  private final Database database;

  public SettingsRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** The community's settings, or the defaults when it never changed them. */
  public CommunitySettings settings(long communityId) {
    return database.withHandle(
        "read the settings of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT mode, announce_to, moderators_chat, moderators, admins,"
                        + " reminder_offsets FROM community_settings WHERE community_id = :id")
                .bind("id", communityId)
                .map(
                    (row, ctx) ->
                        new CommunitySettings(
                            communityId,
                            CommunitySettings.Mode.fromKey(row.getString("mode")).orElseThrow(),
                            CommunitySettings.lines(row.getString("announce_to")).stream()
                                .map(CommunitySettings::conversation)
                                .toList(),
                            row.getString("moderators_chat") == null
                                ? null
                                : CommunitySettings.conversation(row.getString("moderators_chat")),
                            new HashSet<>(CommunitySettings.lines(row.getString("moderators"))),
                            new HashSet<>(CommunitySettings.lines(row.getString("admins"))),
                            CommunitySettings.lines(row.getString("reminder_offsets")).stream()
                                .map(Duration::parse)
                                .toList()))
                .findOne()
                .orElseGet(() -> CommunitySettings.defaults(communityId)));
  }

  public void save(CommunitySettings settings) {
    database.useHandle(
        "save the settings of community " + settings.communityId(),
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO community_settings (community_id, mode, announce_to,
                        moderators_chat, moderators, admins, reminder_offsets)
                    VALUES (:id, :mode, :announceTo, :moderatorsChat, :moderators, :admins,
                        :offsets)
                    ON CONFLICT (community_id) DO UPDATE SET mode = excluded.mode,
                        announce_to = excluded.announce_to,
                        moderators_chat = excluded.moderators_chat,
                        moderators = excluded.moderators, admins = excluded.admins,
                        reminder_offsets = excluded.reminder_offsets
                    """)
                .bind("id", settings.communityId())
                .bind("mode", settings.mode().key())
                .bind(
                    "announceTo",
                    String.join(
                        "\n",
                        settings.announceTo().stream().map(CommunitySettings::address).toList()))
                .bind(
                    "moderatorsChat",
                    settings.moderatorsChat() == null
                        ? null
                        : CommunitySettings.address(settings.moderatorsChat()))
                .bind(
                    "moderators",
                    String.join("\n", settings.moderators().stream().sorted().toList()))
                .bind("admins", String.join("\n", settings.admins().stream().sorted().toList()))
                .bind(
                    "offsets",
                    String.join(
                        "\n", settings.reminderOffsets().stream().map(Duration::toString).toList()))
                .execute());
  }

  /** Records that a member used a community, with the name and role they had then. */
  public void seen(long communityId, String userKey, String displayName, Role role, Instant at) {
    database.useHandle(
        "record member " + userKey + " in community " + communityId,
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO community_members (community_id, user_key, display_name, role,
                        seen_ms)
                    VALUES (:id, :key, :name, :role, :at)
                    ON CONFLICT (community_id, user_key) DO UPDATE
                    SET display_name = excluded.display_name, role = excluded.role,
                        seen_ms = excluded.seen_ms
                    """)
                .bind("id", communityId)
                .bind("key", userKey)
                .bind("name", displayName)
                .bind("role", role.name().toLowerCase(Locale.ROOT))
                .bind("at", at.toEpochMilli())
                .execute());
  }

  /** A member of a community by key, or by name (any case) when no key matches. */
  public Optional<Member> member(long communityId, String keyOrName) {
    return database.withHandle(
        "find member " + keyOrName + " of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT user_key, display_name, role FROM community_members"
                        + " WHERE community_id = :id"
                        + " AND (user_key = :typed OR LOWER(display_name) = LOWER(:typed))"
                        + " ORDER BY CASE WHEN user_key = :typed THEN 0 ELSE 1 END,"
                        + " seen_ms DESC LIMIT 1")
                .bind("id", communityId)
                .bind("typed", keyOrName)
                .map((row, ctx) -> member(row))
                .findOne());
  }

  /** The members a community last saw as moderators or admins. */
  public List<Member> moderators(long communityId) {
    return database.withHandle(
        "list the moderators of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT user_key, display_name, role FROM community_members"
                        + " WHERE community_id = :id AND role IN ('moderator', 'admin')"
                        + " ORDER BY user_key")
                .bind("id", communityId)
                .map((row, ctx) -> member(row))
                .list());
  }

  private static Member member(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Member(
        row.getString("user_key"),
        row.getString("display_name"),
        Role.valueOf(row.getString("role").toUpperCase(Locale.ROOT)));
  }

  /** Stores a link code for a community. */
  public void saveCode(String code, long communityId, String createdBy, Instant expires) {
    database.useHandle(
        "store a link code for community " + communityId,
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO link_codes (code, community_id, created_by, expires_ms)"
                        + " VALUES (:code, :id, :by, :expires)")
                .bind("code", code)
                .bind("id", communityId)
                .bind("by", createdBy)
                .bind("expires", expires.toEpochMilli())
                .execute());
  }

  /**
   * Uses a code once: deletes it and returns its community if it had not expired at {@code now}.
   * Two concurrent redemptions of one code cannot both succeed.
   */
  public Optional<Long> redeem(String code, Instant now) {
    return database.inTransaction(
        "redeem a link code",
        handle -> {
          Optional<Long> community =
              handle
                  .createQuery(
                      "SELECT community_id FROM link_codes WHERE code = :code"
                          + " AND expires_ms > :now")
                  .bind("code", code)
                  .bind("now", now.toEpochMilli())
                  .mapTo(Long.class)
                  .findOne();
          int deleted =
              handle
                  .createUpdate("DELETE FROM link_codes WHERE code = :code")
                  .bind("code", code)
                  .execute();
          return deleted == 1 ? community : Optional.empty();
        });
  }

  /**
   * Moves a platform group to {@code communityId}, remembering the community it had of its own
   * (kept from an earlier link).
   */
  public void link(String groupKey, long ownCommunityId, long communityId) {
    database.useTransaction(
        "link group " + groupKey + " to community " + communityId,
        handle -> {
          handle
              .createUpdate(
                  "INSERT INTO group_links (group_key, own_community_id) VALUES (:key, :own)"
                      + " ON CONFLICT (group_key) DO NOTHING")
              .bind("key", groupKey)
              .bind("own", ownCommunityId)
              .execute();
          handle
              .createUpdate("UPDATE community_groups SET community_id = :id WHERE group_key = :key")
              .bind("key", groupKey)
              .bind("id", communityId)
              .execute();
        });
  }

  /** Gives a linked group back its own community; empty when it was not linked. */
  public Optional<Long> unlink(String groupKey) {
    return database.inTransaction(
        "unlink group " + groupKey,
        handle -> {
          Optional<Long> own =
              handle
                  .createQuery("SELECT own_community_id FROM group_links WHERE group_key = :key")
                  .bind("key", groupKey)
                  .mapTo(Long.class)
                  .findOne();
          if (own.isPresent()) {
            handle
                .createUpdate(
                    "UPDATE community_groups SET community_id = :id WHERE group_key = :key")
                .bind("key", groupKey)
                .bind("id", own.get())
                .execute();
            handle
                .createUpdate("DELETE FROM group_links WHERE group_key = :key")
                .bind("key", groupKey)
                .execute();
          }
          return own;
        });
  }
}
