package org.networkeras.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;

/**
 * Reminder delays as people type them in either language and as the bot says them back: {@code 1d
 * 2h} or {@code 1j 2h} are two delays; an hour and its minutes are one ({@code 1h10}, {@code 1h
 * 10m}, {@code 1h10min}: 70 minutes); commas always separate delays ({@code 2h, 30m}). Each is from
 * 5 minutes to 30 days; there are one to five. Stateless.
 */
public final class Delays {

  /** The most delays a list holds. */
  public static final int MAX = 5;

  private static final Duration SHORTEST = Duration.ofMinutes(5);
  private static final Duration LONGEST = Duration.ofDays(30);
  private static final Pattern DAYS = Pattern.compile("([0-9]{1,4})(?:d|j|days?|jours?)");
  private static final Pattern HOURS = Pattern.compile("([0-9]{1,4})h(?:([0-9]{1,2})(?:m|min)?)?");
  private static final Pattern MINUTES = Pattern.compile("([0-9]{1,4})(?:m|min|mn)");

  private Delays() {}

  /**
   * The delays in {@code typed}, longest first, without repeats.
   *
   * @param error the message key of the refusal, given {@code typed}
   * @throws CommandException if a part is not a delay, or there are none or more than {@value #MAX}
   */
  public static List<Duration> parse(String typed, String error) {
    String text = typed.strip().toLowerCase(Locale.ROOT);
    List<Duration> delays = new ArrayList<>();
    for (String group : text.split("[,;]")) {
      Duration previous = null;
      for (String part : group.strip().split("\\s+")) {
        if (part.isEmpty()) {
          continue;
        }
        Duration delay = one(part).orElseThrow(() -> new CommandException(error, typed.strip()));
        boolean minutesOfTheHourBefore =
            previous != null
                && MINUTES.matcher(part).matches()
                && delay.toMinutes() < 60
                && previous.toMinutes() % 60 == 0
                && previous.toMinutes() < 24 * 60;
        if (minutesOfTheHourBefore) {
          delays.remove(previous);
          delay = previous.plus(delay);
          previous = null;
        } else {
          previous = HOURS.matcher(part).matches() && delay.toMinutes() % 60 == 0 ? delay : null;
        }
        if (!delays.contains(delay)) {
          delays.add(delay);
        }
      }
    }
    for (Duration delay : delays) {
      if (delay.compareTo(SHORTEST) < 0 || delay.compareTo(LONGEST) > 0) {
        throw new CommandException(error, typed.strip());
      }
    }
    if (delays.isEmpty() || delays.size() > MAX) {
      throw new CommandException(error, typed.strip());
    }
    delays.sort(Comparator.reverseOrder());
    return List.copyOf(delays);
  }

  private static java.util.Optional<Duration> one(String part) {
    Matcher days = DAYS.matcher(part);
    if (days.matches()) {
      return java.util.Optional.of(Duration.ofDays(Long.parseLong(days.group(1))));
    }
    Matcher hours = HOURS.matcher(part);
    if (hours.matches()) {
      long minutes = hours.group(2) == null ? 0 : Long.parseLong(hours.group(2));
      if (minutes >= 60) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(
          Duration.ofHours(Long.parseLong(hours.group(1))).plusMinutes(minutes));
    }
    Matcher minutes = MINUTES.matcher(part);
    if (minutes.matches()) {
      return java.util.Optional.of(Duration.ofMinutes(Long.parseLong(minutes.group(1))));
    }
    return java.util.Optional.empty();
  }

  /** The delays as the member's language writes them: {@code 1d, 2h} or {@code 1 j, 1h10}. */
  public static String text(List<Duration> delays, CommandContext context) {
    return String.join(", ", delays.stream().map(delay -> text(delay, context)).toList());
  }

  /** One delay in its largest whole unit, hours with their minutes: {@code 2d}, {@code 1h10}. */
  public static String text(Duration delay, CommandContext context) {
    long minutes = delay.toMinutes();
    if (minutes % (24 * 60) == 0) {
      return context.text("delay.days", Long.toString(minutes / (24 * 60)));
    }
    if (minutes % 60 == 0) {
      return context.text("delay.hours", Long.toString(minutes / 60));
    }
    if (minutes > 60 && minutes < 24 * 60) {
      return context.text(
          "delay.hours_minutes",
          Long.toString(minutes / 60),
          String.format(Locale.ROOT, "%02d", minutes % 60));
    }
    return context.text("delay.minutes", Long.toString(minutes));
  }
}
