package org.networkeras.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.networkeras.chat.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers, in a {@link StateStore}, which updates this bot has handled, so that a restart neither
 * loses nor repeats one.
 *
 * <p>TelegramBots keeps its polling position in memory only and confirms a batch to Telegram (by
 * asking for the next offset) before the batch is handled. The ledger keeps instead:
 *
 * <ul>
 *   <li>the last update id of the last batch handled to the end, and when it was written: the next
 *       {@code getUpdates} offset is built from it;
 *   <li>a window of recently handled ids, written after each update: an update Telegram sends again
 *       (after a crash mid-batch) is recognised and skipped.
 * </ul>
 *
 * <p>Telegram keeps unconfirmed updates for 24 hours and, after a week without updates, starts the
 * ids again from a random number. So a position older than {@link #STALE_AFTER} is not used as an
 * offset: polling restarts from whatever Telegram still holds, and the window catches repeats.
 *
 * <p>Thread-safe; each write is one {@link StateStore#put}.
 */
final class TelegramUpdateLedger {

  /** How long a saved position stays usable as an offset. */
  static final Duration STALE_AFTER = Duration.ofHours(24);

  /** How many recent update ids are remembered. */
  static final int WINDOW = 500;

  private static final Logger log = LoggerFactory.getLogger(TelegramUpdateLedger.class);
  private static final String VERSION = "v1";

  private final StateStore store;
  private final String key;
  private final Clock clock;
  private final Deque<Integer> recent = new ArrayDeque<>();
  private final Set<Integer> recentSet = new HashSet<>();
  private long lastHandled;
  private Instant savedAt;

  /**
   * @param key the store key, unique per bot token
   */
  TelegramUpdateLedger(StateStore store, String key, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.key = Objects.requireNonNull(key, "key");
    this.clock = Objects.requireNonNull(clock, "clock");
    store.get(key).ifPresent(this::read);
  }

  /** Whether update {@code updateId} was already handled. */
  synchronized boolean handled(int updateId) {
    return recentSet.contains(updateId);
  }

  /** Records that update {@code updateId} was handled (or given up on). */
  synchronized void markHandled(int updateId) {
    if (recentSet.add(updateId)) {
      recent.addLast(updateId);
      while (recent.size() > WINDOW) {
        recentSet.remove(recent.removeFirst());
      }
    }
    save();
  }

  /** Records that every update up to {@code lastUpdateId} of a batch was handled. */
  synchronized void completeBatch(int lastUpdateId) {
    lastHandled = lastUpdateId;
    save();
  }

  /**
   * The offset of the next {@code getUpdates}: one past the last batch handled, or empty when none
   * is known or the saved one is stale.
   */
  synchronized OptionalInt nextOffset() {
    if (lastHandled <= 0 || savedAt == null) {
      return OptionalInt.empty();
    }
    if (Duration.between(savedAt, clock.instant()).compareTo(STALE_AFTER) > 0) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) lastHandled + 1);
  }

  private void save() {
    savedAt = clock.instant();
    String ids = recent.stream().map(String::valueOf).collect(Collectors.joining(","));
    store.put(key, VERSION + ";" + lastHandled + ";" + savedAt.toEpochMilli() + ";" + ids);
  }

  private void read(String value) {
    try {
      String[] fields = value.split(";", -1);
      if (fields.length != 4 || !VERSION.equals(fields[0])) {
        throw new IllegalArgumentException("unknown format");
      }
      lastHandled = Long.parseLong(fields[1]);
      savedAt = Instant.ofEpochMilli(Long.parseLong(fields[2]));
      if (!fields[3].isEmpty()) {
        for (String id : fields[3].split(",")) {
          int updateId = Integer.parseInt(id);
          if (recentSet.add(updateId)) {
            recent.addLast(updateId);
          }
        }
      }
    } catch (RuntimeException e) {
      log.warn("Ignoring unreadable Telegram polling state under {}: {}", key, e.getMessage());
      lastHandled = 0;
      savedAt = null;
      recent.clear();
      recentSet.clear();
    }
  }
}
