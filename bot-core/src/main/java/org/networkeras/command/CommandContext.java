package org.networkeras.command;

import java.time.Instant;
import java.util.Objects;
import org.networkeras.chat.Capabilities;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.community.ChatReach;
import org.networkeras.community.Community;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/**
 * Everything a command needs to answer one invocation: what was typed, by whom, in which community,
 * in which language, and at what moment.
 *
 * @param command the incoming command as the adapter delivered it
 * @param arguments its arguments mapped onto the command's parameters
 * @param community the community the conversation belongs to
 * @param language the language to answer in
 * @param role what core lets the member do in this community
 * @param now the moment the command is answered
 * @param messages the message bundles
 * @param capabilities what the platform the command came from can show
 * @param reach whose catalog the conversation speaks for (a direct chat answers for a group)
 */
public record CommandContext(
    IncomingCommand command,
    ParsedArguments arguments,
    Community community,
    Language language,
    Role role,
    Instant now,
    Messages messages,
    Capabilities capabilities,
    ChatReach reach) {

  public CommandContext {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(capabilities, "capabilities");
    Objects.requireNonNull(reach, "reach");
  }

  /** The text for {@code key} in the reply language. */
  public String text(String key, Object... args) {
    return messages.get(language, key, args);
  }

  /** A reply builder in the reply language. */
  public Reply.Builder reply() {
    return Reply.builder(language.locale());
  }
}
