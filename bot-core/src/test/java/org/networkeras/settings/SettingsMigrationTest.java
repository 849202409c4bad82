package org.networkeras.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Conversation;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/**
 * The migration that makes moderators, admins and announcement conversations rows keeps what a
 * database written by the previous version held in its newline-joined columns.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class SettingsMigrationTest {

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
  void movesModeratorsAdminsAndAnnouncementsIntoRowsKeepingEveryOne() throws SQLException {
    // given a database as version 15 left it
    Database.migrations(backend == TestDatabases.Backend.POSTGRES)
        .dataSource(url, null, null)
        .target("15")
        .load()
        .migrate();
    execute(
        url,
        "INSERT INTO communities (id, name, zone, language, default_city, created_ms)"
            + " VALUES (1, 'Paris Tech', 'Europe/Paris', NULL, NULL, 0),"
            + " (2, 'Lille', 'Europe/Paris', NULL, NULL, 0)");
    execute(
        url,
        "INSERT INTO community_settings (community_id, mode, announce_to, moderators_chat,"
            + " moderators, admins, reminder_offsets) VALUES"
            + " (1, 'open', 'console|paris|paris\ntelegram|-1001|-1001', 'console|paris|paris',"
            + " 'console:bob\ntelegram:42\ndiscord:123456789012345678', 'discord:7', 'PT3H'),"
            + " (2, 'moderated', '', NULL, '', '', 'P1D\nPT2H')");

    // when the bot starts on it
    database = Database.open(url);

    // then
    SettingsRepository repository = new SettingsRepository(database);
    CommunitySettings paris = repository.settings(1);
    assertThat(paris.moderators())
        .containsExactlyInAnyOrder("console:bob", "telegram:42", "discord:123456789012345678");
    assertThat(paris.admins()).containsExactly("discord:7");
    assertThat(paris.announceTo())
        .extracting(Conversation::key)
        .containsExactlyInAnyOrder("console:paris", "telegram:-1001");
    assertThat(paris.moderatorsChat().key()).isEqualTo("console:paris");
    assertThat(paris.mode()).isEqualTo(CommunitySettings.Mode.OPEN);
    assertThat(paris.reminderOffsets()).containsExactly(Duration.ofHours(3));
    CommunitySettings lille = repository.settings(2);
    assertThat(lille.moderators()).isEmpty();
    assertThat(lille.admins()).isEmpty();
    assertThat(lille.announceTo()).isEmpty();
    assertThat(lille.reminderOffsets()).containsExactly(Duration.ofDays(1), Duration.ofHours(2));
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
