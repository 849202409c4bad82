package org.networkeras.settings;

import java.util.List;
import java.util.Objects;
import org.networkeras.chat.Conversation;
import org.networkeras.command.CommandContext;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;

/**
 * {@code /settings modchat here|off}: where moderators hear of new suggestions; off writes to each
 * of them directly.
 */
final class ModChatSetting implements Setting {

  private final SettingsService settings;

  ModChatSetting(SettingsService settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String key() {
    return "modchat";
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part("where", ParameterSpec.Type.WORD));
  }

  @Override
  public String change(ParsedArguments value, CommandContext context) {
    String typed = value.require("where");
    Conversation chat = SettingValues.isOff(typed) ? null : SettingValues.here(context, typed);
    settings.setModeratorsChat(context.community(), chat);
    return "modchat=" + (chat == null ? "off" : chat.key());
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    return current.moderatorsChat() == null ? "-" : current.moderatorsChat().key();
  }

  @Override
  public String storedValue(CommandContext context, String stored) {
    return SettingValues.isOff(stored) ? context.text("settings.off") : stored;
  }
}
