package org.networkeras.settings;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.command.CommandContext;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;
import org.networkeras.soon.StartingSoonService;

/** {@code /settings soon 15m|off}: the "starting soon" post in announcement conversations. */
final class SoonSetting implements Setting {

  private final StartingSoonService soon;

  SoonSetting(StartingSoonService soon) {
    this.soon = Objects.requireNonNull(soon, "soon");
  }

  @Override
  public String key() {
    return "soon";
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part("lead", ParameterSpec.Type.WORD));
  }

  @Override
  public String change(ParsedArguments value, CommandContext context) {
    Optional<Duration> lead = StartingSoonService.parse(value.require("lead"));
    soon.choose(context.community(), lead);
    return "soon=" + StartingSoonService.describe(lead);
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    return soon.lead(context.community())
        .map(lead -> Delays.text(lead, context))
        .orElseGet(() -> context.text("settings.off"));
  }

  @Override
  public String storedValue(CommandContext context, String stored) {
    return StartingSoonService.parse(stored)
        .map(lead -> Delays.text(lead, context))
        .orElseGet(() -> context.text("settings.off"));
  }
}
