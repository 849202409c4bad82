package org.networkeras.settings;

import java.util.List;
import java.util.Objects;
import org.networkeras.agenda.AgendaSchedule;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;
import org.networkeras.nativeevents.NativeEventsService;
import org.networkeras.nativeevents.NativeEventsService.Refusal;

/**
 * {@code /settings discord-events on|off}: mirrors the community's published events as Discord
 * scheduled events (the server's Events tab). Typed in a channel of the Discord server; turning it
 * on checks first that the bot may create and manage events there.
 */
final class DiscordEventsSetting implements Setting {

  private final NativeEventsService nativeEvents;

  DiscordEventsSetting(NativeEventsService nativeEvents) {
    this.nativeEvents = Objects.requireNonNull(nativeEvents, "nativeEvents");
  }

  @Override
  public String key() {
    return "discord-events";
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part("state", ParameterSpec.Type.WORD));
  }

  @Override
  public String change(ParsedArguments value, CommandContext context) {
    String typed = value.require("state");
    boolean on =
        AgendaSchedule.onOrOff(typed)
                .orElseThrow(() -> new CommandException("settings.bad_discord_events", typed))
            == AgendaSchedule.State.ON;
    if (!on) {
      nativeEvents.turnOff(context.community());
      return "discord-events=off";
    }
    Refusal refusal =
        nativeEvents.turnOn(context.community(), context.command().conversation()).orElse(null);
    if (refusal instanceof Refusal.NoScheduledEvents) {
      throw new CommandException("settings.discord_events.not_discord");
    }
    if (refusal instanceof Refusal.MissingPermissions missing) {
      throw new CommandException(
          "settings.discord_events.missing", String.join(", ", missing.names()));
    }
    return "discord-events=on";
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    return nativeEvents.isOn(context.community())
        ? context.text("settings.discord_events.on")
        : context.text("settings.off");
  }

  @Override
  public String storedValue(CommandContext context, String stored) {
    return stored.equals("on")
        ? context.text("settings.discord_events.on")
        : context.text("settings.off");
  }
}
