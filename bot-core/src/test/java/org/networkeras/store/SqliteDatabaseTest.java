package org.networkeras.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the embedded SQLite database: its file, its settings, its writers. */
final class SqliteDatabaseTest {

  @TempDir Path tempDir;

  @Test
  void sqliteUrlNamesAFileInTheDataFolderAndCreatesTheFolder() {
    // given
    Path dataDir = tempDir.resolve("var").resolve("networkeras");

    // when
    String url = Database.sqliteUrl(dataDir);

    // then
    assertThat(dataDir).isDirectory();
    assertThat(url).isEqualTo("jdbc:sqlite:" + dataDir.resolve("networkeras.db").toAbsolutePath());
  }

  @Test
  void opensTheFileInWalModeWithForeignKeysAndABusyTimeout() {
    // given
    try (Database database = TestDatabases.sqlite(tempDir)) {

      // when
      String journal = pragma(database, "journal_mode");
      String foreignKeys = pragma(database, "foreign_keys");
      String busyTimeout = pragma(database, "busy_timeout");
      String synchronous = pragma(database, "synchronous");

      // then
      assertThat(journal).isEqualToIgnoringCase("wal");
      assertThat(foreignKeys).isEqualTo("1");
      assertThat(busyTimeout).isEqualTo(String.valueOf(Database.SQLITE_BUSY_TIMEOUT_MS));
      assertThat(synchronous).isEqualTo("1"); // NORMAL
      assertThat(database.isPostgres()).isFalse();
    }
    assertThat(tempDir.resolve("networkeras.db")).isRegularFile();
  }

  @Test
  void keepsItsDataWhenReopened() {
    // given
    try (Database database = TestDatabases.sqlite(tempDir)) {
      database.state().put("telegram:offset", "99");
    }

    // when
    try (Database reopened = TestDatabases.sqlite(tempDir)) {

      // then
      assertThat(reopened.state().get("telegram:offset")).contains("99");
    }
  }

  @Test
  void concurrentWritersWaitForEachOtherInsteadOfFailing() throws Exception {
    // given more writers than pooled connections, all starting at once
    int writers = 8;
    int writesEach = 40;
    try (Database database = TestDatabases.sqlite(tempDir)) {
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          int writer = w;
          done.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 0; i < writesEach; i++) {
                      // a read then a write in one transaction: the lock-upgrade case
                      database.useTransaction(
                          "count and write",
                          handle -> {
                            long count =
                                handle
                                    .createQuery("SELECT COUNT(*) FROM state_entries")
                                    .mapTo(Long.class)
                                    .one();
                            handle
                                .createUpdate(
                                    "INSERT INTO state_entries (state_key, state_value)"
                                        + " VALUES (:key, :value)")
                                .bind("key", writer + ":" + count)
                                .bind("value", "x")
                                .execute();
                          });
                    }
                    return null;
                  }));
        }

        // when
        start.countDown();
        for (Future<?> writer : done) {
          writer.get(2, TimeUnit.MINUTES);
        }

        // then
        long rows =
            database.withHandle(
                "count",
                handle ->
                    handle
                        .createQuery("SELECT COUNT(*) FROM state_entries")
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isEqualTo((long) writers * writesEach);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void refusesAUrlOfAnotherKindOfDatabase() {
    // given
    String url = "jdbc:mysql://127.0.0.1/networkeras";

    // when / then
    assertThatThrownBy(() -> Database.open(url)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsAnUnreachableServerAsAStoreException() {
    // given a port nothing listens on
    String url = "jdbc:postgresql://127.0.0.1:1/networkeras?user=nobody&password=secret";

    // when / then
    assertThatThrownBy(() -> Database.open(url))
        .isInstanceOf(StoreException.class)
        .hasMessage("Could not connect to the PostgreSQL database");
  }

  @Test
  void reportsAnUnusableDataFolderAsAStoreException() throws Exception {
    // given a file where the folder should be
    Path notAFolder = Files.writeString(tempDir.resolve("occupied"), "x");

    // when / then
    assertThatThrownBy(() -> Database.sqliteUrl(notAFolder.resolve("data")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("data folder");
  }

  private static String pragma(Database database, String name) {
    return database.withHandle(
        "read " + name, handle -> handle.createQuery("PRAGMA " + name).mapTo(String.class).one());
  }
}
