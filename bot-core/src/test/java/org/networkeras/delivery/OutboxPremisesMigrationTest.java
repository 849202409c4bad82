package org.networkeras.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Reply;
import org.networkeras.core.SimulatedClock;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/**
 * Reminders written before outbox messages named what they are about get their occurrence, start
 * and member from their key, so that the next answer drops them through the index and the worker
 * checks them; other rows stay about nothing.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class OutboxPremisesMigrationTest {

  private static final Instant START = Instant.parse("2026-12-03T18:00:00Z");

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private String url;
  private String serverUrl;
  private String schema;
  private Database database;

  @BeforeEach
  void createEmptyDatabase() throws SQLException {
    if (backend == TestDatabases.Backend.SQLITE) {
      url = Database.sqliteUrl(tempDir);
      return;
    }
    Assumptions.assumeTrue(
        TestDatabases.postgresConfigured(),
        TestDatabases.POSTGRES_URL_VARIABLE + " not set: PostgreSQL tests skipped");
    serverUrl = System.getenv(TestDatabases.POSTGRES_URL_VARIABLE);
    schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    execute(serverUrl, "CREATE SCHEMA " + schema);
    url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @AfterEach
  void close() throws SQLException {
    if (database != null) {
      database.close();
    }
    if (schema != null) {
      execute(serverUrl, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void readsWhatLegacyPendingRemindersAreAboutFromTheirKeys() throws SQLException {
    // given a database as version 18 left it: answers, and reminders named by key only
    boolean postgres = backend == TestDatabases.Backend.POSTGRES;
    Database.migrations(backend == TestDatabases.Backend.POSTGRES)
        .dataSource(url, null, null)
        .target("18")
        .load()
        .migrate();
    answer("1", "console:alice");
    answer("7-1203", "console:a");
    answer("7-1203", "console:a:b");
    long seconds = START.getEpochSecond();
    legacy("reminder:1:console:alice:1d@" + seconds, "PENDING");
    legacy("reminder:1:console:alice:2h@" + seconds, "DELIVERED");
    legacy("reminder:7-1203:console:a:b:30m@" + seconds, "PENDING");
    legacy("reminder:7-1203:console:a:2h@" + seconds, "PENDING");
    legacy("reminder:9:console:nobody:1d@" + seconds, "PENDING");
    legacy("promoted:1:console:alice:3", "PENDING");

    // when the bot starts on it
    database = Database.open(url);

    // then
    Outbox outbox = new Outbox(database, new SimulatedClock(START, ZoneOffset.UTC));
    assertThat(premise(outbox, "reminder:1:console:alice:1d@" + seconds))
        .contains(Premise.attendance("1", START, "console:alice"));
    assertThat(premise(outbox, "reminder:7-1203:console:a:b:30m@" + seconds))
        .contains(Premise.attendance("7-1203", START, "console:a:b"));
    assertThat(premise(outbox, "reminder:7-1203:console:a:2h@" + seconds))
        .contains(Premise.attendance("7-1203", START, "console:a"));
    assertThat(premise(outbox, "reminder:1:console:alice:2h@" + seconds)).isEmpty();
    assertThat(premise(outbox, "reminder:9:console:nobody:1d@" + seconds)).isEmpty();
    assertThat(premise(outbox, "promoted:1:console:alice:3")).isEmpty();
    assertThat(outbox.cancel("reminder:", "7-1203", "console:a")).isEqualTo(1);
    assertThat(outbox.cancel("reminder:", "1", "console:alice")).isEqualTo(1);
    assertThat(outbox.find("promoted:1:console:alice:3")).isPresent();
  }

  private static Optional<Premise> premise(Outbox outbox, String key) {
    return outbox.find(key).orElseThrow().message().premise();
  }

  private void answer(String ref, String memberKey) throws SQLException {
    String[] parts = memberKey.split(":", 2);
    execute(
        url,
        "INSERT INTO rsvps (community_id, event_id, occurrence_ref, member_key, platform,"
            + " member_id, display_name, language, status, guests, queue_position, updated_ms)"
            + " VALUES (1, "
            + ref.split("-")[0]
            + ", '"
            + ref
            + "', '"
            + memberKey
            + "', '"
            + parts[0].toUpperCase(Locale.ROOT)
            + "', '"
            + parts[1]
            + "', 'x', 'EN', 'GOING', 0, 0, 0)");
  }

  private void legacy(String key, String status) throws SQLException {
    String reply = ReplyCodec.toJson(Reply.text(Locale.ENGLISH, "Reminder"));
    execute(
        url,
        "INSERT INTO outbox (delivery_key, platform, target_kind, target_id, display_name,"
            + " reply_json, status, not_before_ms, expires_ms, attempts, created_ms, updated_ms)"
            + " VALUES ('"
            + key
            + "', 'CONSOLE', 'MEMBER', 'alice', 'Alice', '"
            + reply.replace("'", "''")
            + "', '"
            + status
            + "', 0, "
            + START.toEpochMilli()
            + ", 0, 0, 0)");
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
