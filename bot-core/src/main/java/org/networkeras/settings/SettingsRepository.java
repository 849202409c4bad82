package org.networkeras.settings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Person;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;

/**
 * Stores communities' settings: the single values of {@code community_settings} (mode, moderators'
 * chat, reminder offsets), one row per named moderator or admin ({@code community_roles}) and per
 * announcement conversation ({@code community_announcements}); also the members each community has
 * seen ({@code community_members}), link codes and linked groups.
 *
 * <p>Every change writes one setting only: a single-column upsert, or one row inserted or deleted.
 * Two instances changing different settings at the same moment therefore never undo each other,
 * whatever they had read before. Thread-safe; every write is committed when the method returns.
 */
public final class SettingsRepository {

  /** A member a community has seen. */
  public record Member(String userKey, String displayName, Role role) {}

  /**
   * A member the community's admins named moderator or admin.
   *
   * @param role {@link Role#MODERATOR} or {@link Role#ADMIN}
   * @param userKey who ({@link org.networkeras.chat.ChatUser#key()})
   * @param displayName the name the community last saw them with, else the name the platform gave
   *     when they were named, else {@code null}
   */
  public record Named(Role role, String userKey, String displayName) {}

  /** The single-valued settings, each a column of {@code community_settings}. */
  private enum Column {
    MODE("mode"),
    MODERATORS_CHAT("moderators_chat"),
    REMINDER_OFFSETS("reminder_offsets");

    private final String name;

    Column(String name) {
      this.name = name;
    }
  }

  private final Database database;

  public SettingsRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** The community's settings, with the defaults for what it never changed. */
  public CommunitySettings settings(long communityId) {
    return database.withHandle(
        "read the settings of community " + communityId,
        handle -> {
          CommunitySettings defaults = CommunitySettings.defaults(communityId);
          Optional<Map<String, Object>> row =
              handle
                  .createQuery(
                      "SELECT mode, moderators_chat, reminder_offsets FROM community_settings"
                          + " WHERE community_id = :id")
                  .bind("id", communityId)
                  .mapToMap()
                  .findOne();
          Set<String> moderators = new HashSet<>();
          Set<String> admins = new HashSet<>();
          handle
              .createQuery("SELECT role, user_key FROM community_roles WHERE community_id = :id")
              .bind("id", communityId)
              .map((rs, ctx) -> Map.entry(rs.getString("role"), rs.getString("user_key")))
              .forEach(
                  entry ->
                      (roleOf(entry.getKey()) == Role.ADMIN ? admins : moderators)
                          .add(entry.getValue()));
          List<Conversation> announceTo =
              handle
                  .createQuery(
                      "SELECT conversation FROM community_announcements WHERE community_id = :id"
                          + " ORDER BY added_ms, conversation")
                  .bind("id", communityId)
                  .mapTo(String.class)
                  .map(CommunitySettings::conversation)
                  .list();
          String mode = row.map(r -> (String) r.get("mode")).orElse(null);
          String chat = row.map(r -> (String) r.get("moderators_chat")).orElse(null);
          String offsets = row.map(r -> (String) r.get("reminder_offsets")).orElse(null);
          return new CommunitySettings(
              communityId,
              mode == null
                  ? defaults.mode()
                  : CommunitySettings.Mode.fromKey(mode).orElse(defaults.mode()),
              announceTo,
              chat == null ? null : CommunitySettings.conversation(chat),
              moderators,
              admins,
              offsets == null || offsets.isBlank()
                  ? defaults.reminderOffsets()
                  : CommunitySettings.offsets(offsets));
        });
  }

  /** Sets whether members' suggestions wait for a moderator. */
  public void setMode(long communityId, CommunitySettings.Mode mode) {
    set(communityId, Column.MODE, mode.key());
  }

  /** Sets the moderators' conversation, or {@code null} to write to each moderator directly. */
  public void setModeratorsChat(long communityId, Conversation chat) {
    set(communityId, Column.MODERATORS_CHAT, chat == null ? null : CommunitySettings.address(chat));
  }

  /** Sets the community's reminder offsets. */
  public void setReminderOffsets(long communityId, List<Duration> offsets) {
    set(communityId, Column.REMINDER_OFFSETS, CommunitySettings.offsetLines(offsets));
  }

  /**
   * Writes one column of {@code community_settings}: inserts the row with the defaults for the
   * others, or updates that column alone.
   */
  private void set(long communityId, Column column, String value) {
    CommunitySettings defaults = CommunitySettings.defaults(communityId);
    Map<Column, String> row = new LinkedHashMap<>();
    row.put(Column.MODE, defaults.mode().key());
    row.put(Column.MODERATORS_CHAT, null);
    row.put(Column.REMINDER_OFFSETS, CommunitySettings.offsetLines(defaults.reminderOffsets()));
    row.put(column, value);
    database.useHandle(
        "set " + column.name + " of community " + communityId,
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO community_settings (community_id, mode, moderators_chat,
                        reminder_offsets)
                    VALUES (:id, :mode, :moderators_chat, :reminder_offsets)
                    ON CONFLICT (community_id) DO UPDATE SET <column> = excluded.<column>
                    """
                        .replace("<column>", column.name))
                .bind("id", communityId)
                .bind("mode", row.get(Column.MODE))
                .bind("moderators_chat", row.get(Column.MODERATORS_CHAT))
                .bind("reminder_offsets", row.get(Column.REMINDER_OFFSETS))
                .execute());
  }

  /** Adds a group conversation to those announcements go to (nothing if it is one already). */
  public void addAnnouncement(long communityId, Conversation conversation, Instant at) {
    database.useHandle(
        "announce in " + conversation.key() + " for community " + communityId,
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO community_announcements (community_id, conversation, added_ms)
                    VALUES (:id, :conversation, :at)
                    ON CONFLICT (community_id, conversation) DO NOTHING
                    """)
                .bind("id", communityId)
                .bind("conversation", CommunitySettings.address(conversation))
                .bind("at", at.toEpochMilli())
                .execute());
  }

  /** Stops every announcement of the community. */
  public void clearAnnouncements(long communityId) {
    database.useHandle(
        "stop the announcements of community " + communityId,
        handle ->
            handle
                .createUpdate("DELETE FROM community_announcements WHERE community_id = :id")
                .bind("id", communityId)
                .execute());
  }

  /**
   * Names a person moderator or admin of a community (again: the name is refreshed).
   *
   * @param role {@link Role#MODERATOR} or {@link Role#ADMIN}
   */
  public void grant(long communityId, Role role, Person person, Instant at) {
    String stored = roleKey(role);
    database.useHandle(
        "name " + person.key() + " " + stored + " of community " + communityId,
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO community_roles (community_id, role, user_key, display_name,
                        named_ms)
                    VALUES (:id, :role, :key, :name, :at)
                    ON CONFLICT (community_id, role, user_key) DO UPDATE
                    SET display_name = excluded.display_name, named_ms = excluded.named_ms
                    """)
                .bind("id", communityId)
                .bind("role", stored)
                .bind("key", person.key())
                .bind("name", person.displayName())
                .bind("at", at.toEpochMilli())
                .execute());
  }

  /**
   * Takes a role a community's admins gave back.
   *
   * @return whether the member had it
   */
  public boolean revoke(long communityId, Role role, String userKey) {
    String stored = roleKey(role);
    return database.withHandle(
        "remove " + userKey + " from the " + stored + "s of community " + communityId,
        handle ->
            handle
                    .createUpdate(
                        "DELETE FROM community_roles WHERE community_id = :id AND role = :role"
                            + " AND user_key = :key")
                    .bind("id", communityId)
                    .bind("role", stored)
                    .bind("key", userKey)
                    .execute()
                > 0);
  }

  /** The members the community's admins named moderator or admin, admins first. */
  public List<Named> named(long communityId) {
    return database.withHandle(
        "list the named moderators and admins of community " + communityId,
        handle ->
            handle
                .createQuery(
                    """
                    SELECT r.role, r.user_key, COALESCE(m.display_name, r.display_name) AS name
                    FROM community_roles r
                    LEFT JOIN community_members m
                        ON m.community_id = r.community_id AND m.user_key = r.user_key
                    WHERE r.community_id = :id
                    ORDER BY r.role, r.user_key
                    """)
                .bind("id", communityId)
                .map(
                    (rs, ctx) ->
                        new Named(
                            roleOf(rs.getString("role")),
                            rs.getString("user_key"),
                            rs.getString("name")))
                .list());
  }

  private static String roleKey(Role role) {
    if (role != Role.MODERATOR && role != Role.ADMIN) {
      throw new IllegalArgumentException("only moderators and admins are named: " + role);
    }
    return role.name().toLowerCase(Locale.ROOT);
  }

  private static Role roleOf(String stored) {
    return Role.valueOf(stored.toUpperCase(Locale.ROOT));
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

  /** A member the community has seen, by key ({@code telegram:42}); never by name. */
  public Optional<Member> member(long communityId, String userKey) {
    return database.withHandle(
        "find member " + userKey + " of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT user_key, display_name, role FROM community_members"
                        + " WHERE community_id = :id AND user_key = :key")
                .bind("id", communityId)
                .bind("key", userKey)
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

  private static Member member(ResultSet row) throws SQLException {
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
