package org.networkeras.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.networkeras.store.Database;
import org.networkeras.store.StoreException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CacheEvents} across the instances sharing a PostgreSQL schema: a change is sent with
 * {@code pg_notify} on a channel named after the schema, and a thread of its own listens on a
 * dedicated connection ({@code LISTEN}, then {@link PGConnection#getNotifications(int)}), telling
 * this instance's listeners of the other instances' changes. When that connection is lost, it
 * connects again and tells every listener to forget everything, since changes may have been missed
 * meanwhile.
 */
final class PostgresCacheEvents extends CacheEvents {

  private static final Logger log = LoggerFactory.getLogger(PostgresCacheEvents.class);
  private static final int WAIT_MS = 250;
  private static final long RECONNECT_MS = 2_000;
  private static final char SEPARATOR = '\t';
  private static final int MAX_CHANNEL_LENGTH = 63;

  private final Database database;
  private final String channel;
  private final String self;
  private final Thread listening;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch listeningOnce = new CountDownLatch(1);

  private PostgresCacheEvents(Database database, String channel) {
    this.database = database;
    this.channel = channel;
    this.self = Leases.processHolder();
    this.listening = new Thread(this::listen, "cache-events");
    listening.setDaemon(true);
  }

  /**
   * Starts listening to the other instances on {@code database}'s schema; returns once listening
   * (or after a few seconds, if the first connection fails: it is then retried in the background).
   */
  static PostgresCacheEvents start(Database database) {
    String schema =
        database.withHandle(
            "read the current schema",
            handle -> handle.createQuery("SELECT current_schema()").mapTo(String.class).one());
    String channel = "networkeras_cache_" + schema.toLowerCase(Locale.ROOT);
    // a channel name is an identifier: at most 63 bytes
    PostgresCacheEvents events =
        new PostgresCacheEvents(
            database, channel.substring(0, Math.min(channel.length(), MAX_CHANNEL_LENGTH)));
    events.listening.start();
    try {
      events.listeningOnce.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return events;
  }

  @Override
  public void changed(String cache, String key) {
    super.changed(cache, key);
    try {
      database.useHandle(
          "tell other instances that " + cache + " changed",
          handle ->
              handle
                  .createQuery("SELECT pg_notify(:channel, :payload)")
                  .bind("channel", channel)
                  .bind("payload", self + SEPARATOR + cache + SEPARATOR + key)
                  .mapTo(String.class)
                  .findOne());
    } catch (StoreException e) {
      // The write itself committed; other instances see it when their cached copy expires.
      log.warn("Could not tell other instances that {} {} changed: {}", cache, key, e.getMessage());
    }
  }

  @Override
  public void close() {
    stop.countDown();
    try {
      listening.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void listen() {
    boolean connectedBefore = false;
    while (stop.getCount() > 0) {
      try (Connection connection = database.dedicatedConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
        }
        if (connectedBefore) {
          log.info("Listening to other instances' cache changes again");
          tellEveryoneEverything();
        }
        connectedBefore = true;
        listeningOnce.countDown();
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (stop.getCount() > 0) {
          PGNotification[] received = notifications.getNotifications(WAIT_MS);
          if (received != null) {
            for (PGNotification notification : received) {
              receive(notification.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (stop.getCount() > 0) {
          log.warn(
              "Lost the connection listening to other instances' cache changes: {}",
              e.getMessage());
          try {
            stop.await(RECONNECT_MS, TimeUnit.MILLISECONDS);
          } catch (InterruptedException interrupted) {
            return;
          }
        }
      }
    }
  }

  private void receive(String payload) {
    String[] parts = payload.split(String.valueOf(SEPARATOR), 3);
    if (parts.length != 3) {
      log.warn("Ignoring a cache change notification in an unknown format");
      return;
    }
    if (Objects.equals(parts[0], self)) {
      return; // this instance told its listeners already
    }
    tellListeners(parts[1], parts[2]);
  }
}
