package org.networkeras.chat;

import java.util.Optional;

/**
 * The usernames the bot has seen people use on platforms where a member can be named by one
 * ({@code @bob} on Telegram), so that a command naming {@code @bob} reaches the account behind it.
 * Usernames change hands: the latest sighting wins, and a person seen without a username, or with
 * another one, no longer answers to the old one. Implementations are thread-safe and durable.
 */
public interface Usernames {

  /**
   * Records what the platform showed of a person.
   *
   * @param person who
   * @param username the username they go by now (with or without {@code @}, any case), or {@code
   *     null} when they have none
   */
  void seen(Person person, String username);

  /** The person last seen with {@code username} (with or without {@code @}, any case). */
  Optional<Person> find(Platform platform, String username);

  /** The form a username is stored and compared in: lower case, without {@code @}. */
  static String normalize(String username) {
    String name = InputText.clean(username).strip();
    if (name.startsWith("@")) {
      name = name.substring(1);
    }
    return name.toLowerCase(java.util.Locale.ROOT);
  }
}
