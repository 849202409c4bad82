package org.networkeras.chat;

import java.util.Locale;
import java.util.Objects;

/**
 * A person as a platform identifies them: someone a member named in a command (a Discord user
 * option, the author of the Telegram message a command replies to, a mention).
 *
 * @param platform where the person is
 * @param id the platform's stable id for the person (a Discord snowflake, a Telegram user id)
 * @param displayName the name the platform gave for them; user-supplied text, never markup, and
 *     never what identifies them
 */
public record Person(Platform platform, String id, String displayName) {

  public Person {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(id, "id");
    displayName = InputText.clean(Objects.requireNonNull(displayName, "displayName"));
    if (id.isBlank()) {
      throw new IllegalArgumentException("person id must not be blank");
    }
  }

  /** The same key as {@link ChatUser#key()} for this person: {@code telegram:42}. */
  public String key() {
    return platform.name().toLowerCase(Locale.ROOT) + ":" + id;
  }

  /** The person behind a chat user. */
  public static Person of(ChatUser user) {
    return new Person(user.platform(), user.id(), user.displayName());
  }
}
