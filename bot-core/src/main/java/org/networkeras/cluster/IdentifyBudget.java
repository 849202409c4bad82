package org.networkeras.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.store.Database;
import org.networkeras.store.StoreException;

/**
 * Discord's daily budget of gateway logins (IDENTIFY) for a bot token, shared by every instance on
 * one database (table {@code identify_budget}). Each login is spent by one atomic {@code UPDATE}
 * that succeeds only while the window's spends are under its total (or the window is over, which
 * opens a new one), so instances spending at once never exceed the budget, on SQLite as on
 * PostgreSQL. Tokens are known only by their SHA-256. Thread-safe.
 */
public final class IdentifyBudget {

  /** Discord's daily logins per token, until it says otherwise. */
  public static final int DEFAULT_TOTAL = 1_000;

  /** Discord's window: a day from its first login. */
  public static final Duration WINDOW = Duration.ofDays(1);

  /** The state of a token's window. */
  public record Window(int total, int spent, Instant resetsAt) {}

  /** The answer to a spend: granted, or refused until {@code resetsAt}. */
  public record Spend(boolean granted, Instant resetsAt) {}

  private final Database database;
  private final Clock clock;

  public IdentifyBudget(Database database, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The clock that judges windows. */
  public Clock clock() {
    return clock;
  }

  /** The key of a token in the table: its SHA-256, in hexadecimal; never the token itself. */
  public static String tokenHash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Aligns the window with what Discord says ({@code session_start_limit} of {@code GET
   * /gateway/bot}): its total, and at least {@code total - remaining} spent (logins made before
   * this table knew of them, or by a process not on this database). A window already over starts
   * again from Discord's figures.
   *
   * @throws StoreException if the database fails
   */
  public void sync(String tokenHash, int total, int remaining, Instant resetsAt) {
    Objects.requireNonNull(tokenHash, "tokenHash");
    if (total < 1 || remaining < 0) {
      throw new IllegalArgumentException("total " + total + ", remaining " + remaining);
    }
    int spent = Math.max(0, total - remaining);
    long now = clock.millis();
    database.useHandle(
        "sync the identify budget",
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO identify_budget (token_hash, resets_ms, total, spent)
                    VALUES (:hash, :resets, :total, :spent)
                    ON CONFLICT (token_hash) DO UPDATE SET
                      total = excluded.total,
                      spent = CASE
                        WHEN identify_budget.resets_ms <= :now THEN excluded.spent
                        WHEN identify_budget.spent > excluded.spent THEN identify_budget.spent
                        ELSE excluded.spent END,
                      resets_ms = CASE
                        WHEN identify_budget.resets_ms <= :now THEN excluded.resets_ms
                        ELSE identify_budget.resets_ms END
                    """)
                .bind("hash", tokenHash)
                .bind("resets", resetsAt.toEpochMilli())
                .bind("total", total)
                .bind("spent", spent)
                .bind("now", now)
                .execute());
  }

  /**
   * Spends one login of {@code tokenHash}'s budget if one is left in the current window (a window
   * over, or none yet, opens a new one of {@link #WINDOW} with this login spent).
   *
   * @return granted, or refused with the end of the window
   * @throws StoreException if the database fails
   */
  public Spend spend(String tokenHash) {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Instant now = clock.instant();
    long next = now.plus(WINDOW).toEpochMilli();
    return database.withHandle(
        "spend an identify",
        handle -> {
          handle
              .createUpdate(
                  """
                  INSERT INTO identify_budget (token_hash, resets_ms, total, spent)
                  VALUES (:hash, :next, :total, 0)
                  ON CONFLICT (token_hash) DO NOTHING
                  """)
              .bind("hash", tokenHash)
              .bind("next", next)
              .bind("total", DEFAULT_TOTAL)
              .execute();
          int updated =
              handle
                  .createUpdate(
                      """
                      UPDATE identify_budget SET
                        spent = CASE WHEN resets_ms <= :now THEN 1 ELSE spent + 1 END,
                        resets_ms = CASE WHEN resets_ms <= :now THEN :next ELSE resets_ms END
                      WHERE token_hash = :hash AND (resets_ms <= :now OR spent < total)
                      """)
                  .bind("hash", tokenHash)
                  .bind("now", now.toEpochMilli())
                  .bind("next", next)
                  .execute();
          long resets =
              handle
                  .createQuery("SELECT resets_ms FROM identify_budget WHERE token_hash = :hash")
                  .bind("hash", tokenHash)
                  .mapTo(Long.class)
                  .one();
          return new Spend(updated == 1, Instant.ofEpochMilli(resets));
        });
  }

  /** The current window of {@code tokenHash}, if it ever spent or synced one. */
  public Optional<Window> window(String tokenHash) {
    return database.withHandle(
        "read the identify budget",
        handle ->
            handle
                .createQuery(
                    "SELECT total, spent, resets_ms FROM identify_budget WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map(
                    (rs, ctx) ->
                        new Window(
                            rs.getInt("total"),
                            rs.getInt("spent"),
                            Instant.ofEpochMilli(rs.getLong("resets_ms"))))
                .findOne());
  }
}
