package org.networkeras.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Platform;
import org.networkeras.delivery.OutboxEntry.Status;
import org.networkeras.store.Database;
import org.networkeras.store.StoreException;

/**
 * The outbox: messages core means to send once, each under a unique key, kept in the database from
 * the moment they are enqueued until long after they were delivered (so that enqueueing them again
 * does nothing). Thread-safe; several processes may share one database.
 */
public final class Outbox {

  private static final String COLUMNS =
      "id, delivery_key, platform, target_kind, target_id, community_id, display_name, reply_json,"
          + " status, not_before_ms, expires_ms, attempts, claimed_by, claimed_until_ms, last_error,"
          + " about_ref, about_member, about_start_ms";
  private static final String MEMBER = "MEMBER";

  /** The statement {@link #cancel} runs (tests read its query plan). */
  static final String CANCEL_ABOUT =
      "DELETE FROM outbox WHERE status = 'PENDING' AND about_member = :member AND about_ref = :ref"
          + " AND substr(delivery_key, 1, :length) = :prefix";

  private final Database database;
  private final Clock clock;

  public Outbox(Database database, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Writes {@code message} to the outbox unless a message with its key is already there (pending,
   * delivered, failed or expired): a key is sent at most once, however often it is enqueued.
   *
   * @return whether the message was added
   * @throws StoreException if the database fails
   */
  public boolean enqueue(OutgoingMessage message) {
    Objects.requireNonNull(message, "message");
    return enqueueAll(List.of(message)) == 1;
  }

  /**
   * As {@link #enqueue} for each message, in one transaction (a reminder for every member going).
   *
   * @return how many messages were added
   * @throws StoreException if the database fails; then none was added
   */
  public int enqueueAll(Collection<OutgoingMessage> messages) {
    if (messages.isEmpty()) {
      return 0;
    }
    long nowMs = clock.millis();
    String what =
        messages.size() == 1
            ? "enqueue " + messages.iterator().next().key()
            : "enqueue " + messages.size() + " messages";
    return database.inTransaction(
        what,
        handle -> {
          PreparedBatch batch =
              handle.prepareBatch(
                  """
                  INSERT INTO outbox (delivery_key, platform, target_kind, target_id,
                      community_id, display_name, reply_json, status, not_before_ms,
                      expires_ms, attempts, created_ms, updated_ms,
                      about_ref, about_member, about_start_ms)
                  VALUES (:key, :platform, :kind, :targetId, :communityId, :displayName,
                      :json, 'PENDING', :notBefore, :expires, 0, :now, :now,
                      :aboutRef, :aboutMember, :aboutStart)
                  ON CONFLICT (delivery_key) DO NOTHING
                  """);
          for (OutgoingMessage message : messages) {
            Target target = message.target();
            String kind = MEMBER;
            String communityId = null;
            String displayName = null;
            if (target instanceof Target.InConversation in) {
              kind = in.conversation().kind().name();
              communityId = in.conversation().communityId();
            } else {
              displayName = ((Target.ToMember) target).member().displayName();
            }
            batch
                .bind("key", message.key())
                .bind("platform", target.platform().name())
                .bind("kind", kind)
                .bind("targetId", target.chatId())
                .bind("communityId", communityId)
                .bind("displayName", displayName)
                .bind("json", ReplyCodec.toJson(message.reply()))
                .bind("notBefore", message.notBefore().toEpochMilli())
                .bind("expires", message.expiresAt().map(Instant::toEpochMilli).orElse(null))
                .bind("now", nowMs)
                .bind("aboutRef", message.premise().map(Premise::ref).orElse(null))
                .bind("aboutMember", message.premise().flatMap(Premise::memberKey).orElse(null))
                .bind(
                    "aboutStart", message.premise().map(p -> p.start().toEpochMilli()).orElse(null))
                .add();
          }
          return IntStream.of(batch.execute()).map(count -> count > 0 ? 1 : 0).sum();
        });
  }

  /**
   * Drops the pending messages about {@code memberKey}'s answer to the occurrence {@code ref}
   * (their {@link Premise}) whose key starts with {@code keyPrefix} (their reminders), so that
   * enqueueing one of those keys again adds it anew. Messages already delivered or settled
   * otherwise are kept. A message being sent at this very moment may still arrive. Reads an index
   * of the pending messages by member and occurrence: its cost does not grow with the outbox.
   *
   * @return how many messages were dropped
   * @throws IllegalArgumentException if the prefix is empty
   * @throws StoreException if the database fails
   */
  public int cancel(String keyPrefix, String ref, String memberKey) {
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(memberKey, "memberKey");
    if (keyPrefix.isEmpty()) {
      throw new IllegalArgumentException("cancel needs a key prefix");
    }
    // substr rather than LIKE: SQLite's LIKE ignores case and both need wildcards escaped.
    return database.withHandle(
        "cancel " + keyPrefix + "… about " + memberKey + " at " + ref,
        handle ->
            handle
                .createUpdate(CANCEL_ABOUT)
                .bind("member", memberKey)
                .bind("ref", ref)
                .bind("length", keyPrefix.length())
                .bind("prefix", keyPrefix)
                .execute());
  }

  /**
   * The message enqueued under {@code key}, if any.
   *
   * @throws StoreException if the database fails
   */
  public Optional<OutboxEntry> find(String key) {
    Objects.requireNonNull(key, "key");
    return database.withHandle(
        "find " + key,
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM outbox WHERE delivery_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> entry(rs))
                .findOne());
  }

  /**
   * Deletes the messages that were settled (delivered, failed, expired, dropped) before {@code
   * before}: their keys may then be enqueued again, so only purge what can no longer be enqueued
   * (past events). Pending messages are never purged.
   *
   * @return how many were deleted
   * @throws StoreException if the database fails
   */
  public int purgeSettledBefore(Instant before) {
    return database.withHandle(
        "purge the outbox",
        handle ->
            handle
                .createUpdate(
                    "DELETE FROM outbox WHERE status <> 'PENDING' AND updated_ms < :before")
                .bind("before", before.toEpochMilli())
                .execute());
  }

  /**
   * Claims up to {@code limit} due messages for {@code worker} until {@code until}: until then no
   * other worker claims them; after, they are due again (the worker is presumed dead). On
   * PostgreSQL, rows other workers are claiming are skipped ({@code FOR UPDATE SKIP LOCKED}); on
   * SQLite the claim runs in a write transaction ({@code BEGIN IMMEDIATE}).
   *
   * @return the claimed messages, oldest due first
   */
  List<Claim> claim(String worker, Instant now, Instant until, int limit) {
    String lock = database.isPostgres() ? " FOR UPDATE SKIP LOCKED" : "";
    String sql =
        "UPDATE outbox SET claimed_by = :worker, claimed_until_ms = :until, updated_ms = :now"
            + " WHERE id IN (SELECT id FROM outbox"
            + " WHERE status = 'PENDING' AND not_before_ms <= :now"
            + " AND (claimed_until_ms IS NULL OR claimed_until_ms <= :now)"
            + " ORDER BY not_before_ms, id LIMIT :limit"
            + lock
            + ") RETURNING "
            + COLUMNS;
    List<Claim> claims =
        database.inTransaction(
            "claim due outbox messages",
            handle ->
                handle
                    .createQuery(sql)
                    .bind("worker", worker)
                    .bind("until", until.toEpochMilli())
                    .bind("now", now.toEpochMilli())
                    .bind("limit", limit)
                    .map(Outbox::claim)
                    .list());
    return claims.stream().sorted(Comparator.comparingLong(Claim::id)).toList();
  }

  /**
   * Writes the outcomes of claimed messages, all in one transaction (one statement batch per kind
   * of outcome): a worker records a chunk of sends with one commit instead of one per message.
   *
   * @return for each outcome, in the order it was added, whether it was written: a delivery is
   *     written unless the message is no longer pending (delivered by another worker, cancelled),
   *     even if its claim lapsed, since it was delivered all the same; any other outcome only while
   *     the worker's claim is still the message's (false if it lapsed and another worker claimed
   *     the message meanwhile)
   * @throws StoreException if the database fails; then none was written
   */
  boolean[] record(Outcomes outcomes) {
    List<Outcomes.Write> writes = outcomes.writes;
    boolean[] written = new boolean[writes.size()];
    if (writes.isEmpty()) {
      return written;
    }
    Map<String, List<Integer>> bySql = new LinkedHashMap<>();
    for (int i = 0; i < writes.size(); i++) {
      bySql.computeIfAbsent(writes.get(i).sql(), sql -> new ArrayList<>()).add(i);
    }
    String what =
        writes.size() == 1
            ? "record the outcome of " + writes.get(0).key()
            : "record the outcomes of " + writes.size() + " messages";
    database.useTransaction(
        what,
        handle -> {
          for (Map.Entry<String, List<Integer>> group : bySql.entrySet()) {
            PreparedBatch batch = handle.prepareBatch(group.getKey());
            for (int i : group.getValue()) {
              batch.bindMap(writes.get(i).binds()).add();
            }
            int[] counts = batch.execute();
            for (int k = 0; k < counts.length; k++) {
              written[group.getValue().get(k)] = counts[k] == 1;
            }
          }
        });
    return written;
  }

  /**
   * Outcomes of claimed messages to write together with {@link #record}. Not thread-safe: one
   * worker fills it.
   */
  static final class Outcomes {

    private static final String DELIVERED =
        """
        UPDATE outbox SET status = 'DELIVERED', message_id = :messageId,
            attempts = attempts + 1, claimed_by = NULL, claimed_until_ms = NULL,
            last_error = NULL, updated_ms = :now
        WHERE id = :id AND status = 'PENDING'
        """;

    private record Write(String key, String sql, Map<String, Object> binds) {}

    private final List<Write> writes = new ArrayList<>();

    /** The platform accepted a claimed message. */
    void delivered(Claim claim, String messageId, Instant now) {
      writes.add(
          new Write(
              claim.message().key(),
              DELIVERED,
              Map.of("messageId", messageId, "now", now.toEpochMilli(), "id", claim.id())));
    }

    /** A claimed message goes back, due at {@code notBefore}, after a failed attempt. */
    void retryLater(Claim claim, Instant notBefore, String reason, Instant now) {
      settle(
          claim,
          "not_before_ms = :notBefore, attempts = attempts + 1, last_error = :reason",
          Map.of("notBefore", notBefore.toEpochMilli(), "reason", reason),
          now);
    }

    /** A claimed message goes back unsent, due at {@code notBefore} (no permit to send it yet). */
    void release(Claim claim, Instant notBefore, Instant now) {
      settle(
          claim, "not_before_ms = :notBefore", Map.of("notBefore", notBefore.toEpochMilli()), now);
    }

    /**
     * A claimed message is settled as {@link Status#FAILED} (after an attempt), {@link
     * Status#EXPIRED} or {@link Status#DROPPED} (unsent).
     */
    void finish(Claim claim, Status status, String reason, Instant now) {
      if (status == Status.PENDING || status == Status.DELIVERED) {
        throw new IllegalArgumentException(
            "finish settles failed, expired or dropped messages: " + status);
      }
      String attempts = status == Status.FAILED ? ", attempts = attempts + 1" : "";
      settle(
          claim,
          "status = '" + status.name() + "', last_error = :reason" + attempts,
          Map.of("reason", reason),
          now);
    }

    int size() {
      return writes.size();
    }

    private void settle(Claim claim, String assignments, Map<String, Object> binds, Instant now) {
      Map<String, Object> all = new HashMap<>(binds);
      all.put("now", now.toEpochMilli());
      all.put("id", claim.id());
      all.put("worker", claim.worker());
      all.put("until", claim.until().toEpochMilli());
      writes.add(
          new Write(
              claim.message().key(),
              "UPDATE outbox SET "
                  + assignments
                  + ", claimed_by = NULL, claimed_until_ms = NULL, updated_ms = :now"
                  + " WHERE id = :id AND status = 'PENDING'"
                  + " AND claimed_by = :worker AND claimed_until_ms = :until",
              all));
    }
  }

  /**
   * How many messages wait and since when the oldest due one is due, in one query over the pending
   * rows (the index on status and due time), for metrics read at scrape time.
   *
   * @throws StoreException if the database fails
   */
  public OutboxBacklog backlog(Instant now) {
    return database.withHandle(
        "measure the outbox backlog",
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) AS pending,"
                        + " COALESCE(SUM(CASE WHEN not_before_ms <= :now THEN 1 ELSE 0 END), 0)"
                        + " AS due, MIN(not_before_ms) AS first_ms"
                        + " FROM outbox WHERE status = 'PENDING'")
                .bind("now", now.toEpochMilli())
                .map(
                    (rs, ctx) -> {
                      long first = rs.getLong("first_ms");
                      boolean none = rs.wasNull();
                      long due = rs.getLong("due");
                      return new OutboxBacklog(
                          rs.getLong("pending"),
                          due,
                          none || due == 0
                              ? Optional.empty()
                              : Optional.of(Instant.ofEpochMilli(first)));
                    })
                .one());
  }

  /**
   * When the first pending message due strictly after {@code after} falls due; empty when none
   * waits for a later moment. Lets a simulated clock stop at each moment something is due.
   *
   * @throws StoreException if the database fails
   */
  public Optional<Instant> nextDueAfter(Instant after) {
    return database.withHandle(
        "find the next due outbox message",
        handle ->
            handle
                .createQuery(
                    "SELECT MIN(not_before_ms) FROM outbox"
                        + " WHERE status = 'PENDING' AND not_before_ms > :after")
                .bind("after", after.toEpochMilli())
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
  }

  /** A message claimed by a worker until {@code until}. */
  record Claim(long id, OutgoingMessage message, int attempts, String worker, Instant until) {}

  private static Claim claim(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Claim(
        rs.getLong("id"),
        message(rs),
        rs.getInt("attempts"),
        rs.getString("claimed_by"),
        Instant.ofEpochMilli(rs.getLong("claimed_until_ms")));
  }

  private static OutboxEntry entry(ResultSet rs) throws SQLException {
    return new OutboxEntry(
        message(rs),
        Status.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        Optional.ofNullable(rs.getString("last_error")));
  }

  private static OutgoingMessage message(ResultSet rs) throws SQLException {
    Platform platform = Platform.valueOf(rs.getString("platform"));
    String kind = rs.getString("target_kind");
    String targetId = rs.getString("target_id");
    Target target =
        MEMBER.equals(kind)
            ? Target.member(ChatUser.member(platform, targetId, rs.getString("display_name")))
            : Target.conversation(
                new Conversation(
                    platform,
                    targetId,
                    Conversation.Kind.valueOf(kind),
                    rs.getString("community_id")));
    long expires = rs.getLong("expires_ms");
    Optional<Instant> expiresAt =
        rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expires));
    String aboutRef = rs.getString("about_ref");
    long aboutStart = rs.getLong("about_start_ms");
    Optional<Premise> premise =
        aboutRef == null || rs.wasNull()
            ? Optional.empty()
            : Optional.of(
                new Premise(
                    aboutRef,
                    Instant.ofEpochMilli(aboutStart),
                    Optional.ofNullable(rs.getString("about_member"))));
    return new OutgoingMessage(
        rs.getString("delivery_key"),
        target,
        ReplyCodec.fromJson(rs.getString("reply_json")),
        Instant.ofEpochMilli(rs.getLong("not_before_ms")),
        expiresAt,
        premise);
  }
}
