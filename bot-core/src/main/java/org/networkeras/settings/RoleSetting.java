package org.networkeras.settings;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.networkeras.chat.Capabilities.PersonNaming;
import org.networkeras.chat.Person;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;
import org.networkeras.command.Words;

/**
 * {@code /settings moderator add|remove PERSON} and {@code /settings admin add|remove PERSON}:
 * names a person moderator or admin of the community, or takes it back. The person is the one the
 * platform identified (a Discord user option, a Telegram reply or mention, a console id), never
 * someone whose display name matches; where people are named by a typed id, the community must have
 * seen them.
 */
final class RoleSetting implements Setting {

  private final SettingsService settings;
  private final Role role;

  /**
   * @param role {@link Role#MODERATOR} or {@link Role#ADMIN}
   */
  RoleSetting(SettingsService settings, Role role) {
    this.settings = Objects.requireNonNull(settings, "settings");
    if (role != Role.MODERATOR && role != Role.ADMIN) {
      throw new IllegalArgumentException("only moderators and admins are named: " + role);
    }
    this.role = role;
  }

  @Override
  public String key() {
    return role.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public List<Part> parts() {
    return List.of(
        new Part("action", ParameterSpec.Type.WORD), new Part("member", ParameterSpec.Type.MEMBER));
  }

  @Override
  public String change(ParsedArguments value, CommandContext context) {
    String action = Words.fold(value.require("action"));
    boolean add = action.equals("add") || action.equals("ajouter");
    boolean remove =
        action.equals("remove") || action.equals("retirer") || action.equals("enlever");
    if (!add && !remove) {
      throw new CommandException("settings.member_usage", SettingsCommand.word(context, key()));
    }
    Person person =
        value
            .person("member")
            .orElseThrow(() -> new IllegalStateException("the parser names the person"));
    if (add) {
      if (context.capabilities().personNaming() == PersonNaming.TYPED_ID
          && settings.member(context.community(), person.key()).isEmpty()) {
        throw new CommandException("settings.unknown_member", person.id());
      }
      settings.grant(context.community(), role, person);
      return key() + "+" + label(context, person);
    }
    if (!settings.revoke(context.community(), role, person)) {
      throw new CommandException("settings.not_" + key(), person.displayName());
    }
    return key() + "-" + label(context, person);
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    List<String> names =
        settings.named(context.community()).stream()
            .filter(named -> named.role() == role)
            .map(
                named ->
                    (named.displayName() == null ? "?" : named.displayName())
                        + " ("
                        + named.userKey()
                        + ")")
            .toList();
    return names.isEmpty() ? "-" : String.join(", ", names);
  }

  /** "mona (console:mona) is now a moderator", or no longer one, from the detail of the change. */
  @Override
  public String confirmation(CommandContext context, String detail, CommunitySettings after) {
    boolean added = detail.charAt(key().length()) == '+';
    return context.text(
        "settings." + key() + (added ? ".granted" : ".revoked"),
        detail.substring(key().length() + 1));
  }

  /** The person as the log and the confirmation name them: the name, then the account. */
  private String label(CommandContext context, Person person) {
    String name =
        settings
            .member(context.community(), person.key())
            .map(SettingsRepository.Member::displayName)
            .orElse(person.displayName());
    return name + " (" + person.key() + ")";
  }

  /** The detail holds all the confirmation says. */
  @Override
  public String logged(CommandContext context, String detail) {
    return confirmation(context, detail, null);
  }
}
