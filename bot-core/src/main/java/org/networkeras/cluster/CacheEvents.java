package org.networkeras.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every instance sharing a database to forget cached copies of what one instance changed.
 * Services call {@link #changed} after a write has committed, and listen with {@link #onChange}:
 * the listeners of this instance hear of the change before {@code changed} returns, those of other
 * instances as soon as the database passes it on (PostgreSQL {@code NOTIFY}, well within a second).
 * On SQLite, which one process uses, only this instance's listeners are told.
 *
 * <p>A listener may also hear {@link #EVERYTHING}: then it forgets its whole cache (after the
 * connection that listens to other instances was lost, and changes may have been missed).
 * Thread-safe.
 */
public class CacheEvents implements AutoCloseable {

  /** The key that means every entry of the cache. */
  public static final String EVERYTHING = "*";

  private static final Logger log = LoggerFactory.getLogger(CacheEvents.class);

  private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

  /** Changes seen by this process only (SQLite, tests). */
  public static CacheEvents local() {
    return new CacheEvents();
  }

  /**
   * The cache events of the instances sharing {@code database}: across instances on PostgreSQL
   * (listening from now on, until closed), within this process on SQLite.
   */
  public static CacheEvents of(org.networkeras.store.Database database) {
    return database.isPostgres() ? PostgresCacheEvents.start(database) : local();
  }

  CacheEvents() {}

  /**
   * Tells every instance that entry {@code key} of cache {@code cache} changed ({@link #EVERYTHING}
   * for all of them); this instance's listeners have heard of it when this returns.
   */
  public void changed(String cache, String key) {
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(key, "key");
    tellListeners(cache, key);
  }

  /** Calls {@code listener} with the key of each change of {@code cache}, from any instance. */
  public void onChange(String cache, Consumer<String> listener) {
    listeners
        .computeIfAbsent(Objects.requireNonNull(cache, "cache"), c -> new CopyOnWriteArrayList<>())
        .add(Objects.requireNonNull(listener, "listener"));
  }

  /** Stops listening to other instances; does nothing here. */
  @Override
  public void close() {}

  /** Tells this process's listeners of {@code cache} that {@code key} changed. */
  final void tellListeners(String cache, String key) {
    for (Consumer<String> listener : listeners.getOrDefault(cache, List.of())) {
      try {
        listener.accept(key);
      } catch (RuntimeException e) {
        log.error("A cache listener of {} failed on {}", cache, key, e);
      }
    }
  }

  /** Tells every listener of every cache to forget everything. */
  final void tellEveryoneEverything() {
    for (String cache : listeners.keySet()) {
      tellListeners(cache, EVERYTHING);
    }
  }
}
