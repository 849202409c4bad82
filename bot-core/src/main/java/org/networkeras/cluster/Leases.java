package org.networkeras.cluster;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.networkeras.store.Database;
import org.networkeras.store.StoreException;

/**
 * Named leases in the database's {@code leases} table: at most one holder per name at a time, until
 * the lease expires. A holder keeps its lease by acquiring it again before it expires; a lease not
 * renewed in time goes to the next instance that asks. Expiry is judged with the injected {@link
 * Clock}: instances sharing a database need clocks in step (NTP), to well within a lease's length.
 *
 * <p>The same SQL serves SQLite (one process: its leases are always free or its own) and
 * PostgreSQL, where the upsert's row lock makes two concurrent acquisitions of one name settle on
 * one winner. Thread-safe.
 */
public final class Leases {

  private final Database database;
  private final Clock clock;

  public Leases(Database database, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The clock that judges expiry. */
  public Clock clock() {
    return clock;
  }

  /** A name for this process as a lease holder: host, process id and a random part. */
  public static String processHolder() {
    String runtime = ManagementFactory.getRuntimeMXBean().getName();
    return runtime + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Takes lease {@code name} for {@code holder} until now + {@code length}, if it is free, expired
   * or already {@code holder}'s (then it is renewed).
   *
   * @return whether {@code holder} holds the lease now
   * @throws StoreException if the database fails
   */
  public boolean acquire(String name, String holder, Duration length) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(holder, "holder");
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("a lease lasts a positive time: " + length);
    }
    Instant now = clock.instant();
    return database.withHandle(
            "acquire lease " + name,
            handle ->
                handle
                    .createUpdate(
                        """
                        INSERT INTO leases (lease_name, holder, expires_ms)
                        VALUES (:name, :holder, :expires)
                        ON CONFLICT (lease_name) DO UPDATE
                          SET holder = excluded.holder, expires_ms = excluded.expires_ms
                          WHERE leases.holder = excluded.holder OR leases.expires_ms <= :now
                        """)
                    .bind("name", name)
                    .bind("holder", holder)
                    .bind("expires", now.plus(length).toEpochMilli())
                    .bind("now", now.toEpochMilli())
                    .execute())
        == 1;
  }

  /**
   * Gives lease {@code name} up, if {@code holder} holds it, so another instance may take it at
   * once.
   */
  public void release(String name, String holder) {
    database.useHandle(
        "release lease " + name,
        handle ->
            handle
                .createUpdate("DELETE FROM leases WHERE lease_name = :name AND holder = :holder")
                .bind("name", name)
                .bind("holder", holder)
                .execute());
  }

  /** Who holds lease {@code name} now, if anyone (an expired lease is held by no one). */
  public Optional<String> holder(String name) {
    long now = clock.instant().toEpochMilli();
    return database.withHandle(
        "read lease " + name,
        handle ->
            handle
                .createQuery(
                    "SELECT holder FROM leases WHERE lease_name = :name AND expires_ms > :now")
                .bind("name", name)
                .bind("now", now)
                .mapTo(String.class)
                .findOne());
  }
}
