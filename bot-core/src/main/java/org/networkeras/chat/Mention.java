package org.networkeras.chat;

import java.util.Objects;

/**
 * Words of a command that the platform says name a person: a Telegram {@code @username} the bot has
 * seen, a Telegram mention of someone without a username (the name as shown in the message), or the
 * value of a Discord user option (the user's id).
 *
 * @param text the words exactly as they appear in the command's text or option value
 * @param person who they name
 */
public record Mention(String text, Person person) {

  public Mention {
    text = InputText.clean(Objects.requireNonNull(text, "text"));
    Objects.requireNonNull(person, "person");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a mention has words");
    }
  }
}
