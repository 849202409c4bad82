package org.networkeras.command;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.networkeras.chat.Role;

/**
 * A command declared once and rendered by every adapter: Discord slash commands, Telegram command
 * menus, help and usage lines.
 *
 * @param name {@code [a-z0-9_]{1,32}}
 * @param description one line, in both languages (at most 100 characters, Discord's limit)
 * @param parameters in order; required ones first
 * @param audience the least role that may use it (hidden from menus of members below it)
 * @param scope where it may be used
 * @param slow whether it may take long enough that Discord's 3-second window needs a deferral
 */
public record CommandSpec(
    String name,
    LocalizedText description,
    List<ParameterSpec> parameters,
    Role audience,
    Scope scope,
    boolean slow) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");

  /** Where a command may be used. */
  public enum Scope {
    /** Group chats and direct chats. */
    ANYWHERE,
    /** Only in a community's group chats. */
    GROUP_ONLY
  }

  /** A command every member may use anywhere, answered at once. */
  public static CommandSpec forMembers(
      String name, LocalizedText description, ParameterSpec... parameters) {
    return new CommandSpec(
        name, description, List.of(parameters), Role.MEMBER, Scope.ANYWHERE, false);
  }

  public CommandSpec {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad command name: " + name);
    }
    Objects.requireNonNull(description, "description");
    for (String text : List.of(description.en(), description.fr())) {
      if (text.isBlank() || text.length() > 100) {
        throw new IllegalArgumentException("description of /" + name + " must be 1..100 chars");
      }
    }
    parameters = List.copyOf(parameters);
    boolean optionalSeen = false;
    for (ParameterSpec parameter : parameters) {
      if (parameter.required() && optionalSeen) {
        throw new IllegalArgumentException("/" + name + ": required parameters come first");
      }
      optionalSeen |= !parameter.required();
    }
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(scope, "scope");
  }
}
