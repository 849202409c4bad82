package org.networkeras.suggestion;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.store.Database;

/**
 * The queries suggestions need on the {@code events} table beyond the catalog's: members' recent
 * and pending suggestions, the review queue, events by link, and the conditional status change that
 * makes concurrent reviews of one suggestion take effect once. Thread-safe.
 */
final class SuggestionRepository {

  static final String SOURCE = "suggestion";

  private final Database database;

  SuggestionRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * When a member's suggestions to a community made since {@code since} were made, oldest first.
   */
  List<Instant> suggestedSince(long communityId, String author, Instant since) {
    return database.withHandle(
        "count the recent suggestions of " + author,
        handle ->
            handle
                .createQuery(
                    "SELECT created_ms FROM events WHERE community_id = :community"
                        + " AND author = :author AND source = :source AND created_ms > :since"
                        + " ORDER BY created_ms")
                .bind("community", communityId)
                .bind("author", author)
                .bind("source", SOURCE)
                .bind("since", since.toEpochMilli())
                .mapTo(Long.class)
                .map(Instant::ofEpochMilli)
                .list());
  }

  /** How many of a member's suggestions to a community wait for review. */
  long pendingOf(long communityId, String author) {
    return database.withHandle(
        "count the pending suggestions of " + author,
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) FROM events WHERE community_id = :community"
                        + " AND author = :author AND status = :status")
                .bind("community", communityId)
                .bind("author", author)
                .bind("status", EventStatus.SUGGESTED.key())
                .mapTo(Long.class)
                .one());
  }

  /** The ids of a community's pending suggestions, oldest first, and how many there are. */
  List<Long> pending(long communityId, int limit) {
    return database.withHandle(
        "list the review queue of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT id FROM events WHERE community_id = :community AND status = :status"
                        + " ORDER BY created_ms, id LIMIT :limit")
                .bind("community", communityId)
                .bind("status", EventStatus.SUGGESTED.key())
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
  }

  long pendingCount(long communityId) {
    return database.withHandle(
        "count the review queue of community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) FROM events WHERE community_id = :community"
                        + " AND status = :status")
                .bind("community", communityId)
                .bind("status", EventStatus.SUGGESTED.key())
                .mapTo(Long.class)
                .one());
  }

  /** The ids of a community's pending or published events with this link. */
  List<Long> withLink(long communityId, String link) {
    return database.withHandle(
        "find events by link in community " + communityId,
        handle ->
            handle
                .createQuery(
                    "SELECT id FROM events WHERE community_id = :community AND link = :link"
                        + " AND status IN (:suggested, :published) ORDER BY id")
                .bind("community", communityId)
                .bind("link", link)
                .bind("suggested", EventStatus.SUGGESTED.key())
                .bind("published", EventStatus.PUBLISHED.key())
                .mapTo(Long.class)
                .list());
  }

  /**
   * Writes the fields an edit may change, only if the event still has status {@code expected}, so
   * an edit never undoes a review that happened meanwhile.
   *
   * @return whether the event was changed
   */
  boolean edit(Event edited, EventStatus expected) {
    int changed =
        database.withHandle(
            "edit event " + edited.id(),
            handle ->
                handle
                    .createUpdate(
                        """
                        UPDATE events SET title = :title, family = :family, slot = :slot,
                            city = :city, venue = :venue, start_ms = :start, end_ms = :end,
                            description = :description, link = :link, recurrence = :recurrence,
                            updated_ms = :updated, revision = revision + 1
                        WHERE id = :id AND status = :expected
                        """)
                    .bind("id", edited.id())
                    .bind("expected", expected.key())
                    .bind("title", edited.title())
                    .bind("family", edited.family() == null ? null : edited.family().key())
                    .bind("slot", edited.slot().key())
                    .bind("city", edited.city())
                    .bind("venue", edited.venue())
                    .bind("start", edited.start().toEpochMilli())
                    .bind("end", edited.end().toEpochMilli())
                    .bind("description", edited.description())
                    .bind("link", edited.link())
                    .bind("recurrence", edited.recurrence())
                    .bind("updated", edited.updatedAt().toEpochMilli())
                    .execute());
    return changed == 1;
  }

  /**
   * Lists a pending suggestion, only if it is still pending and has a family.
   *
   * @return whether this call published it (false when another got there first)
   */
  boolean publish(long id, Instant at) {
    int changed =
        database.withHandle(
            "publish suggestion " + id,
            handle ->
                handle
                    .createUpdate(
                        "UPDATE events SET status = :to, updated_ms = :at, revision = revision + 1"
                            + " WHERE id = :id AND status = :from AND family IS NOT NULL")
                    .bind("id", id)
                    .bind("from", EventStatus.SUGGESTED.key())
                    .bind("to", EventStatus.PUBLISHED.key())
                    .bind("at", at.toEpochMilli())
                    .execute());
    return changed == 1;
  }

  /**
   * Moves an event from one status to another only if it still has the first.
   *
   * @return whether this call made the change (false when another got there first)
   */
  boolean transition(long id, EventStatus from, EventStatus to, Instant at) {
    int changed =
        database.withHandle(
            "change event " + id + " from " + from.key() + " to " + to.key(),
            handle ->
                handle
                    .createUpdate(
                        "UPDATE events SET status = :to, updated_ms = :at, revision = revision + 1"
                            + " WHERE id = :id AND status = :from")
                    .bind("id", id)
                    .bind("from", from.key())
                    .bind("to", to.key())
                    .bind("at", at.toEpochMilli())
                    .execute());
    return changed == 1;
  }
}
