package org.networkeras.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;
import org.networkeras.command.Words;

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
        mode(typed).orElseThrow(() -> new CommandException("settings.bad_mode", typed));
    settings.setMode(context.community(), mode);
    return "mode=" + mode.key();
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    return context.text("settings.mode." + current.mode().key());
  }

  @Override
  public String storedValue(CommandContext context, String stored) {
    return mode(stored).map(m -> context.text("settings.mode." + m.key())).orElse(stored);
  }

  /**
   * The mode a word names, in English or French ({@code moderated}, {@code modéré}, {@code open},
   * {@code ouvert}).
   */
  static Optional<CommunitySettings.Mode> mode(String typed) {
    return switch (Words.fold(typed.strip())) {
      case "moderated", "modere", "moderee", "moderation" ->
          Optional.of(CommunitySettings.Mode.MODERATED);
      case "open", "ouvert", "ouverte", "libre" -> Optional.of(CommunitySettings.Mode.OPEN);
      default -> Optional.empty();
    };
  }
}
