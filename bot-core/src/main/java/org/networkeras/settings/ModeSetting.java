package org.networkeras.settings;

import java.util.List;
import java.util.Objects;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;

/** {@code /settings mode moderated|open}: whether members' suggestions wait for a moderator. */
final class ModeSetting implements Setting {

  private final SettingsService settings;

  ModeSetting(SettingsService settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String key() {
    return "mode";
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part("mode", ParameterSpec.Type.WORD));
  }

  @Override
  public String change(ParsedArguments value, CommandContext context) {
    String typed = value.require("mode");
    CommunitySettings.Mode mode =
        CommunitySettings.Mode.fromKey(typed)
            .orElseThrow(() -> new CommandException("settings.bad_mode", typed));
    settings.setMode(context.community(), mode);
    return "mode=" + mode.key();
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    return current.mode().key();
  }
}
