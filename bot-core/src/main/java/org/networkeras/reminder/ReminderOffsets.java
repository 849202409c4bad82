package org.networkeras.reminder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.networkeras.command.CommandException;

/**
 * Reminder offsets as members type and the database stores them: {@code 1d 2h 30m} (spaces or
 * commas). An offset is elapsed time before the start: {@code 1d} is 24 hours, so across a change
 * of summer time it lands an hour off the same wall-clock time the day before.
 */
final class ReminderOffsets {

  static final int MAX_OFFSETS = 5;
  private static final Pattern OFFSET = Pattern.compile("([0-9]{1,4})([mhdj])");
  private static final Duration SHORTEST = Duration.ofMinutes(5);
  private static final Duration LONGEST = Duration.ofDays(30);

  private ReminderOffsets() {}

  /**
   * The offsets in {@code typed}, longest first, without repeats.
   *
   * @throws CommandException if a part is not an offset from 5 minutes to 30 days, or there are
   *     none or more than {@value #MAX_OFFSETS}
   */
  static List<Duration> parse(String typed) {
    List<Duration> offsets = new ArrayList<>();
    for (String part : typed.strip().toLowerCase(Locale.ROOT).split("[,;\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      Matcher m = OFFSET.matcher(part);
      if (!m.matches()) {
        throw new CommandException("reminders.bad_offsets", typed.strip());
      }
      long n = Long.parseLong(m.group(1));
      Duration offset =
          switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      if (offset.compareTo(SHORTEST) < 0 || offset.compareTo(LONGEST) > 0) {
        throw new CommandException("reminders.bad_offsets", typed.strip());
      }
      if (!offsets.contains(offset)) {
        offsets.add(offset);
      }
    }
    if (offsets.isEmpty() || offsets.size() > MAX_OFFSETS) {
      throw new CommandException("reminders.bad_offsets", typed.strip());
    }
    offsets.sort(Comparator.reverseOrder());
    return List.copyOf(offsets);
  }

  /** Stored offsets ({@code 1d,2h}) back as durations. */
  static List<Duration> stored(String stored) {
    return stored.isBlank() ? List.of() : parse(stored);
  }

  /** Offsets as stored and shown: {@code 1d,2h}. */
  static String format(List<Duration> offsets) {
    return offsets.stream().map(ReminderOffsets::format).collect(Collectors.joining(","));
  }

  /** One offset in its largest whole unit: {@code 1d}, {@code 2h}, {@code 90m}. */
  static String format(Duration offset) {
    long minutes = offset.toMinutes();
    if (minutes % (24 * 60) == 0) {
      return minutes / (24 * 60) + "d";
    }
    if (minutes % 60 == 0) {
      return minutes / 60 + "h";
    }
    return minutes + "m";
  }
}
