package org.networkeras.soon;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.store.Database;

/** Stores communities' "starting soon" leads ({@code starting_soon_settings}). Thread-safe. */
final class StartingSoonRepository {

  private final Database database;

  StartingSoonRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** The lead a community chose, or empty when the post is off. */
  Optional<Duration> find(long communityId) {
    return database.withHandle(
        "read the starting-soon lead of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT lead_minutes FROM starting_soon_settings WHERE community_id = :id")
                .bind("id", communityId)
                .mapTo(Integer.class)
                .findOne()
                .map(Duration::ofMinutes));
  }

  /** Stores a lead, or removes it (off) when empty. */
  void save(long communityId, Optional<Duration> lead) {
    database.useHandle(
        "save the starting-soon lead of community " + communityId,
        handle -> {
          if (lead.isEmpty()) {
            handle
                .createUpdate("DELETE FROM starting_soon_settings WHERE community_id = :id")
                .bind("id", communityId)
                .execute();
            return;
          }
          handle
              .createUpdate(
                  """
                  INSERT INTO starting_soon_settings (community_id, lead_minutes)
                  VALUES (:id, :minutes)
                  ON CONFLICT (community_id) DO UPDATE SET lead_minutes = excluded.lead_minutes
                  """)
              .bind("id", communityId)
              .bind("minutes", (int) lead.get().toMinutes())
              .execute();
        });
  }

  /** The communities whose post is on and that have at least one announcement conversation. */
  List<Long> communitiesToPostFor() {
    return database.withHandle(
        "list the communities with a starting-soon post",
        handle ->
            handle
                .createQuery(
                    "SELECT s.community_id FROM starting_soon_settings s"
                        + " WHERE EXISTS (SELECT 1 FROM community_announcements a"
                        + " WHERE a.community_id = s.community_id) ORDER BY s.community_id")
                .mapTo(Long.class)
                .list());
  }
}
