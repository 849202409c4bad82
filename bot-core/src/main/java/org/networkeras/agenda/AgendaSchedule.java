package org.networkeras.agenda;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.networkeras.command.CommandException;
import org.networkeras.command.Words;

/**
 * When a community's weekly agenda is posted.
 *
 * @param state whether it is posted: {@link State#AUTO} (the default) posts it when the community
 *     has an announcement conversation, so a community that never chose gets one as soon as it has
 *     somewhere to post it, and none before
 * @param day the day of the week it is posted, in the community's zone
 * @param time the local time it is posted
 */
public record AgendaSchedule(State state, DayOfWeek day, LocalTime time) {

  /** Monday 09:00, on when there is an announcement conversation. */
  public static final AgendaSchedule DEFAULT =
      new AgendaSchedule(State.AUTO, DayOfWeek.MONDAY, LocalTime.of(9, 0));

  /** Whether the agenda is posted. */
  public enum State {
    /** Posted when the community has an announcement conversation. */
    AUTO,
    ON,
    OFF
  }

  private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:(?::|h)(\\d{2})?)?");
  private static final Map<String, DayOfWeek> DAYS =
      Map.ofEntries(
          Map.entry("monday", DayOfWeek.MONDAY),
          Map.entry("mon", DayOfWeek.MONDAY),
          Map.entry("lundi", DayOfWeek.MONDAY),
          Map.entry("lun", DayOfWeek.MONDAY),
          Map.entry("tuesday", DayOfWeek.TUESDAY),
          Map.entry("tue", DayOfWeek.TUESDAY),
          Map.entry("mardi", DayOfWeek.TUESDAY),
          Map.entry("mar", DayOfWeek.TUESDAY),
          Map.entry("wednesday", DayOfWeek.WEDNESDAY),
          Map.entry("wed", DayOfWeek.WEDNESDAY),
          Map.entry("mercredi", DayOfWeek.WEDNESDAY),
          Map.entry("mer", DayOfWeek.WEDNESDAY),
          Map.entry("thursday", DayOfWeek.THURSDAY),
          Map.entry("thu", DayOfWeek.THURSDAY),
          Map.entry("jeudi", DayOfWeek.THURSDAY),
          Map.entry("jeu", DayOfWeek.THURSDAY),
          Map.entry("friday", DayOfWeek.FRIDAY),
          Map.entry("fri", DayOfWeek.FRIDAY),
          Map.entry("vendredi", DayOfWeek.FRIDAY),
          Map.entry("ven", DayOfWeek.FRIDAY),
          Map.entry("saturday", DayOfWeek.SATURDAY),
          Map.entry("sat", DayOfWeek.SATURDAY),
          Map.entry("samedi", DayOfWeek.SATURDAY),
          Map.entry("sam", DayOfWeek.SATURDAY),
          Map.entry("sunday", DayOfWeek.SUNDAY),
          Map.entry("sun", DayOfWeek.SUNDAY),
          Map.entry("dimanche", DayOfWeek.SUNDAY),
          Map.entry("dim", DayOfWeek.SUNDAY));

  public AgendaSchedule {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(time, "time");
    if (time.getSecond() != 0 || time.getNano() != 0) {
      throw new IllegalArgumentException("the agenda is posted on a whole minute");
    }
  }

  /** Whether the agenda is posted, given whether the community has an announcement conversation. */
  public boolean isOn(boolean hasAnnouncementConversation) {
    return state == State.ON || (state == State.AUTO && hasAnnouncementConversation);
  }

  /**
   * What an admin typed after {@code /settings agenda}: {@code <day> <time>} ({@code monday 09:00},
   * {@code lundi 9h30}), {@code on} (keeping the day and time) or {@code off}.
   *
   * @param current the schedule in force, kept by {@code on}
   * @throws CommandException ({@code settings.bad_agenda}) for anything else
   */
  public static AgendaSchedule parse(String value, AgendaSchedule current) {
    Optional<State> switched = onOrOff(value);
    if (switched.isPresent()) {
      return new AgendaSchedule(switched.get(), current.day(), current.time());
    }
    String folded = Words.fold(value.strip());
    switch (folded) {
      default -> {
        String[] words = folded.split("\\s+");
        if (words.length == 2) {
          Optional<DayOfWeek> day = Optional.ofNullable(DAYS.get(words[0]));
          Optional<LocalTime> time = time(words[1]);
          if (day.isPresent() && time.isPresent()) {
            return new AgendaSchedule(State.ON, day.get(), time.get());
          }
        }
        throw new CommandException("settings.bad_agenda", value.strip());
      }
    }
  }

  /**
   * {@link State#ON} for {@code on} ({@code oui}), {@link State#OFF} for {@code off} ({@code none},
   * {@code aucun}, {@code non}, {@code -}), empty for anything else (a day and time, perhaps).
   */
  public static Optional<State> onOrOff(String value) {
    return switch (Words.fold(value.strip())) {
      case "off", "none", "aucun", "non", "-" -> Optional.of(State.OFF);
      case "on", "oui" -> Optional.of(State.ON);
      default -> Optional.empty();
    };
  }

  private static Optional<LocalTime> time(String word) {
    Matcher m = TIME.matcher(word);
    if (!m.matches() || (!word.contains(":") && !word.contains("h"))) {
      return Optional.empty();
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    if (hour > 23 || minute > 59) {
      return Optional.empty();
    }
    return Optional.of(LocalTime.of(hour, minute));
  }

  /** {@code monday 09:00}, {@code off}, or {@code monday 09:00 (auto)}. */
  public String describe() {
    String when = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    String at = when + " " + time;
    return switch (state) {
      case ON -> at;
      case OFF -> "off";
      case AUTO -> at + " (auto)";
    };
  }
}
