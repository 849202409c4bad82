package org.networkeras.reminder;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.networkeras.command.CommandException;
import org.networkeras.settings.Delays;

/**
 * Reminder offsets as members type and the database stores them: {@code 1d 2h 30m} (spaces or
 * commas). An offset is elapsed time before the start: {@code 1d} is 24 hours, so across a change
 * of summer time it lands an hour off the same wall-clock time the day before.
 */
final class ReminderOffsets {

  static final int MAX_OFFSETS = Delays.MAX;

  private ReminderOffsets() {}

  /**
   * The offsets in {@code typed}, longest first, without repeats.
   *
   * @throws CommandException if a part is not an offset from 5 minutes to 30 days, or there are
   *     none or more than {@value #MAX_OFFSETS}
   */
  static List<Duration> parse(String typed) {
    return Delays.parse(typed, "reminders.bad_offsets");
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
