package org.networkeras.settings;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.agenda.AgendaSchedule;
import org.networkeras.agenda.AgendaService;
import org.networkeras.command.CommandContext;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;

/**
 * {@code /settings agenda DAY HH:MM|on|off}: when the weekly agenda is posted. {@code on} and
 * {@code off} switch it alone, keeping the day and time.
 */
final class AgendaSetting implements Setting {

  private final AgendaService agenda;

  AgendaSetting(AgendaService agenda) {
    this.agenda = Objects.requireNonNull(agenda, "agenda");
  }

  @Override
  public String key() {
    return "agenda";
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part("schedule", ParameterSpec.Type.TEXT));
  }

  @Override
  public String change(ParsedArguments value, CommandContext context) {
    String typed = value.require("schedule");
    Optional<AgendaSchedule.State> switched = AgendaSchedule.onOrOff(typed);
    if (switched.isPresent()) {
      agenda.turn(context.community(), switched.get() == AgendaSchedule.State.ON);
    } else {
      agenda.choose(context.community(), AgendaSchedule.parse(typed, AgendaSchedule.DEFAULT));
    }
    return "agenda=" + agenda.schedule(context.community()).describe();
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    return text(context, agenda.schedule(context.community()));
  }

  /** As {@link AgendaSchedule#describe} stored it: {@code monday 09:30}, {@code off}, … (auto). */
  @Override
  public String storedValue(CommandContext context, String stored) {
    String auto = " (auto)";
    AgendaSchedule schedule =
        stored.endsWith(auto)
            ? AgendaSchedule.parse(
                stored.substring(0, stored.length() - auto.length()), AgendaSchedule.DEFAULT)
            : AgendaSchedule.parse(stored, AgendaSchedule.DEFAULT);
    if (stored.endsWith(auto)) {
      schedule = new AgendaSchedule(AgendaSchedule.State.AUTO, schedule.day(), schedule.time());
    }
    return text(context, schedule);
  }

  private static String text(CommandContext context, AgendaSchedule schedule) {
    String day = schedule.day().getDisplayName(TextStyle.FULL, context.language().locale());
    String time =
        context.text(
            "settings.agenda.time",
            String.format(Locale.ROOT, "%02d", schedule.time().getHour()),
            String.format(Locale.ROOT, "%02d", schedule.time().getMinute()));
    return context.text(
        "settings.agenda." + schedule.state().name().toLowerCase(Locale.ROOT), day, time);
  }
}
