package org.networkeras.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;
import org.networkeras.store.StoreException;

/**
 * {@link CommunityRepository} on the {@code communities}, {@code community_groups} and {@code
 * members} tables. Obtain it from {@link Database#communities()}.
 */
public final class JdbiCommunityRepository implements CommunityRepository {

  private static final String COLUMNS =
      "c.id, c.name, c.zone, c.language, c.default_city, c.created_ms";

  private final Database database;

  /** Use {@link Database#communities()}; public only so that {@link Database} can build it. */
  public JdbiCommunityRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public Community findOrCreate(String groupKey, Community template) {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(template, "template");
    Optional<Community> existing = findByGroup(groupKey);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      return database.inTransaction(
          "create the community of group " + groupKey,
          handle -> {
            Community created = insert(handle, template);
            int linked =
                handle
                    .createUpdate(
                        """
                        INSERT INTO community_groups (group_key, community_id)
                        VALUES (:groupKey, :communityId)
                        ON CONFLICT (group_key) DO NOTHING
                        """)
                    .bind("groupKey", groupKey)
                    .bind("communityId", created.id())
                    .execute();
            if (linked == 0) {
              throw new LostRace(); // rolls the new community back
            }
            return created;
          });
    } catch (LostRace e) {
      // Another caller linked the group first (its link is committed): use its community.
      return findByGroup(groupKey)
          .orElseThrow(() -> new StoreException("Group " + groupKey + " lost its community"));
    }
  }

  @Override
  public Optional<Community> find(long id) {
    return database.withHandle(
        "find community " + id,
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM communities c WHERE c.id = :id")
                .bind("id", id)
                .map(JdbiCommunityRepository::community)
                .findOne());
  }

  @Override
  public Optional<Community> findByGroup(String groupKey) {
    Objects.requireNonNull(groupKey, "groupKey");
    return database.withHandle(
        "find the community of group " + groupKey,
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM community_groups g JOIN communities c ON c.id = g.community_id"
                        + " WHERE g.group_key = :groupKey")
                .bind("groupKey", groupKey)
                .map(JdbiCommunityRepository::community)
                .findOne());
  }

  @Override
  public void update(Community community) {
    Objects.requireNonNull(community, "community");
    int updated =
        database.withHandle(
            "update community " + community.id(),
            handle ->
                handle
                    .createUpdate(
                        """
                        UPDATE communities
                        SET name = :name, zone = :zone, language = :language,
                            default_city = :defaultCity
                        WHERE id = :id
                        """)
                    .bind("id", community.id())
                    .bind("name", community.name())
                    .bind("zone", community.zone().getId())
                    .bind("language", languageCode(community.language()))
                    .bind("defaultCity", community.defaultCity())
                    .execute());
    if (updated == 0) {
      throw new StoreException("Could not update community " + community.id() + ": not found");
    }
  }

  @Override
  public void setZone(long communityId, ZoneId zone) {
    setColumn(communityId, "zone", zone.getId());
  }

  @Override
  public void setLanguage(long communityId, Language language) {
    setColumn(communityId, "language", languageCode(language));
  }

  @Override
  public void setDefaultCity(long communityId, String city) {
    setColumn(communityId, "default_city", city);
  }

  @Override
  public void rename(long communityId, String name) {
    setColumn(communityId, "name", java.util.Objects.requireNonNull(name, "name"));
  }

  /** Updates one column of a community; {@code column} is one of ours, never typed by anyone. */
  private void setColumn(long communityId, String column, String value) {
    int updated =
        database.withHandle(
            "set " + column + " of community " + communityId,
            handle ->
                handle
                    .createUpdate("UPDATE communities SET " + column + " = :value WHERE id = :id")
                    .bind("id", communityId)
                    .bind("value", value)
                    .execute());
    if (updated == 0) {
      throw new StoreException("Could not update community " + communityId + ": not found");
    }
  }

  @Override
  public void touchMember(String userKey, long communityId, Instant at) {
    Objects.requireNonNull(userKey, "userKey");
    Objects.requireNonNull(at, "at");
    // A touch older than the stored one (a late, concurrent request) leaves the newer one in place.
    database.useHandle(
        "record that member " + userKey + " used community " + communityId,
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO members (user_key, community_id, last_used_ms)
                    VALUES (:userKey, :communityId, :at)
                    ON CONFLICT (user_key) DO UPDATE
                    SET community_id = excluded.community_id, last_used_ms = excluded.last_used_ms
                    WHERE excluded.last_used_ms >= members.last_used_ms
                    """)
                .bind("userKey", userKey)
                .bind("communityId", communityId)
                .bind("at", at.toEpochMilli())
                .execute());
  }

  @Override
  public Optional<Community> lastCommunityOf(String userKey) {
    Objects.requireNonNull(userKey, "userKey");
    return database.withHandle(
        "find the last community of member " + userKey,
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM members m JOIN communities c ON c.id = m.community_id"
                        + " WHERE m.user_key = :userKey")
                .bind("userKey", userKey)
                .map(JdbiCommunityRepository::community)
                .findOne());
  }

  private static Community insert(Handle handle, Community template) {
    long createdMs = template.createdAt().toEpochMilli();
    long id =
        handle
            .createQuery(
                """
                INSERT INTO communities (name, zone, language, default_city, created_ms)
                VALUES (:name, :zone, :language, :defaultCity, :createdMs)
                RETURNING id
                """)
            .bind("name", template.name())
            .bind("zone", template.zone().getId())
            .bind("language", languageCode(template.language()))
            .bind("defaultCity", template.defaultCity())
            .bind("createdMs", createdMs)
            .mapTo(Long.class)
            .one();
    return new Community(
        id,
        template.name(),
        template.zone(),
        template.language(),
        template.defaultCity(),
        Instant.ofEpochMilli(createdMs));
  }

  private static Community community(ResultSet row, StatementContext context) throws SQLException {
    String language = row.getString("language");
    return new Community(
        row.getLong("id"),
        row.getString("name"),
        ZoneId.of(row.getString("zone")),
        language == null ? null : Language.parse(language).orElseThrow(),
        row.getString("default_city"),
        Instant.ofEpochMilli(row.getLong("created_ms")));
  }

  private static String languageCode(Language language) {
    return language == null ? null : language.code();
  }

  /** Thrown inside the creating transaction when another caller linked the group first. */
  private static final class LostRace extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LostRace() {
      super(null, null, false, false);
    }
  }
}
