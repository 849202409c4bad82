package org.networkeras.web;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.networkeras.chat.ConnectionStatus;
import org.networkeras.store.Database;

/**
 * One thing the bot needs to be ready: the database, a platform's connection. {@link #check()} may
 * block briefly; {@link HealthRoutes} gives it {@link HealthRoutes#CHECK_TIMEOUT} and counts it
 * down past that. Implementations are thread-safe.
 */
public interface HealthCheck {

  /** The name shown in the readiness answer ({@code database}, {@code discord}). */
  String name();

  /** Checks now. May throw: that counts as down, with the exception's message. */
  Result check();

  /**
   * What a check found.
   *
   * @param up whether it is fine
   * @param detail a short reason for operators; never a token or a password
   */
  record Result(boolean up, String detail) {
    public Result {
      Objects.requireNonNull(detail, "detail");
    }

    public static Result up(String detail) {
      return new Result(true, detail);
    }

    public static Result down(String detail) {
      return new Result(false, detail);
    }
  }

  /** A check named {@code name} that runs {@code check}. */
  static HealthCheck of(String name, Supplier<Result> check) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(check, "check");
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Result check() {
        return check.get();
      }
    };
  }

  /**
   * The database answers a short query ({@code SELECT 1}) through the bot's pool within {@code
   * timeout}.
   */
  static HealthCheck database(Database database, Duration timeout) {
    Objects.requireNonNull(database, "database");
    int seconds = (int) Math.max(1, timeout.toSeconds());
    return of(
        "database",
        () -> {
          long started = System.nanoTime();
          try (var connection = database.dataSource().getConnection();
              var statement = connection.createStatement()) {
            statement.setQueryTimeout(seconds);
            statement.execute("SELECT 1");
          } catch (java.sql.SQLException | RuntimeException e) {
            return Result.down(HealthRoutes.describe(e));
          }
          long millis = (System.nanoTime() - started) / 1_000_000;
          return Result.up(
              (database.isPostgres() ? "PostgreSQL" : "SQLite") + " answered in " + millis + " ms");
        });
  }

  /** A platform adapter is connected, as its status says. */
  static HealthCheck platform(String name, Supplier<ConnectionStatus> status) {
    Objects.requireNonNull(status, "status");
    return of(
        name,
        () -> {
          ConnectionStatus now = status.get();
          return new Result(now.connected(), now.detail());
        });
  }
}
