package org.networkeras.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;
import org.networkeras.community.CommunityService;

/**
 * {@code /settings zone ZONE}: the zone time phrases resolve in and times show in. Any zone id Java
 * knows: a region ({@code Europe/Paris}), {@code UTC}, {@code Etc/GMT+1}, a fixed offset ({@code
 * +02:00}); in any case.
 */
final class ZoneSetting implements Setting {

  private final CommunityService communities;

  ZoneSetting(CommunityService communities) {
    this.communities = Objects.requireNonNull(communities, "communities");
  }

  @Override
  public String key() {
    return "zone";
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part("zone", ParameterSpec.Type.WORD));
  }

  @Override
  public String change(ParsedArguments value, CommandContext context) {
    ZoneId zone = parse(value.require("zone"));
    communities.setZone(context.community(), zone);
    return "zone=" + zone.getId();
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    return context.community().zone().getId();
  }

  /**
   * A zone id as Java reads it ({@link ZoneId#of}), also in another case ({@code europe/paris},
   * {@code utc}).
   *
   * @throws CommandException {@code settings.bad_zone} for anything else
   */
  static ZoneId parse(String typed) {
    String id = typed.strip();
    Optional<ZoneId> zone = zone(id);
    if (zone.isEmpty()) {
      zone =
          ZoneId.getAvailableZoneIds().stream()
              .filter(known -> known.equalsIgnoreCase(id))
              .findFirst()
              .flatMap(ZoneSetting::zone);
    }
    if (zone.isEmpty()) {
      zone = zone(id.toUpperCase(Locale.ROOT)); // utc, gmt+1, utc+02:00
    }
    return zone.orElseThrow(() -> new CommandException("settings.bad_zone", id));
  }

  private static Optional<ZoneId> zone(String id) {
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The community's object is the one before the change: the new zone is in the detail. */
  @Override
  public String confirmation(CommandContext context, String detail, CommunitySettings after) {
    return context.text(
        "settings.line",
        context.text("settings.key.zone"),
        SettingsCommand.word(context, key()),
        detail.substring(detail.indexOf('=') + 1));
  }
}
