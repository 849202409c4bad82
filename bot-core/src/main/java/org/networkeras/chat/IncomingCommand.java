package org.networkeras.chat;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A command a member typed or invoked.
 *
 * @param name the command name without slash or bot suffix, lower case ({@code events})
 * @param arguments what came with it
 * @param user who sent it
 * @param conversation where it was sent
 * @param receivedAt when the platform delivered it
 * @param locale the locale the platform reports for this interaction, or {@code null}
 */
public record IncomingCommand(
    String name,
    Arguments arguments,
    ChatUser user,
    Conversation conversation,
    Instant receivedAt,
    Locale locale) {

  public IncomingCommand {
    name = InputText.clean(Objects.requireNonNull(name, "name"));
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
