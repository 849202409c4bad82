package org.networkeras.discord;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spaces out Discord logins when the bot restarts in a loop. Discord resets a bot's token after
 * 1,000 logins in a day, so a crash loop must not log in as fast as it crashes.
 *
 * <p>Each login is recorded in a small file under the data folder, with how many quick restarts
 * came before it. A login less than {@link #STABLE_RUN} after the previous one is a quick restart:
 * the n-th quick restart in a row waits until {@code min(FLOOR × 2^(n-1), CAP)} has passed since
 * the previous login. A login after a stable run waits for nothing. With these values a loop logs
 * in at most about a hundred times a day. Time comes from the injected clock; not thread-safe (one
 * adapter starts at a time).
 */
final class LoginBackOff {

  private static final Logger LOG = LoggerFactory.getLogger(LoginBackOff.class);

  /** The shortest gap between two quick logins. */
  static final Duration FLOOR = Duration.ofSeconds(5);

  /** The longest wait, reached after eight quick restarts. */
  static final Duration CAP = Duration.ofMinutes(15);

  /** A run at least this long before the next login ends a streak of quick restarts. */
  static final Duration STABLE_RUN = Duration.ofMinutes(15);

  static final String FILE_NAME = "discord-logins.properties";

  private final Path file;
  private final Clock clock;
  private int plannedStreak;

  LoginBackOff(Path dataFolder, Clock clock) {
    this.file = Objects.requireNonNull(dataFolder, "dataFolder").resolve(FILE_NAME);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** How long to wait before logging in now; zero after a stable run or on a first start. */
  Duration delayBeforeLogin() {
    Record previous = read();
    if (previous == null) {
      plannedStreak = 0;
      return Duration.ZERO;
    }
    Duration elapsed = Duration.between(previous.lastLogin(), clock.instant());
    if (elapsed.isNegative()) {
      elapsed = Duration.ZERO; // the clock went back: assume the worst
    }
    if (elapsed.compareTo(STABLE_RUN) >= 0) {
      plannedStreak = 0;
      return Duration.ZERO;
    }
    plannedStreak = previous.quickRestarts() + 1;
    Duration gap = gap(plannedStreak);
    return elapsed.compareTo(gap) >= 0 ? Duration.ZERO : gap.minus(elapsed);
  }

  /** Records a login happening now; call it after waiting {@link #delayBeforeLogin()}. */
  void recordLogin() {
    Instant now = clock.instant();
    Properties properties = new Properties();
    properties.setProperty("lastLogin", Long.toString(now.toEpochMilli()));
    properties.setProperty("quickRestarts", Integer.toString(plannedStreak));
    try {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        properties.store(writer, "Discord logins, to back off when the bot restarts in a loop");
      }
      try {
        Files.move(
            temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.warn("Could not record the Discord login in {}: {}", file, e.toString());
    }
  }

  /** The least time between the previous login and the {@code streak}-th quick restart. */
  static Duration gap(int streak) {
    if (streak <= 0) {
      return Duration.ZERO;
    }
    int doublings = Math.min(streak - 1, 20);
    Duration gap = FLOOR.multipliedBy(1L << doublings);
    return gap.compareTo(CAP) > 0 ? CAP : gap;
  }

  private Record read() {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
      return new Record(
          Instant.ofEpochMilli(Long.parseLong(properties.getProperty("lastLogin"))),
          Integer.parseInt(properties.getProperty("quickRestarts", "0")));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      LOG.warn("Unreadable Discord login record {}; treating this start as a restart", file);
      // An unreadable record must not disable the back-off: count it as a quick restart now.
      return new Record(clock.instant(), 0);
    }
  }

  private record Record(Instant lastLogin, int quickRestarts) {}
}
