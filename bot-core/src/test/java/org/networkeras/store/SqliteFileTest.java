package org.networkeras.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's file is checked before use: what cannot be used is refused with one line
 * naming the file and the cause, and never replaced.
 */
final class SqliteFileTest {

  @TempDir Path tempDir;

  @Test
  void refusesAnEmptyFileAndLeavesItAsItIs() throws IOException {
    // given
    Path file = Files.createFile(tempDir.resolve("networkeras.db"));

    // when
    StoreException refused = refusal(tempDir);

    // then
    assertThat(refused.getMessage())
        .contains(file.toAbsolutePath().toString())
        .contains("empty (0 bytes)")
        .doesNotContain("\n");
    assertThat(Files.size(file)).isZero();
  }

  @Test
  void refusesAFileThatIsNotADatabase() throws IOException {
    // given
    Files.writeString(tempDir.resolve("networkeras.db"), "these are my notes, not a database\n");

    // when
    StoreException refused = refusal(tempDir);

    // then
    assertThat(refused.getMessage())
        .contains(tempDir.resolve("networkeras.db").toAbsolutePath().toString())
        .contains("SQLITE_NOTADB")
        .doesNotContain("\n");
  }

  @Test
  void refusesADamagedDatabase() throws IOException {
    // given a real database whose schema page was overwritten
    Database.openSqlite(tempDir).close();
    Path file = tempDir.resolve("networkeras.db");
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] garbage = new byte[3000];
      Arrays.fill(garbage, (byte) 0x5A);
      raw.seek(100); // just after the 100-byte header, which stays valid
      raw.write(garbage);
    }

    // when
    StoreException refused = refusal(tempDir);

    // then
    assertThat(refused.getMessage()).contains(file.toString()).contains("SQLITE_CORRUPT");
  }

  @Test
  void refusesADataFolderThatCannotBeCreatedBecauseAFileIsInTheWay() throws IOException {
    // given
    Path notAFolder = Files.writeString(tempDir.resolve("data"), "x", StandardCharsets.UTF_8);

    // when
    StoreException refused = refusal(notAFolder.resolve("bot"));

    // then
    assertThat(refused.getMessage())
        .startsWith("Cannot create the data folder " + notAFolder.resolve("bot"))
        .doesNotContain("\n");
  }

  @Test
  void refusesAReadOnlyFile() throws IOException {
    // given (root may write anything: the check would not see a read-only file)
    Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "runs as root");
    Database.openSqlite(tempDir).close();
    Path file = tempDir.resolve("networkeras.db");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

    // when
    StoreException refused = refusal(tempDir);

    // then
    assertThat(refused.getMessage()).contains(file.toString()).contains("read-only");
  }

  @Test
  void refusesAReadOnlyFolder() throws IOException {
    // given
    Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "runs as root");
    Path folder = Files.createDirectory(tempDir.resolve("locked"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));

    // when
    StoreException refused = refusal(folder);

    // then
    assertThat(refused.getMessage()).contains(folder.toString()).contains("read-only");
  }

  @Test
  void opensAndReopensAGoodFile() {
    // when
    Database.openSqlite(tempDir).close();

    // then
    try (Database reopened = Database.openSqlite(tempDir)) {
      assertThat(reopened.isPostgres()).isFalse();
    }
  }

  private static StoreException refusal(Path dataDir) {
    return catchThrowableOfType(StoreException.class, () -> Database.openSqlite(dataDir).close());
  }
}
