package org.networkeras.chat;

import java.util.Optional;

/**
 * A small durable key-value store adapters use for their own bookkeeping (the last Telegram update
 * processed, recently seen ids). Writes are committed when the method returns. Thread-safe.
 */
public interface StateStore {

  Optional<String> get(String key);

  void put(String key, String value);

  /** Forgets {@code key}; nothing happens if it is not stored. */
  void remove(String key);
}
