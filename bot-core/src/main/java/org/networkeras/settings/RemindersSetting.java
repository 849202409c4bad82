package org.networkeras.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;

/**
 * {@code /settings reminders 1d, 2h}: how long before an event the community's reminders go out,
 * one to five delays between 5 minutes and 30 days (members may choose their own).
 */
final class RemindersSetting implements Setting {

  private static final Pattern OFFSET = Pattern.compile("(\\d{1,4})\\s*([mhdj])");
  private static final int MAX_OFFSETS = 5;

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
    String typed = value.require("offsets");
    List<Duration> offsets = parse(typed);
    settings.setReminderOffsets(context.community(), offsets);
    return "reminders=" + String.join(", ", offsets.stream().map(RemindersSetting::show).toList());
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    return String.join(
        ", ", current.reminderOffsets().stream().map(RemindersSetting::show).toList());
  }

  /** The delays, longest first, without repeats. */
  static List<Duration> parse(String value) {
    List<Duration> offsets = new ArrayList<>();
    for (String part : value.split("[,;\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      Matcher m = OFFSET.matcher(part.toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new CommandException("settings.bad_offsets", value);
      }
      long n = Long.parseLong(m.group(1));
      Duration d =
          switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      if (d.compareTo(Duration.ofMinutes(5)) < 0 || d.compareTo(Duration.ofDays(30)) > 0) {
        throw new CommandException("settings.bad_offsets", value);
      }
      if (!offsets.contains(d)) {
        offsets.add(d);
      }
    }
    if (offsets.isEmpty() || offsets.size() > MAX_OFFSETS) {
      throw new CommandException("settings.bad_offsets", value);
    }
    offsets.sort(Comparator.reverseOrder());
    return offsets;
  }

  /** {@code 1d}, {@code 2h}, {@code 30m}. */
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
