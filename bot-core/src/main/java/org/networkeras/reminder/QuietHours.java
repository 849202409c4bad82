package org.networkeras.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.networkeras.command.CommandException;

/**
 * A member's quiet hours, in local time of the community: from {@code start} until {@code end},
 * across midnight when {@code end} comes first ({@code 22:00-08:00}).
 */
record QuietHours(LocalTime start, LocalTime end) {

  private static final Pattern RANGE =
      Pattern.compile(
          "([0-9]{1,2})(?:h|[:h]([0-9]{2}))?\\s*-\\s*([0-9]{1,2})(?:h|[:h]([0-9]{2}))?");

  QuietHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.equals(end)) {
      throw new IllegalArgumentException("quiet hours end after they start");
    }
  }

  /**
   * Parses {@code 22:00-08:00}, {@code 22h-8h} or {@code 22-8}.
   *
   * @throws CommandException if it is not such a range
   */
  static QuietHours parse(String typed) {
    Matcher m = RANGE.matcher(typed.strip().toLowerCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      throw new CommandException("reminders.bad_quiet", typed.strip());
    }
    try {
      LocalTime start = time(m.group(1), m.group(2));
      LocalTime end = time(m.group(3), m.group(4));
      if (start.equals(end)) {
        throw new CommandException("reminders.bad_quiet", typed.strip());
      }
      return new QuietHours(start, end);
    } catch (java.time.DateTimeException e) {
      throw new CommandException("reminders.bad_quiet", typed.strip());
    }
  }

  private static LocalTime time(String hours, String minutes) {
    return LocalTime.of(Integer.parseInt(hours), minutes == null ? 0 : Integer.parseInt(minutes));
  }

  /** As stored and shown: {@code 22:00-08:00}. */
  @Override
  public String toString() {
    return start + "-" + end;
  }

  /**
   * When a reminder due at {@code due} may go: {@code due} itself outside quiet hours, else the
   * moment they end (in {@code zone}, whatever the summer time does that night).
   */
  Instant release(Instant due, ZoneId zone) {
    ZonedDateTime local = due.atZone(zone);
    LocalTime time = local.toLocalTime();
    LocalDate date = local.toLocalDate();
    boolean wraps = end.isBefore(start);
    boolean quiet =
        wraps
            ? !time.isBefore(start) || time.isBefore(end)
            : !time.isBefore(start) && time.isBefore(end);
    if (!quiet) {
      return due;
    }
    LocalDate endDate = wraps && !time.isBefore(start) ? date.plusDays(1) : date;
    return ZonedDateTime.of(endDate, end, zone).toInstant();
  }

  static Optional<QuietHours> stored(String start, String end) {
    return start == null || end == null
        ? Optional.empty()
        : Optional.of(new QuietHours(LocalTime.parse(start), LocalTime.parse(end)));
  }
}
