package org.networkeras.settings;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.networkeras.command.CommandContext;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;

/**
 * {@code /settings reminders 1d, 2h}: how long before an event the community's reminders go out,
 * one to five delays between 5 minutes and 30 days (members may choose their own).
 */
final class RemindersSetting implements Setting {

  private final SettingsService settings;

  RemindersSetting(SettingsService settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String key() {
    return "reminders";
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part("offsets", ParameterSpec.Type.TEXT));
  }

  @Override
  public String change(ParsedArguments value, CommandContext context) {
    List<Duration> offsets = Delays.parse(value.require("offsets"), "settings.bad_offsets");
    settings.setReminderOffsets(context.community(), offsets);
    return "reminders=" + String.join(", ", offsets.stream().map(RemindersSetting::show).toList());
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    return Delays.text(current.reminderOffsets(), context);
  }

  @Override
  public String storedValue(CommandContext context, String stored) {
    return Delays.text(Delays.parse(stored, "settings.bad_offsets"), context);
  }

  /** {@code 1d}, {@code 2h}, {@code 30m}: as the moderation log keeps them. */
  static String show(Duration d) {
    if (d.toMinutes() % (24 * 60) == 0) {
      return d.toDays() + "d";
    }
    if (d.toMinutes() % 60 == 0) {
      return d.toHours() + "h";
    }
    return d.toMinutes() + "m";
  }
}
