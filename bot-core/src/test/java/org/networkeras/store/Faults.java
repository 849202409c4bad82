package org.networkeras.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * A fault injected into a {@link Database}: the N-th SQL statement the armed thread runs from now
 * fails, as if the database (or the process) failed right there, between the statements before it
 * and those after. Counts statements, and among them writes, to say how many boundaries a change
 * has. Statements on other threads are neither counted nor failed.
 */
public final class Faults implements StatementCustomizer {

  private volatile Thread armed;
  private int failAt;
  private int statements;
  private int writes;
  private boolean fired;

  private Faults() {}

  /** Installs a fault, disarmed, into every handle {@code database} opens from now on. */
  public static Faults install(Database database) {
    Faults faults = new Faults();
    database.jdbi().getConfig(SqlStatements.class).addCustomizer(faults);
    return faults;
  }

  /** Counts the statements the calling thread runs from now, failing none. */
  public void count() {
    failAt(0);
  }

  /**
   * Makes the {@code n}-th statement the calling thread runs from now fail with an {@link
   * SQLException} (0: none fails, the statements are counted only).
   */
  public void failAt(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("statements count from 1");
    }
    failAt = n;
    statements = 0;
    writes = 0;
    fired = false;
    armed = Thread.currentThread();
  }

  /** Stops counting and failing. */
  public void disarm() {
    armed = null;
  }

  /** Statements run since armed. */
  public int statements() {
    return statements;
  }

  /** Of those, writes (INSERT, UPDATE, DELETE), including the one that failed. */
  public int writes() {
    return writes;
  }

  /** Whether the fault fired since armed. */
  public boolean fired() {
    return fired;
  }

  @Override
  public void beforeExecution(PreparedStatement statement, StatementContext context)
      throws SQLException {
    if (!Objects.equals(armed, Thread.currentThread())) {
      return;
    }
    statements++;
    String sql = context.getRenderedSql().stripLeading().toUpperCase(Locale.ROOT);
    if (sql.startsWith("INSERT") || sql.startsWith("UPDATE") || sql.startsWith("DELETE")) {
      writes++;
    }
    if (statements == failAt) {
      fired = true;
      throw new SQLException("fault injected at statement " + failAt + ": " + sql);
    }
  }
}
