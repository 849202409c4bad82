package org.networkeras.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.store.Database;

/**
 * Upgrading a catalog stored before admission was known: samples keep what they said, and member
 * suggestions, stored as paid because nobody asked, become unknown.
 */
final class AdmissionMigrationTest {

  @TempDir Path tempDir;

  @Test
  void samplesKeepFreeOrPaidAndSuggestionsStoredAsPaidBecomeUnknown() throws Exception {
    // given a database at the schema before admission, holding three events
    String url = Database.sqliteUrl(tempDir);
    Database.migrations(false).dataSource(url, null, null).target("17").load().migrate();
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement()) {
      sql.execute("INSERT INTO communities (id, name, zone, created_ms) VALUES (1, 'c', 'UTC', 0)");
      sql.execute(event(1, true, "sample"));
      sql.execute(event(2, false, "sample"));
      sql.execute(event(3, false, "suggestion"));
    }

    // when
    try (Database database = Database.open(url)) {
      // then
      assertThat(database.events().find(1).orElseThrow().admission()).isEqualTo(Admission.FREE);
      assertThat(database.events().find(2).orElseThrow().admission()).isEqualTo(Admission.PAID);
      assertThat(database.events().find(3).orElseThrow().admission()).isEqualTo(Admission.UNKNOWN);
    }
  }

  private static String event(long id, boolean free, String source) {
    return ("INSERT INTO events (id, community_id, title, family, slot, start_ms, end_ms, tags,"
            + " free, status, source, created_ms, updated_ms)"
            + " VALUES (%d, 1, 'Event %d', 'networking', 'evening', 1000, 2000, '', %d,"
            + " 'published', '%s', 0, 0)")
        .formatted(id, id, free ? 1 : 0, source);
  }
}
