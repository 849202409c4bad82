package org.networkeras.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Makes the N-th SQL statement run through a database's JDBI fail, as a database that breaks in the
 * middle of a change would: for proving that a change and the messages it causes are stored both or
 * neither. Counts statements from {@link #failOn}; off until then.
 */
public final class FailingStatements implements StatementCustomizer {

  private final AtomicInteger countdown = new AtomicInteger(-1);
  private volatile boolean triggered;

  private FailingStatements() {}

  /** Installs the failure injection on {@code database}, off for now. */
  public static FailingStatements on(Database database) {
    FailingStatements failing = new FailingStatements();
    database.jdbi().addCustomizer(failing);
    return failing;
  }

  /** From now on, the {@code n}-th statement (1 for the next one) fails, and that one only. */
  public void failOn(int n) {
    triggered = false;
    countdown.set(n);
  }

  /** Stops failing; says whether a statement failed since {@link #failOn}. */
  public boolean off() {
    countdown.set(-1);
    return triggered;
  }

  @Override
  public void beforeExecution(PreparedStatement statement, StatementContext context)
      throws SQLException {
    if (countdown.get() > 0 && countdown.decrementAndGet() == 0) {
      triggered = true;
      throw new SQLException("injected failure of the statement " + context.getRawSql());
    }
  }
}
