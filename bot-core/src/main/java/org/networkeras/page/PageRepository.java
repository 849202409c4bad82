package org.networkeras.page;

import java.util.Objects;
import java.util.Optional;
import org.networkeras.store.Database;

/** Stores communities' public pages ({@code public_pages}). Thread-safe. */
final class PageRepository {

  /** A community's page: its slug and whether it is served. */
  record Row(long communityId, String slug, boolean enabled) {}

  private final Database database;

  PageRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  Optional<Row> find(long communityId) {
    return database.withHandle(
        "read the public page of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT community_id, slug, enabled FROM public_pages"
                        + " WHERE community_id = :id")
                .bind("id", communityId)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                .findOne());
  }

  Optional<Row> bySlug(String slug) {
    return database.withHandle(
        "find a public page by its slug",
        handle ->
            handle
                .createQuery(
                    "SELECT community_id, slug, enabled FROM public_pages WHERE slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                .findOne());
  }

  /**
   * Turns a community's page on or off, giving it {@code newSlug} if it never had one (an existing
   * slug is kept).
   */
  void save(long communityId, String newSlug, boolean enabled) {
    database.useHandle(
        "save the public page of community " + communityId,
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO public_pages (community_id, slug, enabled)
                    VALUES (:id, :slug, :enabled)
                    ON CONFLICT (community_id) DO UPDATE SET enabled = excluded.enabled
                    """)
                .bind("id", communityId)
                .bind("slug", newSlug)
                .bind("enabled", enabled)
                .execute());
  }
}
