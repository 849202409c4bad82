package org.networkeras.telegram;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.networkeras.chat.Person;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Usernames;

/**
 * {@link Usernames} in a map, standing in for core's JDBC one where storage is beside the point.
 */
final class InMemoryUsernames implements Usernames {

  private final Map<String, Person> byName = new ConcurrentHashMap<>();

  @Override
  public synchronized void seen(Person person, String username) {
    byName.values().removeIf(known -> known.key().equals(person.key()));
    if (username != null) {
      byName.put(person.platform() + "|" + Usernames.normalize(username), person);
    }
  }

  @Override
  public Optional<Person> find(Platform platform, String username) {
    return Optional.ofNullable(byName.get(platform + "|" + Usernames.normalize(username)));
  }
}
