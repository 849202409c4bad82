package org.networkeras.discord;

import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.data.DataArray;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.ParameterSpec;

/**
 * Renders core's {@link CommandSpec}s as Discord slash commands: English names and descriptions
 * with French localizations, typed options (required first; a person is a user option), fixed
 * choices, autocomplete, guild-only contexts and default member permissions for commands above
 * members. Stateless and thread-safe.
 */
public final class DiscordCommandRenderer {

  /** Discord's limit on a command's combined name, description and option texts. */
  static final int MAX_COMMAND_CHARACTERS = 4000;

  private DiscordCommandRenderer() {}

  /**
   * The JSON array Networkeras registers with Discord's bulk-overwrite endpoint ({@code PUT
   * /applications/{id}/commands}) for {@code specs}.
   *
   * @throws IllegalArgumentException when a spec cannot be a slash command (a programming error)
   */
  public static String commandsJson(List<CommandSpec> specs) {
    DataArray array = DataArray.empty();
    render(specs).forEach(command -> array.add(command.toData()));
    return array.toPrettyString();
  }

  /**
   * The slash-command data for {@code specs}, in order: the first 100, as many as Discord registers
   * for an application.
   */
  static List<SlashCommandData> render(List<CommandSpec> specs) {
    return specs.stream()
        .limit(Commands.MAX_SLASH_COMMANDS)
        .map(DiscordCommandRenderer::render)
        .toList();
  }

  static SlashCommandData render(CommandSpec spec) {
    SlashCommandData command =
        Commands.slash(spec.name(), spec.description().en())
            .setDescriptionLocalization(DiscordLocale.FRENCH, spec.description().fr())
            .setIntegrationTypes(IntegrationType.GUILD_INSTALL)
            .setContexts(
                spec.scope() == CommandSpec.Scope.GROUP_ONLY
                    ? List.of(InteractionContextType.GUILD)
                    : List.of(InteractionContextType.GUILD, InteractionContextType.BOT_DM))
            .setDefaultPermissions(
                switch (spec.audience()) {
                  case MEMBER -> DefaultMemberPermissions.ENABLED;
                  case MODERATOR -> DefaultMemberPermissions.enabledFor(Permission.MANAGE_EVENTS);
                  case ADMIN -> DefaultMemberPermissions.enabledFor(Permission.ADMINISTRATOR);
                });
    // Discord takes 25 options; required ones come first, so the first 25 keep them all.
    spec.parameters().stream()
        .limit(CommandData.MAX_OPTIONS)
        .forEach(parameter -> command.addOptions(option(parameter)));
    return command;
  }

  private static OptionData option(ParameterSpec parameter) {
    OptionType type =
        switch (parameter.type()) {
          case INTEGER -> OptionType.INTEGER;
          // A person is picked from the server's members: Discord sends their id.
          case MEMBER -> OptionType.USER;
          case WORD, TEXT -> OptionType.STRING;
        };
    OptionData option =
        new OptionData(
                type,
                parameter.name(),
                description(parameter.description().en(), parameter.name()),
                parameter.required())
            .setDescriptionLocalization(
                DiscordLocale.FRENCH, description(parameter.description().fr(), parameter.name()));
    if (type == OptionType.USER) {
      return option; // a user option has neither choices nor autocomplete
    }
    if (!parameter.choices().isEmpty()) {
      // Discord refuses choices and autocomplete together: fixed choices win.
      option.addChoices(parameter.choices().stream().map(choice -> choice(type, choice)).toList());
    } else if (parameter.autocomplete() != ParameterSpec.Autocomplete.NONE) {
      option.setAutoComplete(true);
    }
    return option;
  }

  private static Command.Choice choice(OptionType type, ParameterSpec.Choice choice) {
    String label = Texts.truncate(choice.label().en(), Command.Choice.MAX_NAME_LENGTH);
    Command.Choice rendered =
        type == OptionType.INTEGER
            ? new Command.Choice(label, Long.parseLong(choice.value()))
            : new Command.Choice(label, choice.value());
    return rendered.setNameLocalization(
        DiscordLocale.FRENCH, Texts.truncate(choice.label().fr(), Command.Choice.MAX_NAME_LENGTH));
  }

  private static String description(String text, String fallback) {
    String stripped = text.strip();
    return Texts.truncate(
        stripped.isEmpty() ? fallback : stripped, OptionData.MAX_DESCRIPTION_LENGTH);
  }
}
