package org.networkeras.catalog;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;

/**
 * A reference members type: {@code 42} names event (or series) 42; {@code 42-1127} names the
 * occurrence of series 42 on 27 November. At most 14 characters, so it fits any button token.
 *
 * @param eventId the event or series id
 * @param day the occurrence's month and day, or {@code null} for the event or series itself
 */
public record EventRef(long eventId, MonthDay day) {

  /** The reference of a single event or a whole series. */
  public static String of(long eventId) {
    return Long.toString(eventId);
  }

  /** The reference of a series occurrence on {@code date} (community-local). */
  public static String of(long eventId, LocalDate date) {
    return String.format("%d-%02d%02d", eventId, date.getMonthValue(), date.getDayOfMonth());
  }

  /**
   * Reads what a member typed ({@code 42}, {@code #42}, {@code 42-1127}).
   *
   * @throws CommandException {@code event.bad_ref} when it is not a reference
   */
  public static EventRef parse(String text) {
    return tryParse(text).orElseThrow(() -> new CommandException("event.bad_ref", text.strip()));
  }

  /**
   * The refusal for a reference the community's catalog does not hold. In a direct chat it says
   * whose catalog was searched and how to search another group's: the member may have meant an
   * event of a group the chat does not speak for.
   */
  public static CommandException notFound(CommandContext context, String typed) {
    return switch (context.reach()) {
      case GROUP -> new CommandException("event.not_found", typed.strip());
      case DIRECT_FOR_GROUP ->
          new CommandException("event.not_found_direct", typed.strip(), context.community().name());
      case DIRECT_OWN -> new CommandException("event.not_found_no_group", typed.strip());
    };
  }

  public static Optional<EventRef> tryParse(String text) {
    String t = text.strip();
    if (t.startsWith("#")) {
      t = t.substring(1);
    }
    int dash = t.indexOf('-');
    String id = dash < 0 ? t : t.substring(0, dash);
    if (id.isEmpty() || id.length() > 9 || !id.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    if (dash < 0) {
      return Optional.of(new EventRef(Long.parseLong(id), null));
    }
    String mmdd = t.substring(dash + 1);
    if (mmdd.length() != 4 || !mmdd.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int month = Integer.parseInt(mmdd.substring(0, 2));
    int day = Integer.parseInt(mmdd.substring(2));
    if (month < 1 || month > 12 || day < 1 || day > MonthDay.of(month, 1).getMonth().maxLength()) {
      return Optional.empty();
    }
    return Optional.of(new EventRef(Long.parseLong(id), MonthDay.of(month, day)));
  }
}
