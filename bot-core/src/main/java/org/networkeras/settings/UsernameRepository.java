package org.networkeras.settings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Person;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Usernames;
import org.networkeras.store.Database;

/**
 * {@link Usernames} on the {@code platform_usernames} table: per platform, a username names the
 * person last seen with it, and a person keeps at most one username. A sighting costs a write only
 * when it changes something or an hour has passed. Thread-safe.
 */
public final class UsernameRepository implements Usernames {

  private static final Duration REFRESH_EVERY = Duration.ofHours(1);

  private final Database database;
  private final Clock clock;

  /** What was last written for each person ({@code username|name}): most sightings are free. */
  private final Cache<String, String> byPerson =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(REFRESH_EVERY).build();

  /** Whom each username was last written for ({@code platform|username} to a person's key). */
  private final Cache<String, String> byUsername =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(REFRESH_EVERY).build();

  public UsernameRepository(Database database, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void seen(Person person, String username) {
    Objects.requireNonNull(person, "person");
    String name = username == null ? "" : Usernames.normalize(username);
    String platform = platformKey(person.platform());
    String state = name + "|" + person.displayName();
    String usernameKey = platform + "|" + name;
    if (state.equals(byPerson.getIfPresent(person.key()))
        && (name.isEmpty() || person.key().equals(byUsername.getIfPresent(usernameKey)))) {
      return;
    }
    database.useTransaction(
        "record the username of " + person.key(),
        handle -> {
          // The person's other username, if any, no longer names them.
          handle
              .createUpdate(
                  "DELETE FROM platform_usernames WHERE platform = :platform"
                      + " AND user_id = :id AND username <> :username")
              .bind("platform", platform)
              .bind("id", person.id())
              .bind("username", name)
              .execute();
          if (!name.isEmpty()) {
            handle
                .createUpdate(
                    """
                    INSERT INTO platform_usernames (platform, username, user_id, display_name,
                        seen_ms)
                    VALUES (:platform, :username, :id, :name, :at)
                    ON CONFLICT (platform, username) DO UPDATE
                    SET user_id = excluded.user_id, display_name = excluded.display_name,
                        seen_ms = excluded.seen_ms
                    """)
                .bind("platform", platform)
                .bind("username", name)
                .bind("id", person.id())
                .bind("name", person.displayName())
                .bind("at", clock.millis())
                .execute();
          }
        });
    byPerson.put(person.key(), state);
    if (!name.isEmpty()) {
      byUsername.put(usernameKey, person.key());
    }
  }

  @Override
  public Optional<Person> find(Platform platform, String username) {
    Objects.requireNonNull(platform, "platform");
    String name = Usernames.normalize(username);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return database.withHandle(
        "find the person called @" + name,
        handle ->
            handle
                .createQuery(
                    "SELECT user_id, display_name FROM platform_usernames"
                        + " WHERE platform = :platform AND username = :username")
                .bind("platform", platformKey(platform))
                .bind("username", name)
                .map(
                    (rs, ctx) ->
                        new Person(platform, rs.getString("user_id"), rs.getString("display_name")))
                .findOne());
  }

  private static String platformKey(Platform platform) {
    return platform.name().toLowerCase(Locale.ROOT);
  }
}
