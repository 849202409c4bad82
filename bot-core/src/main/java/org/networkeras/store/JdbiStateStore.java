package org.networkeras.store;

import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.StateStore;

/** {@link StateStore} on the {@code state_entries} table; a put replaces the previous value. */
final class JdbiStateStore implements StateStore {

  private final Database database;

  JdbiStateStore(Database database) {
    this.database = database;
  }

  @Override
  public Optional<String> get(String key) {
    Objects.requireNonNull(key, "key");
    return database.withHandle(
        "read state " + key,
        handle ->
            handle
                .createQuery("SELECT state_value FROM state_entries WHERE state_key = :key")
                .bind("key", key)
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public void put(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    database.useHandle(
        "write state " + key,
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO state_entries (state_key, state_value) VALUES (:key, :value)
                    ON CONFLICT (state_key) DO UPDATE SET state_value = excluded.state_value
                    """)
                .bind("key", key)
                .bind("value", value)
                .execute());
  }

  @Override
  public void remove(String key) {
    Objects.requireNonNull(key, "key");
    database.useHandle(
        "remove state " + key,
        handle ->
            handle
                .createUpdate("DELETE FROM state_entries WHERE state_key = :key")
                .bind("key", key)
                .execute());
  }
}
