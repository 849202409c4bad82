package org.networkeras.settings;

import java.util.List;
import org.networkeras.command.CommandContext;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;

/**
 * One setting of {@code /settings}: the words of its value, how it changes (one setting, written on
 * its own) and how {@code /settings} shows it. Who may change it is the dispatcher's business
 * ({@code /settings} is for admins). Implementations are thread-safe.
 */
interface Setting {

  /** The word after {@code /settings}: {@code zone}, {@code moderator}… */
  String key();

  /**
   * The parts of its value, in order, all required: what follows the key is parsed against them as
   * a command's arguments are (a {@link ParameterSpec.Type#TEXT} part takes the rest of the line).
   */
  List<Part> parts();

  /**
   * Changes the setting.
   *
   * @param value the parts, parsed
   * @return what changed, as the moderation log and the confirmation say it: {@code zone=UTC}
   * @throws org.networkeras.command.CommandException when the value is not one it takes
   */
  String change(ParsedArguments value, CommandContext context);

  /**
   * Its current value in the context's community, in the member's language, as {@code /settings}
   * lists it.
   */
  String show(CommandContext context, CommunitySettings current);

  /**
   * What the admin is told once it changed, in their language: by default the setting's name and
   * its new value.
   *
   * @param detail what {@link #change} returned
   * @param after the settings once changed
   */
  default String confirmation(CommandContext context, String detail, CommunitySettings after) {
    return context.text(
        "settings.line",
        context.text("settings.key." + key()),
        SettingsCommand.word(context, key()),
        show(context, after));
  }

  /**
   * How {@code /log} shows a change this setting recorded, in the reader's language: by default its
   * name and the stored value as {@link #storedValue} words it.
   *
   * @param detail what {@link #change} returned when the change was made
   */
  default String logged(CommandContext context, String detail) {
    return context.text(
        "settings.line",
        context.text("settings.key." + key()),
        SettingsCommand.word(context, key()),
        storedValue(context, detail.substring(detail.indexOf('=') + 1)));
  }

  /**
   * A value as {@link #change} stored it after {@code key=} ({@code moderated}, {@code 1d, 2h},
   * {@code off}), in the reader's language; by default as stored.
   */
  default String storedValue(CommandContext context, String stored) {
    return stored;
  }

  /** One part of a value. */
  record Part(String name, ParameterSpec.Type type) {}
}
