package org.networkeras.settings;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;
import org.networkeras.community.CommunityService;
import org.networkeras.i18n.Language;

/** {@code /settings language en|fr|auto}: the language of every reply, or each member's own. */
final class LanguageSetting implements Setting {

  private final CommunityService communities;

  LanguageSetting(CommunityService communities) {
    this.communities = Objects.requireNonNull(communities, "communities");
  }

  @Override
  public String key() {
    return "language";
  }

  @Override
  public List<Part> parts() {
    return List.of(new Part("language", ParameterSpec.Type.WORD));
  }

  @Override
  public String change(ParsedArguments value, CommandContext context) {
    String typed = value.require("language");
    Language language =
        SettingValues.isOff(typed) || typed.equalsIgnoreCase("auto")
            ? null
            : Language.parse(typed.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new CommandException("settings.bad_language", typed));
    communities.setLanguage(context.community(), language);
    return "language=" + (language == null ? "auto" : language.code());
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    return context.community().language() == null ? "auto" : context.community().language().code();
  }
}
