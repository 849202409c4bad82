package org.networkeras.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: a SQLite file in a temporary folder, and a fresh PostgreSQL schema when
 * {@value #POSTGRES_URL_VARIABLE} names a server.
 *
 * <p>To run a test class against both, parameterize it by {@link Backend}:
 *
 * <pre>{@code
 * @ParameterizedClass
 * @EnumSource(TestDatabases.Backend.class)
 * final class MyRepositoryTest {
 *   @TempDir Path tempDir;
 *   private final TestDatabases.Backend backend;
 *   private Database database;
 *
 *   MyRepositoryTest(TestDatabases.Backend backend) { this.backend = backend; }
 *
 *   @BeforeEach void openDatabase() { database = backend.open(tempDir); }
 *   @AfterEach void closeDatabase() { if (database != null) database.close(); }
 * }
 * }</pre>
 *
 * The PostgreSQL variant is skipped, with a message saying why, when the variable is not set.
 */
public final class TestDatabases {

  /** The environment variable holding a PostgreSQL JDBC URL for tests. */
  public static final String POSTGRES_URL_VARIABLE = "NETWORKERAS_TEST_PG_URL";

  public static final String POSTGRES_SKIPPED =
      POSTGRES_URL_VARIABLE + " not set: PostgreSQL tests skipped";

  private TestDatabases() {}

  /** A new, migrated SQLite database in {@code tempDir}. */
  public static Database sqlite(Path tempDir) {
    return Database.open(Database.sqliteUrl(tempDir));
  }

  /**
   * A new, migrated PostgreSQL database in a schema of its own, dropped when the database is
   * closed, or empty when {@value #POSTGRES_URL_VARIABLE} is not set. Calls never share a schema,
   * so parallel and repeated runs do not collide.
   */
  public static Optional<Database> postgres() {
    return postgresInstances(1).map(databases -> databases.get(0));
  }

  /**
   * {@code count} databases opened on one new PostgreSQL schema, as that many instances of the bot
   * open it, or empty when {@value #POSTGRES_URL_VARIABLE} is not set. The schema is dropped when
   * the last of them is closed.
   */
  public static Optional<List<Database>> postgresInstances(int count) {
    String serverUrl = System.getenv(POSTGRES_URL_VARIABLE);
    if (serverUrl == null || serverUrl.isBlank()) {
      return Optional.empty();
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    execute(serverUrl, "CREATE SCHEMA " + schema);
    String schemaUrl =
        serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    AtomicInteger open = new AtomicInteger(count);
    Runnable dropAfterLast =
        () -> {
          if (open.decrementAndGet() == 0) {
            execute(serverUrl, "DROP SCHEMA " + schema + " CASCADE");
          }
        };
    List<Database> databases = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        databases.add(Database.open(schemaUrl, dropAfterLast));
      }
      return Optional.of(databases);
    } catch (RuntimeException e) {
      databases.forEach(Database::close);
      execute(serverUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      throw e;
    }
  }

  /** Whether {@value #POSTGRES_URL_VARIABLE} is set. */
  public static boolean postgresConfigured() {
    String serverUrl = System.getenv(POSTGRES_URL_VARIABLE);
    return serverUrl != null && !serverUrl.isBlank();
  }

  /** The databases a repository test runs against. */
  public enum Backend {
    SQLITE,
    POSTGRES;

    /**
     * A new, migrated database of this kind; for {@link #POSTGRES} without a configured server,
     * aborts the calling test (reported as skipped, with the reason).
     */
    public Database open(Path tempDir) {
      if (this == SQLITE) {
        return sqlite(tempDir);
      }
      Assumptions.assumeTrue(postgresConfigured(), POSTGRES_SKIPPED);
      return postgres().orElseThrow();
    }
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new StoreException("Could not run '" + sql + "' for a test database", e);
    }
  }
}
