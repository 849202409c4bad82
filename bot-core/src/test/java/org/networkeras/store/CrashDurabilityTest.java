package org.networkeras.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is writing to SQLite and checks that every write it reported as committed
 * survived. The child reports a write only after the repository call returned, so a missing id
 * would be a committed write lost.
 */
final class CrashDurabilityTest {

  private static final int WRITES_BEFORE_KILL = 500;

  @TempDir Path tempDir;

  @Test
  void killingAWriterMidWayLosesNoCommittedEvent() {
    assertTimeoutPreemptively(
        Duration.ofMinutes(5),
        () -> {
          // given
          Path dataDir = tempDir.resolve("data");

          // when a writer is killed mid-way
          List<Long> committed = runAndKill(dataDir);

          // then the database it left opens, is intact, and holds every reported write
          try (Database database = TestDatabases.sqlite(dataDir)) {
            String integrity =
                database.withHandle(
                    "check integrity",
                    handle ->
                        handle.createQuery("PRAGMA integrity_check").mapTo(String.class).one());
            assertThat(integrity).isEqualTo("ok");
            List<Long> missing =
                committed.stream().filter(id -> database.events().find(id).isEmpty()).toList();
            assertThat(missing).as("committed ids lost by the kill").isEmpty();
            long community = database.communities().findByGroup("console:crash").orElseThrow().id();
            assertThat(database.events().count(community)).isGreaterThanOrEqualTo(committed.size());
          }
        });
  }

  /**
   * Starts a writer, waits until it reported enough commits, kills it and returns the ids it
   * reported (it may have committed a few more that were still in the pipe).
   */
  private List<Long> runAndKill(Path dataDir) throws IOException, InterruptedException {
    Path errors = tempDir.resolve("writer.err");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EventWriterProcess.class.getName(),
                dataDir.toString())
            .redirectError(errors.toFile())
            .start();
    try (InputStream output = child.getInputStream()) {
      List<Long> ids = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      int read;
      while (ids.size() < WRITES_BEFORE_KILL && (read = output.read()) != -1) {
        // Only a whole line reports a commit; a line still being printed is not counted.
        if (read == '\n') {
          ids.add(Long.parseLong(line.substring(EventWriterProcess.COMMITTED.length())));
          line.setLength(0);
        } else {
          line.append((char) read);
        }
      }
      if (ids.size() < WRITES_BEFORE_KILL) {
        fail(
            "the writer stopped by itself after %d writes: %s",
            ids.size(), Files.readString(errors, StandardCharsets.UTF_8));
      }
      // Killed while writing; it keeps no chance to finish a transaction or close the database.
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as("killed, not exited").isNotZero();
      return ids;
    } finally {
      child.destroyForcibly();
    }
  }
}
