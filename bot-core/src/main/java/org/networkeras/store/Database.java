package org.networkeras.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.networkeras.catalog.EventRepository;
import org.networkeras.catalog.JdbiEventRepository;
import org.networkeras.chat.StateStore;
import org.networkeras.cluster.CacheEvents;
import org.networkeras.community.CommunityRepository;
import org.networkeras.community.JdbiCommunityRepository;
import org.sqlite.SQLiteConfig;

/**
 * The bot's database: a connection pool, the schema (migrated by Flyway when opened), a {@link
 * Jdbi} and the repositories built on it. Thread-safe; close it when the bot stops.
 *
 * <p><b>SQLite</b> (the default, one file) runs in WAL mode with {@code synchronous=NORMAL}: a
 * transaction is durable once its commit returns, even if the process is killed right after; only
 * losing power or the operating system may undo the last few commits (the file stays consistent).
 * Connections wait up to {@value #SQLITE_BUSY_TIMEOUT_MS} ms for the write lock instead of failing
 * with {@code SQLITE_BUSY}, and transactions take that lock when they begin ({@code BEGIN
 * IMMEDIATE}), so two writers never deadlock on a lock upgrade. Foreign keys are enforced.
 *
 * <p><b>PostgreSQL</b> is used when the URL is a {@code jdbc:postgresql:} one; the same migrations
 * and SQL serve both. Migrations live in {@code db/migration} ({@code V<n>__<what it adds>.sql});
 * the one dialect difference so far, an auto-generated {@code BIGINT} primary key, is written as
 * the Flyway placeholder {@code ${id_column}}, and the function that finds a text in another,
 * {@code ${position_of}(text, what)} ({@code instr} on SQLite, {@code strpos} on PostgreSQL).
 * Flyway scans that folder recursively, so a dialect-specific migration, if one is ever needed,
 * needs a location of its own.
 *
 * <p>Instants are stored as epoch milliseconds: repositories return them truncated to the
 * millisecond.
 */
public final class Database implements AutoCloseable {

  static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
  private static final int SQLITE_POOL_SIZE = 4;
  private static final int POSTGRES_POOL_SIZE = 8;
  private static final String SQLITE_PREFIX = "jdbc:sqlite:";
  private static final String POSTGRES_PREFIX = "jdbc:postgresql:";

  private final HikariDataSource dataSource;
  private final boolean postgres;
  private final Jdbi jdbi;
  private final Runnable afterClose;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final EventRepository events;
  private final CommunityRepository communities;
  private final StateStore state;
  private CacheEvents cacheEvents;

  private Database(HikariDataSource dataSource, boolean postgres, Runnable afterClose) {
    this.dataSource = dataSource;
    this.postgres = postgres;
    this.afterClose = afterClose;
    this.jdbi = Jdbi.create(dataSource);
    this.events = new JdbiEventRepository(this);
    this.communities = new JdbiCommunityRepository(this);
    this.state = new JdbiStateStore(this);
  }

  /**
   * Opens the database a JDBC URL names ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}) and
   * brings its schema up to date.
   *
   * @throws IllegalArgumentException if the URL names another kind of database
   * @throws StoreException if it cannot be reached or migrated
   */
  public static Database open(String jdbcUrl) {
    return open(jdbcUrl, () -> {});
  }

  /** As {@link #open(String)}, running {@code afterClose} once the pool is closed (tests). */
  static Database open(String jdbcUrl, Runnable afterClose) {
    boolean postgres = isPostgresUrl(jdbcUrl);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(poolConfig(jdbcUrl, postgres));
    } catch (RuntimeException e) {
      // The URL may hold a password: the message names the kind of database only.
      throw new StoreException(
          "Could not connect to the " + (postgres ? "PostgreSQL" : "SQLite") + " database", e);
    }
    try {
      migrate(pool, postgres);
      return new Database(pool, postgres, afterClose);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * Opens the SQLite file {@code networkeras.db} in {@code dataDir}, creating the folder and the
   * file if needed, after checking that the bot can use them: an empty file, a damaged one, a
   * read-only file or folder and a folder that cannot be created are refused, never replaced.
   *
   * @throws StoreException whose message is one line naming the file or folder and the cause
   */
  public static Database openSqlite(Path dataDir) {
    Path file = SqliteFile.check(dataDir);
    try {
      return open(SQLITE_PREFIX + file);
    } catch (StoreException e) {
      String explained = SqliteFile.explain(file, e);
      throw explained == null ? e : new StoreException(explained, e);
    }
  }

  /**
   * The URL of the SQLite file {@code networkeras.db} in {@code dataDir}, creating the folder if
   * needed.
   *
   * @throws StoreException if the folder cannot be created
   */
  public static String sqliteUrl(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException("Could not create the data folder " + dataDir, e);
    }
    return SQLITE_PREFIX + dataDir.resolve(SqliteFile.NAME).toAbsolutePath();
  }

  /** The JDBI all repositories use; prefer {@link #withHandle} and friends, which wrap failures. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** The pooled data source (for libraries that take one, such as a scheduler). */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Whether this is PostgreSQL (otherwise SQLite). */
  public boolean isPostgres() {
    return postgres;
  }

  /** The event catalog. */
  public EventRepository events() {
    return events;
  }

  /** Communities, their groups and members. */
  public CommunityRepository communities() {
    return communities;
  }

  /** The adapters' key-value store. */
  public StateStore state() {
    return state;
  }

  /**
   * How the instances sharing this database tell each other to forget cached copies (PostgreSQL
   * {@code LISTEN/NOTIFY}; within the process on SQLite): started on first use, stopped when the
   * database is closed.
   */
  public synchronized CacheEvents cacheEvents() {
    if (closed.get()) {
      throw new IllegalStateException("the database is closed");
    }
    if (cacheEvents == null) {
      cacheEvents = CacheEvents.of(this);
    }
    return cacheEvents;
  }

  /**
   * A connection of its own, outside the pool, for a session that stays open (PostgreSQL {@code
   * LISTEN}); the caller closes it.
   */
  public Connection dedicatedConnection() throws SQLException {
    return DriverManager.getConnection(dataSource.getJdbcUrl());
  }

  /**
   * Runs {@code work} on a pooled handle (each statement commits on its own).
   *
   * @param what what is being done, for the failure's message ({@code "find event 42"})
   * @throws StoreException if the database fails
   */
  public <R> R withHandle(String what, HandleCallback<R, RuntimeException> work) {
    try {
      return jdbi.withHandle(work);
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  /** As {@link #withHandle}, for work that returns nothing. */
  public void useHandle(String what, HandleConsumer<RuntimeException> work) {
    try {
      jdbi.useHandle(work);
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  /**
   * Runs {@code work} in one transaction, committed when it returns and rolled back if it throws.
   *
   * @param what what is being done, for the failure's message
   * @throws StoreException if the database fails
   */
  public <R> R inTransaction(String what, HandleCallback<R, RuntimeException> work) {
    try {
      return jdbi.inTransaction(work);
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  /** As {@link #inTransaction}, for work that returns nothing. */
  public void useTransaction(String what, HandleConsumer<RuntimeException> work) {
    try {
      jdbi.useTransaction(work);
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  /**
   * Runs {@code action} once the transaction open on the calling thread commits, and never if it
   * rolls back; at once when no transaction is open. For work that must not happen before the
   * change it follows is stored (sending what the change enqueued).
   *
   * @throws StoreException if the database fails
   */
  public void afterCommit(Runnable action) {
    Objects.requireNonNull(action, "action");
    boolean later =
        withHandle(
            "wait for the commit",
            handle -> {
              if (!handle.isInTransaction()) {
                return false;
              }
              handle.afterCommit(action);
              return true;
            });
    if (!later) {
      action.run();
    }
  }

  /** Closes the pool; the repositories must not be used afterwards. Closing twice does nothing. */
  @Override
  public void close() {
    CacheEvents events;
    synchronized (this) {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      events = cacheEvents;
    }
    try {
      if (events != null) {
        events.close();
      }
      dataSource.close();
    } finally {
      afterClose.run();
    }
  }

  private static StoreException failure(String what, JdbiException cause) {
    return new StoreException("Could not " + what + ": " + cause.getMessage(), cause);
  }

  private static boolean isPostgresUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith(POSTGRES_PREFIX)) {
      return true;
    }
    if (jdbcUrl.startsWith(SQLITE_PREFIX)) {
      return false;
    }
    throw new IllegalArgumentException(
        "Only SQLite (jdbc:sqlite:) and PostgreSQL (jdbc:postgresql:) are supported");
  }

  private static HikariConfig poolConfig(String jdbcUrl, boolean postgres) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (postgres) {
      config.setPoolName("networkeras-postgresql");
      config.setMaximumPoolSize(POSTGRES_POOL_SIZE);
    } else {
      // WAL lets readers share the file; writes serialize on SQLite's lock anyway.
      config.setPoolName("networkeras-sqlite");
      config.setMaximumPoolSize(SQLITE_POOL_SIZE);
      config.setDataSourceProperties(sqliteSettings().toProperties());
    }
    return config;
  }

  private static SQLiteConfig sqliteSettings() {
    SQLiteConfig settings = new SQLiteConfig();
    settings.setJournalMode(SQLiteConfig.JournalMode.WAL);
    settings.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    settings.enforceForeignKeys(true);
    settings.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    settings.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    return settings;
  }

  private static void migrate(DataSource dataSource, boolean postgres) {
    try {
      migrations(postgres).dataSource(dataSource).load().migrate();
    } catch (FlywayException e) {
      throw new StoreException("Could not migrate the database schema: " + e.getMessage(), e);
    }
  }

  /**
   * The schema's migrations as Flyway reads them for one dialect (their folder and placeholders),
   * for tests that stop at an earlier version: give it a data source and a target.
   */
  public static FluentConfiguration migrations(boolean postgres) {
    String idColumn =
        postgres
            ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
            : "INTEGER PRIMARY KEY AUTOINCREMENT";
    return Flyway.configure()
        .locations("classpath:db/migration")
        .placeholders(Map.of("id_column", idColumn, "position_of", postgres ? "strpos" : "instr"));
  }
}
