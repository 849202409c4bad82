package org.networkeras.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.catalog.Admission;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Slot;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/**
 * The migration that lets a suggestion wait for its family keeps every stored event's family and
 * accepts a pending one without.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class FamilyOptionalMigrationTest {

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
  void keepsTheFamilyOfEveryStoredEventAndAcceptsASuggestionWithout() throws SQLException {
    // given a database as version 19 left it, with a listed event
    Database.migrations(backend == TestDatabases.Backend.POSTGRES)
        .dataSource(url, null, null)
        .target("19")
        .load()
        .migrate();
    execute(
        url,
        "INSERT INTO communities (id, name, zone, language, default_city, created_ms)"
            + " VALUES (1, 'Paris Tech', 'Europe/Paris', NULL, NULL, 0)");
    execute(
        url,
        "INSERT INTO events (id, community_id, title, family, slot, start_ms, end_ms, tags, free,"
            + " status, source, created_ms, updated_ms) VALUES (7, 1, 'Apéro blogueurs',"
            + " 'bloggers', 'evening', 1000, 2000, '', TRUE, 'published', 'suggestion', 0, 0)");

    // when the bot starts on it and a suggestion without family is filed
    database = Database.open(url);
    Event pending =
        database
            .events()
            .insert(
                new Event(
                    0,
                    1,
                    "Rencontre mensuelle",
                    null,
                    Slot.EVENING,
                    "Paris",
                    null,
                    null,
                    Instant.ofEpochMilli(3000),
                    Instant.ofEpochMilli(4000),
                    null,
                    null,
                    null,
                    List.of(),
                    Admission.UNKNOWN,
                    EventStatus.SUGGESTED,
                    SuggestionRepository.SOURCE,
                    null,
                    "console:alice",
                    Instant.EPOCH,
                    Instant.EPOCH));

    // then
    assertThat(database.events().find(7).orElseThrow().family()).isEqualTo(Family.BLOGGERS);
    assertThat(database.events().find(pending.id()).orElseThrow().family()).isNull();
    SuggestionRepository suggestions = new SuggestionRepository(database);
    assertThat(suggestions.publish(pending.id(), Instant.EPOCH))
        .as("published without a family")
        .isFalse();
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
