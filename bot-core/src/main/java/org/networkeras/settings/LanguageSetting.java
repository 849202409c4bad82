package org.networkeras.settings;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;
import org.networkeras.command.Words;
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
    String word = Words.fold(typed.strip());
    Language language =
        SettingValues.isOff(typed) || word.equals("auto") || word.equals("automatique")
            ? null
            : switch (word) {
              case "francais", "french" -> Language.FR;
              case "anglais", "english" -> Language.EN;
              default ->
                  Language.parse(typed.toLowerCase(Locale.ROOT))
                      .orElseThrow(() -> new CommandException("settings.bad_language", typed));
            };
    communities.setLanguage(context.community(), language);
    return "language=" + (language == null ? "auto" : language.code());
  }

  @Override
  public String show(CommandContext context, CommunitySettings current) {
    Language language = context.community().language();
    return context.text("settings.language." + (language == null ? "auto" : language.code()));
  }

  /** The community's object is the one before the change: the new language is in the detail. */
  @Override
  public String confirmation(CommandContext context, String detail, CommunitySettings after) {
    return context.text(
        "settings.line",
        context.text("settings.key.language"),
        SettingsCommand.word(context, key()),
        context.text("settings.language." + detail.substring(detail.indexOf('=') + 1)));
  }

  /** The detail holds all the confirmation says. */
  @Override
  public String logged(CommandContext context, String detail) {
    return confirmation(context, detail, null);
  }
}
