package org.networkeras.settings;

import java.util.List;
import java.util.Objects;
import org.networkeras.chat.Conversation;
import org.networkeras.command.CommandContext;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;

/**
 * {@code /settings announce here|off}: posts published events (and the weekly agenda, and "starting
 * soon" posts) in this group conversation too, or stops every announcement.
 */
final class AnnounceSetting implements Setting {

  private final SettingsService settings;

  AnnounceSetting(SettingsService settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String key() {
    return "announce";
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part("where", ParameterSpec.Type.WORD));
  }

  @Override
  public String change(ParsedArguments value, CommandContext context) {
    String typed = value.require("where");
    if (SettingValues.isOff(typed)) {
      settings.stopAnnouncements(context.community());
      return "announce=off";
    }
    Conversation here = SettingValues.here(context, typed);
    settings.announceIn(context.community(), here);
    return "announce=" + here.key();
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    return current.announceTo().isEmpty()
        ? "-"
        : String.join(", ", current.announceTo().stream().map(Conversation::key).toList());
  }

  @Override
  public String storedValue(CommandContext context, String stored) {
    return SettingValues.isOff(stored) ? context.text("settings.off") : stored;
  }
}
