package org.networkeras.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class DatabaseTest {

  @TempDir Path tempDir;

  private final TestDatabases.Backend backend;
  private Database database;

  DatabaseTest(TestDatabases.Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void openDatabase() {
    database = backend.open(tempDir);
  }

  @AfterEach
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void knowsWhichKindOfDatabaseItIs() {
    // given an open database
    // when
    boolean postgres = database.isPostgres();

    // then
    assertThat(postgres).isEqualTo(backend == TestDatabases.Backend.POSTGRES);
  }

  @Test
  void appliesEveryMigrationWhenOpened() {
    // given an open database
    // when
    List<String> applied =
        database.withHandle(
            "read the migration history",
            handle ->
                handle
                    .createQuery(
                        "SELECT description FROM flyway_schema_history"
                            + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")
                    .mapTo(String.class)
                    .list());

    // then
    assertThat(applied)
        .containsExactly(
            "communities",
            "events",
            "state",
            "community settings",
            "moderation log",
            "community links",
            "outbox",
            "scheduled tasks",
            "rsvps",
            "event capacity",
            "member preferences",
            "subscriptions",
            "subscription digests",
            "agenda",
            "starting soon",
            "settings lists as rows",
            "platform usernames",
            "event admission",
            "outbox premises",
            "suggestion family optional",
            "leases",
            "series exceptions",
            "outbox due order",
            "calendar feeds",
            "public pages",
            "discord scheduled events",
            "identify budget",
            "imported feeds");
  }

  @Test
  void reportsAFailedStatementAsAStoreExceptionSayingWhatFailed() {
    // given an open database
    // when / then
    assertThatThrownBy(
            () ->
                database.withHandle(
                    "count the moons",
                    handle ->
                        handle.createQuery("SELECT COUNT(*) FROM moons").mapTo(Long.class).one()))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("Could not count the moons");
  }

  @Test
  void rollsATransactionBackWhenItsWorkFails() {
    // given
    RuntimeException broken = new IllegalStateException("broken");

    // when
    assertThatThrownBy(
            () ->
                database.useTransaction(
                    "write then fail",
                    handle -> {
                      handle.execute(
                          "INSERT INTO state_entries (state_key, state_value) VALUES ('k', 'v')");
                      throw broken;
                    }))
        .isSameAs(broken);

    // then
    assertThat(database.state().get("k")).isEmpty();
  }

  @Test
  void commitsATransactionWhenItsWorkReturns() {
    // given an open database
    // when
    database.useTransaction(
        "write twice",
        handle -> {
          handle.execute("INSERT INTO state_entries (state_key, state_value) VALUES ('a', '1')");
          handle.execute("INSERT INTO state_entries (state_key, state_value) VALUES ('b', '2')");
        });

    // then
    assertThat(database.state().get("a")).contains("1");
    assertThat(database.state().get("b")).contains("2");
  }

  @Test
  void handsOutAWorkingDataSource() throws Exception {
    // given an open database
    // when
    try (var connection = database.dataSource().getConnection();
        var statement = connection.createStatement();
        var result = statement.executeQuery("SELECT COUNT(*) FROM events")) {

      // then
      assertThat(result.next()).isTrue();
      assertThat(result.getLong(1)).isZero();
    }
  }

  @Test
  void nestedWorkJoinsTheTransactionOpenOnItsThread() {
    // given an open database
    // when the nested work's own transaction is part of the outer one, which fails after it
    assertThatThrownBy(
            () ->
                database.useTransaction(
                    "outer",
                    outer -> {
                      database.useTransaction(
                          "inner",
                          inner ->
                              inner.execute(
                                  "INSERT INTO state_entries (state_key, state_value)"
                                      + " VALUES ('a', '1')"));
                      database.useHandle(
                          "nested handle",
                          handle ->
                              handle.execute(
                                  "INSERT INTO state_entries (state_key, state_value)"
                                      + " VALUES ('b', '2')"));
                      throw new IllegalStateException("the outer work fails");
                    }))
        .hasMessage("the outer work fails");

    // then
    assertThat(database.state().get("a")).isEmpty();
    assertThat(database.state().get("b")).isEmpty();
  }

  @Test
  void runsWorkAfterTheCommitNeverAfterARollbackAndAtOnceOutsideATransaction() {
    // given
    List<String> ran = new java.util.ArrayList<>();

    // when
    database.useTransaction(
        "committed",
        handle -> {
          database.afterCommit(() -> ran.add("after the commit"));
          ran.add("in the transaction");
        });
    assertThatThrownBy(
            () ->
                database.useTransaction(
                    "rolled back",
                    handle -> {
                      database.afterCommit(() -> ran.add("after a rollback"));
                      throw new IllegalStateException("rolled back");
                    }))
        .isInstanceOf(IllegalStateException.class);
    database.afterCommit(() -> ran.add("without a transaction"));

    // then
    assertThat(ran)
        .containsExactly("in the transaction", "after the commit", "without a transaction");
  }
}
