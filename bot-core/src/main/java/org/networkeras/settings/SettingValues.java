package org.networkeras.settings;

import org.networkeras.chat.Conversation;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.Words;

/** Words several settings share: {@code off} and {@code here}, in English and French. */
final class SettingValues {

  private SettingValues() {}

  /**
   * Whether the value turns a setting off: {@code off}, {@code none}, {@code aucun(e)}, {@code -}.
   */
  static boolean isOff(String value) {
    String v = Words.fold(value.strip());
    return v.equals("off")
        || v.equals("none")
        || v.equals("aucun")
        || v.equals("aucune")
        || v.equals("-");
  }

  /**
   * The group conversation the command was typed in, when the value is {@code here} ({@code ici}).
   *
   * @throws CommandException for another word, or in a direct chat
   */
  static Conversation here(CommandContext context, String value) {
    String v = Words.fold(value.strip());
    if (!v.equals("here") && !v.equals("ici")) {
      throw new CommandException("settings.here_or_off");
    }
    Conversation conversation = context.command().conversation();
    if (conversation.isDirect()) {
      throw new CommandException("command.group_only", "settings");
    }
    return conversation;
  }
}
