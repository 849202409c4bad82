package org.networkeras.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;

/**
 * Stores subscriptions ({@code subscriptions}), the matches waiting for a digest ({@code
 * subscription_matches}) and when each member's last digest was made ({@code
 * subscription_digests}). Thread-safe; several processes may share one database.
 */
final class SubscriptionRepository {

  /** A member who subscribed in a community, with what they subscribed to. */
  record Subscriber(
      String userKey, String displayName, Language language, List<Subscription> subscriptions) {}

  /** A published event that matched a member's subscriptions. */
  record Match(long communityId, long eventId) {}

  /**
   * The matches gathered into one direct message.
   *
   * @param key the outbox key of the message
   * @param userKey the member it goes to
   * @param displayName the member's name
   * @param language the language to write in
   * @param matches the events, oldest match first
   */
  record Digest(
      String key,
      String userKey,
      String displayName,
      Language language,
      Instant madeAt,
      List<Match> matches) {}

  private final Database database;

  SubscriptionRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** A member's subscriptions in a community, by kind then value. */
  List<Subscription> of(long communityId, String userKey) {
    return database.withHandle(
        "list the subscriptions of " + userKey,
        handle ->
            handle
                .createQuery(
                    "SELECT kind, value FROM subscriptions"
                        + " WHERE community_id = :community AND user_key = :user"
                        + " ORDER BY kind, value")
                .bind("community", communityId)
                .bind("user", userKey)
                .map(
                    (rs, ctx) ->
                        new Subscription(
                            Subscription.Kind.fromKey(rs.getString("kind")), rs.getString("value")))
                .list());
  }

  /**
   * Adds subscriptions a member does not have yet, and refreshes the name and language every
   * subscription of theirs in the community is delivered with.
   *
   * @return how many were new
   */
  int add(
      long communityId,
      String userKey,
      String displayName,
      Language language,
      List<Subscription> subscriptions,
      Instant now) {
    return database.inTransaction(
        "add subscriptions of " + userKey,
        handle -> {
          int added = 0;
          for (Subscription subscription : subscriptions) {
            added +=
                handle
                    .createUpdate(
                        """
                        INSERT INTO subscriptions (community_id, user_key, kind, value,
                            display_name, language, created_ms)
                        VALUES (:community, :user, :kind, :value, :name, :language, :now)
                        ON CONFLICT (community_id, user_key, kind, value) DO NOTHING
                        """)
                    .bind("community", communityId)
                    .bind("user", userKey)
                    .bind("kind", subscription.kind().key())
                    .bind("value", subscription.value())
                    .bind("name", displayName)
                    .bind("language", language.code())
                    .bind("now", now.toEpochMilli())
                    .execute();
          }
          handle
              .createUpdate(
                  "UPDATE subscriptions SET display_name = :name, language = :language"
                      + " WHERE community_id = :community AND user_key = :user")
              .bind("community", communityId)
              .bind("user", userKey)
              .bind("name", displayName)
              .bind("language", language.code())
              .execute();
          return added;
        });
  }

  /** Removes the given subscriptions (as stored); returns how many there were. */
  int remove(long communityId, String userKey, List<Subscription> subscriptions) {
    return database.inTransaction(
        "remove subscriptions of " + userKey,
        handle -> {
          int removed = 0;
          for (Subscription subscription : subscriptions) {
            removed +=
                handle
                    .createUpdate(
                        "DELETE FROM subscriptions WHERE community_id = :community"
                            + " AND user_key = :user AND kind = :kind AND value = :value")
                    .bind("community", communityId)
                    .bind("user", userKey)
                    .bind("kind", subscription.kind().key())
                    .bind("value", subscription.value())
                    .execute();
          }
          return removed;
        });
  }

  /**
   * Removes every subscription of a member in a community, and the matches there still waiting for
   * a digest; returns how many subscriptions there were.
   */
  int removeAll(long communityId, String userKey) {
    return database.inTransaction(
        "remove every subscription of " + userKey,
        handle -> {
          handle
              .createUpdate(
                  "DELETE FROM subscription_matches WHERE community_id = :community"
                      + " AND user_key = :user AND digest_key IS NULL")
              .bind("community", communityId)
              .bind("user", userKey)
              .execute();
          return handle
              .createUpdate(
                  "DELETE FROM subscriptions WHERE community_id = :community"
                      + " AND user_key = :user")
              .bind("community", communityId)
              .bind("user", userKey)
              .execute();
        });
  }

  /** Everyone subscribed to something in a community. */
  List<Subscriber> subscribers(long communityId) {
    return database.withHandle(
        "list the subscribers of community " + communityId,
        handle -> {
          Map<String, Subscriber> byUser = new LinkedHashMap<>();
          handle
              .createQuery(
                  "SELECT user_key, display_name, language, kind, value FROM subscriptions"
                      + " WHERE community_id = :community ORDER BY user_key, kind, value")
              .bind("community", communityId)
              .map(
                  (rs, ctx) -> {
                    Subscriber subscriber =
                        byUser.computeIfAbsent(
                            rs.getString("user_key"),
                            key -> {
                              try {
                                return new Subscriber(
                                    key,
                                    rs.getString("display_name"),
                                    language(rs.getString("language")),
                                    new ArrayList<>());
                              } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                              }
                            });
                    subscriber
                        .subscriptions()
                        .add(
                            new Subscription(
                                Subscription.Kind.fromKey(rs.getString("kind")),
                                rs.getString("value")));
                    return subscriber;
                  })
              .list();
          return List.copyOf(byUser.values());
        });
  }

  /**
   * Records that a published event matched a member's subscriptions, unless it already did.
   *
   * @return whether the match is new
   */
  boolean addMatch(Subscriber subscriber, long communityId, long eventId, Instant now) {
    return database.withHandle(
            "record a match for " + subscriber.userKey(),
            handle ->
                handle
                    .createUpdate(
                        """
                        INSERT INTO subscription_matches (user_key, community_id, event_id,
                            display_name, language, matched_ms)
                        VALUES (:user, :community, :event, :name, :language, :now)
                        ON CONFLICT (user_key, event_id) DO NOTHING
                        """)
                    .bind("user", subscriber.userKey())
                    .bind("community", communityId)
                    .bind("event", eventId)
                    .bind("name", subscriber.displayName())
                    .bind("language", subscriber.language().code())
                    .bind("now", now.toEpochMilli())
                    .execute())
        == 1;
  }

  /** The members with matches not yet in a digest. */
  List<String> membersWaiting() {
    return database.withHandle(
        "list the members waiting for a digest",
        handle ->
            handle
                .createQuery(
                    "SELECT DISTINCT user_key FROM subscription_matches"
                        + " WHERE digest_key IS NULL ORDER BY user_key")
                .mapTo(String.class)
                .list());
  }

  /**
   * Gathers a member's waiting matches into a digest, if the member has some and their last digest
   * was made at least {@code every} before {@code now}. Of several processes trying at once, one
   * gets the digest. The key is {@code subs:<member key>:<hours since the epoch>}: digests an hour
   * apart never share it.
   *
   * @return the digest, or empty when nothing waits or the last one is too recent
   */
  Optional<Digest> makeDigest(String userKey, Instant now, Duration every) {
    String key = "subs:" + userKey + ":" + now.toEpochMilli() / Duration.ofHours(1).toMillis();
    return database.inTransaction(
        "make a digest for " + userKey,
        handle -> {
          if (waiting(handle, userKey) == 0) {
            return Optional.empty();
          }
          int allowed =
              handle
                  .createUpdate(
                      """
                      INSERT INTO subscription_digests (user_key, last_sent_ms)
                      VALUES (:user, :now)
                      ON CONFLICT (user_key) DO UPDATE SET last_sent_ms = excluded.last_sent_ms
                      WHERE subscription_digests.last_sent_ms <= :latest
                      """)
                  .bind("user", userKey)
                  .bind("now", now.toEpochMilli())
                  .bind("latest", now.minus(every).toEpochMilli())
                  .execute();
          if (allowed == 0) {
            return Optional.empty();
          }
          handle
              .createUpdate(
                  "UPDATE subscription_matches SET digest_key = :key, digested_ms = :now"
                      + " WHERE user_key = :user AND digest_key IS NULL")
              .bind("key", key)
              .bind("now", now.toEpochMilli())
              .bind("user", userKey)
              .execute();
          return digest(handle, key);
        });
  }

  /**
   * The digests made since {@code since} that never reached the outbox (the process stopped between
   * making one and enqueueing it).
   */
  List<Digest> lostDigests(Instant since) {
    return database.withHandle(
        "find digests missing from the outbox",
        handle -> {
          List<String> keys =
              handle
                  .createQuery(
                      "SELECT DISTINCT m.digest_key FROM subscription_matches m"
                          + " LEFT JOIN outbox o ON o.delivery_key = m.digest_key"
                          + " WHERE m.digest_key IS NOT NULL AND m.digested_ms >= :since"
                          + " AND o.id IS NULL")
                  .bind("since", since.toEpochMilli())
                  .mapTo(String.class)
                  .list();
          List<Digest> digests = new ArrayList<>();
          for (String key : keys) {
            digest(handle, key).ifPresent(digests::add);
          }
          return digests;
        });
  }

  private static int waiting(Handle handle, String userKey) {
    return handle
        .createQuery(
            "SELECT COUNT(*) FROM subscription_matches"
                + " WHERE user_key = :user AND digest_key IS NULL")
        .bind("user", userKey)
        .mapTo(Integer.class)
        .one();
  }

  private record Row(
      String userKey, String displayName, String language, Match match, long digestedMs) {}

  private static Optional<Digest> digest(Handle handle, String key) {
    List<Row> rows =
        handle
            .createQuery(
                "SELECT user_key, display_name, language, community_id, event_id, digested_ms"
                    + " FROM subscription_matches WHERE digest_key = :key ORDER BY id")
            .bind("key", key)
            .map(
                (rs, ctx) ->
                    new Row(
                        rs.getString("user_key"),
                        rs.getString("display_name"),
                        rs.getString("language"),
                        new Match(rs.getLong("community_id"), rs.getLong("event_id")),
                        rs.getLong("digested_ms")))
            .list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Row last = rows.get(rows.size() - 1);
    return Optional.of(
        new Digest(
            key,
            last.userKey(),
            last.displayName(),
            language(last.language()),
            Instant.ofEpochMilli(last.digestedMs()),
            rows.stream().map(Row::match).toList()));
  }

  private static Language language(String code) {
    return Language.parse(code).orElse(Language.EN);
  }
}
