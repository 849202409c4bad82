package org.networkeras.settings;

import java.util.List;
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
    return agenda.schedule(context.community()).describe();
  }
}
