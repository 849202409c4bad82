package org.networkeras.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.store.TestDatabases;
import org.networkeras.telegram.FakeBotApi;

/**
 * Two launchers, each in a JVM of its own, on one PostgreSQL schema and one bot token, against a
 * Bot API stand-in that keeps updates until a poll confirms them (as Telegram does): one polls, the
 * other stands by; when the poller is killed (SIGKILL, no goodbye), the other takes the poller
 * lease over once it expires and answers every update sent meanwhile, each once. Skipped, saying
 * so, without {@value TestDatabases#POSTGRES_URL_VARIABLE}.
 */
final class TwoInstancesOnOnePostgresqlTest {

  /** Start-up of a launcher on a busy machine, then a lease expiry (10 s) and more: generous. */
  private static final Duration GENEROUS = Duration.ofSeconds(90);

  @TempDir Path tempDir;
  private final List<Process> launchers = new ArrayList<>();
  private FakeBotApi botApi;
  private String serverUrl;
  private String schema;

  @BeforeEach
  void startBotApiAndSchema() throws Exception {
    Assumptions.assumeTrue(TestDatabases.postgresConfigured(), TestDatabases.POSTGRES_SKIPPED);
    serverUrl = System.getenv(TestDatabases.POSTGRES_URL_VARIABLE);
    schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    execute("CREATE SCHEMA " + schema);
    botApi = new FakeBotApi(200);
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (Process launcher : launchers) {
      launcher.destroyForcibly().waitFor();
    }
    if (botApi != null) {
      botApi.close();
    }
    if (schema != null) {
      execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void theOtherInstanceTakesTelegramPollingOverWhenThePollerIsKilled() throws Exception {
    // given two instances, the first one polling, the second standing by
    Process first = launch("first");
    eventually("the first instance polls", () -> pollerPid().isPresent());
    Process second = launch("second");
    eventually(
        "the second instance started",
        () -> log("second").stream().anyMatch(line -> line.contains("Telegram adapter started")));
    for (int id = 1; id <= 5; id++) {
      botApi.send(id, whenCommand(id));
    }
    eventually("every update answered", () -> answeredAll(1, 5));
    // the batch is confirmed: its handling, with the ledger's record of it, has finished
    eventually("the first batch confirmed", () -> botApi.highestOffsetAsked() > 5);
    assertThat(pollerPid()).contains(first.pid());

    // when the poller is killed between batches, and more updates come before anyone polls again
    first.destroyForcibly().waitFor();
    for (int id = 6; id <= 12; id++) {
      botApi.send(id, whenCommand(id));
    }

    // then the second takes over from the persisted position: nothing lost, nothing repeated
    eventually("every update answered", () -> answeredAll(1, 12));
    for (int id = 1; id <= 12; id++) {
      assertThat(botApi.textsSentTo(chatOf(id))).as("answers to update %d", id).hasSize(1);
    }
    assertThat(pollerPid()).contains(second.pid());
    assertThat(botApi.mostPollsAtOnce()).as("two instances polled at once").isEqualTo(1);
    assertThat(log("second"))
        .anyMatch(line -> line.contains("now holds the lease telegram-poller:"));
  }

  private Process launch(String name) throws Exception {
    Path data = tempDir.resolve(name);
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--data",
                data.toString())
            .directory(tempDir.toFile())
            .redirectOutput(tempDir.resolve(name + ".out").toFile())
            .redirectError(tempDir.resolve(name + ".err").toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(Config.VARIABLES::containsKey);
    environment.put("NETWORKERAS_DB_URL", schemaUrl());
    environment.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
    environment.put("TELEGRAM_API_URL", botApi.url().toString());
    Process launcher = builder.start();
    launchers.add(launcher);
    return launcher;
  }

  /** What the launcher printed so far, output and errors (where its log goes). */
  private List<String> log(String name) {
    List<String> lines = new ArrayList<>();
    for (String stream : List.of(".err", ".out")) {
      try {
        // decoded leniently: a line cut short while the launcher writes it must not fail the read
        new String(Files.readAllBytes(tempDir.resolve(name + stream)), StandardCharsets.UTF_8)
            .lines()
            .forEach(lines::add);
      } catch (java.io.IOException e) {
        // not written yet
      }
    }
    return lines;
  }

  /** The process id of the instance holding the poller lease (holders start with "pid@host"). */
  private Optional<Long> pollerPid() {
    try (Connection connection = DriverManager.getConnection(schemaUrl());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT holder FROM leases WHERE lease_name LIKE 'telegram-poller:%'"
                    + " AND expires_ms > "
                    + System.currentTimeMillis())) {
      return rows.next()
          ? Optional.of(Long.parseLong(rows.getString(1).split("@", 2)[0]))
          : Optional.empty();
    } catch (SQLException e) {
      return Optional.empty(); // the table does not exist before the first migration
    }
  }

  private boolean answeredAll(int first, int last) {
    for (int id = first; id <= last; id++) {
      if (botApi.textsSentTo(chatOf(id)).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static long chatOf(int updateId) {
    return 700_000L + updateId;
  }

  /** {@code /when tomorrow 8pm} in a private chat of its own: the answer names the chat. */
  private static String whenCommand(int id) {
    return """
        {"update_id":%d,"message":{"message_id":%d,\
        "from":{"id":%d,"is_bot":false,"first_name":"Member","language_code":"en"},\
        "chat":{"id":%d,"first_name":"Member","type":"private"},"date":1795683600,\
        "text":"/when tomorrow 8pm","entities":[{"offset":0,"length":5,"type":"bot_command"}]}}"""
        .formatted(id, 5000 + id, chatOf(id), chatOf(id));
  }

  private String schemaUrl() {
    return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private void eventually(String what, BooleanSupplier condition) {
    try {
      Awaitility.await(what)
          .atMost(GENEROUS)
          .pollInterval(Duration.ofMillis(50))
          .until(condition::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "still waiting for: %s%nfirst's log:%n%s%nsecond's log:%n%s"
              .formatted(what, String.join("\n", log("first")), String.join("\n", log("second"))),
          e);
    }
  }
}
