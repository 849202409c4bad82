package org.networkeras.settings;

import java.util.List;
import java.util.Objects;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;
import org.networkeras.community.CommunityService;

/**
 * {@code /settings city CITY|off}: the community's home city. Its events come first on each day of
 * {@code /events} and the weekly agenda and rank higher in {@code /foryou}; a suggestion that names
 * only a venue is placed there.
 */
final class CitySetting implements Setting {

  static final int MAX_LENGTH = 60;

  private final CommunityService communities;

  CitySetting(CommunityService communities) {
    this.communities = Objects.requireNonNull(communities, "communities");
  }

  @Override
  public String key() {
    return "city";
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part("city", ParameterSpec.Type.TEXT));
  }

  @Override
  public String change(ParsedArguments value, CommandContext context) {
    String typed = value.require("city").strip();
    String city = SettingValues.isOff(typed) ? null : typed;
    if (city != null && city.length() > MAX_LENGTH) {
      throw new CommandException("settings.city_too_long", MAX_LENGTH);
    }
    communities.setDefaultCity(context.community(), city);
    return "city=" + (city == null ? "none" : city);
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    String city = context.community().defaultCity();
    return city == null ? "-" : context.text("settings.city_shown", city);
  }

  /**
   * The community's object is the one before the change: the new city is in the detail. Says what
   * the city does, since nothing else in the reply shows it.
   */
  @Override
  public String confirmation(CommandContext context, String detail, CommunitySettings after) {
    String city = detail.substring(detail.indexOf('=') + 1);
    boolean none = city.equals("none");
    return context.text(
            "settings.line",
            context.text("settings.key.city"),
            SettingsCommand.word(context, key()),
            none ? "-" : city)
        + " "
        + (none
            ? context.text("settings.city_none_effect")
            : context.text("settings.city_effect", city));
  }

  /** The detail holds all the confirmation says. */
  @Override
  public String logged(CommandContext context, String detail) {
    return confirmation(context, detail, null);
  }
}
