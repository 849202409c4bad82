package org.networkeras.calendar;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.networkeras.store.Database;

/**
 * The unguessable tokens in feed addresses, on the {@code calendar_tokens} table: 128 random bits
 * from {@link SecureRandom}, URL-safe Base64 without padding (22 characters). Thread-safe.
 */
final class CalendarTokens {

  /** What a token opens. */
  enum Feed {
    /** The community's agenda. */
    AGENDA,
    /** A member's dates. */
    MEMBER;

    String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Whose feed a token opens.
   *
   * @param communityId the community
   * @param feed which feed
   * @param memberKey the member, or empty for the agenda
   */
  record Owner(long communityId, Feed feed, String memberKey) {}

  private static final int TOKEN_BYTES = 16;

  private final Database database;
  private final SecureRandom random = new SecureRandom();

  CalendarTokens(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** The token of a feed, made on first use. */
  String token(long communityId, Feed feed, String memberKey, Instant now) {
    return database.inTransaction(
        "give community " + communityId + " a " + feed.key() + " feed token",
        handle -> {
          Optional<String> stored = find(handle, communityId, feed, memberKey);
          if (stored.isPresent()) {
            return stored.get();
          }
          handle
              .createUpdate(
                  "INSERT INTO calendar_tokens (token, community_id, feed, member_key, created_ms)"
                      + " VALUES (:token, :community, :feed, :member, :now)"
                      + " ON CONFLICT (community_id, feed, member_key) DO NOTHING")
              .bind("token", fresh())
              .bind("community", communityId)
              .bind("feed", feed.key())
              .bind("member", memberKey)
              .bind("now", now.toEpochMilli())
              .execute();
          // Another instance may have made one first: its token is the one.
          return find(handle, communityId, feed, memberKey).orElseThrow();
        });
  }

  /** Replaces a feed's token: the old one opens nothing from now on. */
  String reset(long communityId, Feed feed, String memberKey, Instant now) {
    String token = fresh();
    database.useTransaction(
        "reset a " + feed.key() + " feed token of community " + communityId,
        handle -> {
          handle
              .createUpdate(
                  "DELETE FROM calendar_tokens"
                      + " WHERE community_id = :community AND feed = :feed AND member_key = :member")
              .bind("community", communityId)
              .bind("feed", feed.key())
              .bind("member", memberKey)
              .execute();
          handle
              .createUpdate(
                  "INSERT INTO calendar_tokens (token, community_id, feed, member_key, created_ms)"
                      + " VALUES (:token, :community, :feed, :member, :now)")
              .bind("token", token)
              .bind("community", communityId)
              .bind("feed", feed.key())
              .bind("member", memberKey)
              .bind("now", now.toEpochMilli())
              .execute();
        });
    return token;
  }

  /** Whose feed {@code token} opens, if any. */
  Optional<Owner> owner(String token) {
    return database.withHandle(
        "find a feed token",
        handle ->
            handle
                .createQuery(
                    "SELECT community_id, feed, member_key FROM calendar_tokens"
                        + " WHERE token = :token")
                .bind("token", token)
                .map(
                    (row, context) ->
                        new Owner(
                            row.getLong("community_id"),
                            Feed.valueOf(row.getString("feed").toUpperCase(java.util.Locale.ROOT)),
                            row.getString("member_key")))
                .findOne());
  }

  private static Optional<String> find(
      Handle handle, long communityId, Feed feed, String memberKey) {
    return handle
        .createQuery(
            "SELECT token FROM calendar_tokens"
                + " WHERE community_id = :community AND feed = :feed AND member_key = :member")
        .bind("community", communityId)
        .bind("feed", feed.key())
        .bind("member", memberKey)
        .mapTo(String.class)
        .findOne();
  }

  private String fresh() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
