package org.networkeras.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.networkeras.chat.Platform;
import org.networkeras.community.CommunityService;
import org.networkeras.store.Database;
import org.networkeras.telegram.FakeBotApi;
import picocli.CommandLine;

/**
 * The launcher in this JVM, as {@code networkeras run} starts it: what it refuses at start-up, with
 * one line and exit code 2, and what it never does to a production database.
 */
final class LauncherStartUpTest {

  @TempDir Path tempDir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void refusesAnEmptyDatabaseFileInsteadOfStartingAnew() throws IOException {
    // given
    Path data = Files.createDirectories(tempDir.resolve("data"));
    Path file = Files.createFile(data.resolve("networkeras.db"));

    // when
    int exit = launch(Map.of(), "--data", data.toString());

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("networkeras: The database file " + file.toAbsolutePath())
        .contains("empty (0 bytes)");
    assertThat(Files.size(file)).isZero();
  }

  @Test
  void namesTheFileAndSqliteCorruptForADamagedDatabase() throws IOException {
    // given
    Path data = tempDir.resolve("data");
    Database.openSqlite(data).close();
    Path file = data.resolve("networkeras.db");
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek(100);
      raw.write(new byte[3000]);
    }

    // when
    int exit = launch(Map.of(), "--data", data.toString());

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(errorLines())
        .singleElement()
        .asString()
        .contains(file.toAbsolutePath().toString())
        .contains("SQLITE_CORRUPT");
  }

  @Test
  void namesTheFileOfSomethingThatIsNotADatabase() throws IOException {
    // given
    Path data = Files.createDirectories(tempDir.resolve("data"));
    Files.writeString(data.resolve("networkeras.db"), "not a database");

    // when
    int exit = launch(Map.of(), "--data", data.toString());

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(errorLines()).singleElement().asString().contains("SQLITE_NOTADB");
  }

  @Test
  void explainsADataFolderThatCannotBeCreated() throws IOException {
    // given
    Path inTheWay = Files.writeString(tempDir.resolve("data"), "a file");

    // when
    int exit = launch(Map.of(), "--data", inTheWay.resolve("bot").toString());

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("networkeras: Cannot create the data folder " + inTheWay.resolve("bot"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1999-12-31T23:00", "2101-01-01T00:00", "+999999999-01-01T00:00"})
  void refusesANowOutsideTheYears2000To2100(String now) {
    // when
    int exit = launch(Map.of(), "--data", tempDir.toString(), "--now", now);

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("networkeras: --now must fall in the years 2000 to 2100");
    assertThat(tempDir.resolve("networkeras.db")).doesNotExist();
  }

  @Test
  void withAPlatformTokenLeavesTheProductionDatabaseWithoutConsoleCommunityOrSamples()
      throws IOException {
    // given
    Path data = tempDir.resolve("data");
    int exit;

    // when the bot serves Telegram and is stopped at once
    try (FakeBotApi telegram = new FakeBotApi(50)) {
      exit =
          launch(
              Map.of(
                  "TELEGRAM_BOT_TOKEN",
                  FakeBotApi.TOKEN,
                  "TELEGRAM_API_URL",
                  telegram.url().toString()),
              "--data",
              data.toString(),
              "--zone",
              "Asia/Tokyo",
              "--lang",
              "fr");
    }

    // then
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    try (Database database = Database.openSqlite(data)) {
      assertThat(
              database
                  .communities()
                  .findByGroup(CommunityService.groupKey(Platform.CONSOLE, "general")))
          .isEmpty();
      assertThat(eventCount(database)).isZero();
    }
  }

  @Test
  void withoutAPlatformTokenTheConsoleGetsItsCommunityAndTheSamples() {
    // given
    Path data = tempDir.resolve("data");
    RunOptions options = options("--data", data.toString(), "--now", "2026-11-26T10:00");
    java.io.InputStream stdin = System.in;
    int exit;

    // when the console starts and reads the end of its input at once
    try {
      System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
      exit = new Launcher(options, Map.of(), new PrintStream(err), closed -> {}).run();
    } finally {
      System.setIn(stdin);
    }

    // then
    assertThat(exit).isZero();
    try (Database database = Database.openSqlite(data)) {
      assertThat(
              database
                  .communities()
                  .findByGroup(CommunityService.groupKey(Platform.CONSOLE, "general")))
          .isPresent();
      assertThat(eventCount(database)).isPositive();
    }
  }

  private static long eventCount(Database database) {
    return database.withHandle(
        "count events",
        handle -> handle.createQuery("SELECT count(*) FROM events").mapTo(Long.class).one());
  }

  private int launch(Map<String, String> environment, String... args) {
    return new Launcher(
            options(args),
            environment,
            new PrintStream(err, true, StandardCharsets.UTF_8),
            closed -> {})
        .run();
  }

  private static RunOptions options(String... args) {
    Main main = new Main();
    new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    return main.options;
  }

  private List<String> errorLines() {
    List<String> lines = new ArrayList<>();
    for (String line : err.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
