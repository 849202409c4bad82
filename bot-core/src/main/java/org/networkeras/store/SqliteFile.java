package org.networkeras.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Checks the embedded database's file before the bot uses it, so that a bad one stops the start
 * with one line naming the file and the cause instead of a stack trace, and so that nothing is ever
 * silently re-created over it: an empty file is refused (it once held a catalog, or was damaged),
 * as are a file SQLite cannot read, a read-only file or folder, and a folder that cannot be
 * created. Stateless.
 */
final class SqliteFile {

  /** The file's name in the data folder. */
  static final String NAME = "networkeras.db";

  private SqliteFile() {}

  /**
   * The database file in {@code dataDir}, after checking that the bot can use it (an absent file is
   * fine: SQLite creates it).
   *
   * @throws StoreException with a one-line message naming the file or folder and the cause
   */
  static Path check(Path dataDir) {
    Path folder = dataDir.toAbsolutePath();
    Path file = folder.resolve(NAME);
    createFolder(folder);
    if (!Files.isWritable(folder)) {
      throw new StoreException(
          "The data folder "
              + folder
              + " is read-only (permission denied): the bot writes its database and journal"
              + " there; let it write there or choose another folder with --data");
    }
    if (!Files.exists(file)) {
      return file;
    }
    if (!Files.isRegularFile(file)) {
      throw new StoreException("The database path " + file + " is not a file");
    }
    long size = size(file);
    if (size == 0) {
      throw new StoreException(
          "The database file "
              + file
              + " is empty (0 bytes), so it was truncated or damaged: refusing to start rather"
              + " than replace it; restore it from a backup, or move it away to start anew");
    }
    if (!Files.isWritable(file)) {
      throw new StoreException(
          "The database file "
              + file
              + " is read-only (permission denied): let the bot write to it, or copy it to a"
              + " folder it may write to");
    }
    readSchema(file);
    return file;
  }

  /**
   * What a failure of SQLite on {@code file} means, as one line; {@code null} when {@code failure}
   * does not come from SQLite.
   */
  static String explain(Path file, Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLiteException sqlite) {
        return explain(file, sqlite.getResultCode());
      }
    }
    return null;
  }

  private static String explain(Path file, SQLiteErrorCode code) {
    // extended codes (SQLITE_IOERR_READ, SQLITE_CORRUPT_VTAB…) are read as their primary code
    String primary = code.name().replaceFirst("^(SQLITE_[A-Z]+)_.*$", "$1");
    String what =
        switch (primary) {
          case "SQLITE_CORRUPT" -> "is damaged (SQLITE_CORRUPT): restore it from a backup";
          case "SQLITE_NOTADB" ->
              "is not an SQLite database (SQLITE_NOTADB): restore it from a backup, or point"
                  + " --data at the right folder";
          case "SQLITE_READONLY" ->
              "is read-only (SQLITE_READONLY): let the bot write to it and to its folder";
          case "SQLITE_PERM", "SQLITE_AUTH" ->
              "may not be opened (permission denied, " + code.name() + ")";
          case "SQLITE_CANTOPEN" ->
              "cannot be opened (SQLITE_CANTOPEN): check that its folder exists and that the bot"
                  + " may read and write there";
          case "SQLITE_FULL" -> "cannot grow: the disk is full (SQLITE_FULL)";
          case "SQLITE_IOERR" -> "cannot be read or written (" + code.name() + ")";
          default -> "cannot be used (" + code.name() + ": " + code.message + ")";
        };
    return "The database file " + file + " " + what;
  }

  private static void createFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (AccessDeniedException e) {
      throw new StoreException(
          "Cannot create the data folder " + folder + ": permission denied on " + e.getFile(), e);
    } catch (FileAlreadyExistsException e) {
      throw new StoreException(
          "Cannot create the data folder " + folder + ": " + e.getFile() + " is a file", e);
    } catch (FileSystemException e) {
      throw new StoreException(
          "Cannot create the data folder "
              + folder
              + ": "
              + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()),
          e);
    } catch (IOException e) {
      throw new StoreException(
          "Cannot create the data folder " + folder + ": " + e.getMessage(), e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new StoreException("Cannot read the database file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads the schema, which SQLite does only once the file is opened and its header checked. */
  private static void readSchema(Path file) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT count(*) FROM sqlite_master").close();
    } catch (SQLException e) {
      String explained = explain(file, e);
      throw new StoreException(
          explained != null ? explained : "Cannot open the database file " + file + ": " + e, e);
    }
  }
}
