package org.networkeras.settings;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Arguments;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.chat.Visibility;
import org.networkeras.command.ArgumentParser;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.ParsedArguments;
import org.networkeras.command.Words;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.moderation.ModerationLog;

/**
 * {@code /settings [setting] [value]}: shows the community's settings, or changes one. Each setting
 * is its own {@link Setting} (parsing its value, writing it alone); this command finds it, parses
 * what follows its key against its parts, logs the change and confirms it. Listings and
 * confirmations are {@link Visibility#SECRET}: for the admin's eyes only. The dispatcher lets only
 * admins in.
 *
 * <p>Typed as text, everything after the setting is its value ({@code /settings moderator add
 * @bob}); on Discord the value is an option, and a person is picked in the {@code member} option.
 */
public final class SettingsCommand implements CommandHandler {

  private final SettingsRegistry registry;
  private final SettingsService settings;
  private final ModerationLog log;
  private final Messages messages;
  private final CommandSpec spec;
  private final Map<String, CommandSpec> valueSpecs = new HashMap<>();

  public SettingsCommand(
      SettingsRegistry registry, SettingsService settings, ModerationLog log, Messages messages) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.log = Objects.requireNonNull(log, "log");
    this.messages = Objects.requireNonNull(messages, "messages");
    LocalizedText description = LocalizedText.of(messages, "settings.description");
    this.spec =
        new CommandSpec(
            "settings",
            description,
            List.of(
                new ParameterSpec(
                    "setting",
                    LocalizedText.of(messages, "settings.param.setting"),
                    ParameterSpec.Type.WORD,
                    false,
                    registry.keys().stream()
                        .map(
                            k ->
                                new ParameterSpec.Choice(
                                    k, LocalizedText.of(messages, "settings.key." + k)))
                        .toList(),
                    ParameterSpec.Autocomplete.NONE),
                ParameterSpec.of(
                    "value",
                    LocalizedText.of(messages, "settings.param.value"),
                    ParameterSpec.Type.TEXT,
                    false),
                ParameterSpec.of(
                    "member",
                    LocalizedText.of(messages, "settings.param.member"),
                    ParameterSpec.Type.MEMBER,
                    false)),
            Role.ADMIN,
            CommandSpec.Scope.ANYWHERE,
            false);
    LocalizedText part = LocalizedText.of(messages, "settings.param.value");
    for (Setting setting : registry.all()) {
      valueSpecs.put(
          setting.key(),
          new CommandSpec(
              "settings",
              description,
              setting.parts().stream()
                  .map(p -> ParameterSpec.of(p.name(), part, p.type(), true))
                  .toList(),
              Role.ADMIN,
              CommandSpec.Scope.ANYWHERE,
              false));
    }
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    Optional<String> key = context.arguments().get("setting");
    if (key.isEmpty()) {
      return show(context);
    }
    Setting setting =
        find(key.get())
            .orElseThrow(
                () ->
                    new CommandException(
                        "settings.unknown",
                        key.get(),
                        String.join(
                            ", ", registry.keys().stream().map(k -> word(context, k)).toList())));
    String value = context.arguments().get("value").orElse("").strip();
    if (value.isEmpty()) {
      throw new CommandException("settings.value_missing", word(context, setting.key()));
    }
    String detail = setting.change(parseValue(setting, value, context), context);
    log.record(
        context.community().id(),
        context.command().user(),
        ModerationLog.Action.SETTINGS,
        null,
        detail,
        context.now());
    return context
        .reply()
        .line(
            Piece.text(context.text("settings.changed") + " "),
            Piece.text(
                setting.confirmation(context, detail, settings.settings(context.community()))))
        .visibility(Visibility.SECRET)
        .build();
  }

  /**
   * Parses a setting's value as a command's arguments: the value's words, the person picked in the
   * {@code member} option, and the people the platform recognised in the command.
   */
  private ParsedArguments parseValue(Setting setting, String value, CommandContext context) {
    Arguments typed = context.command().arguments();
    Map<String, String> options = new LinkedHashMap<>();
    typed.option("member").ifPresent(member -> options.put("member", member));
    Arguments arguments = new Arguments(options, value, typed.mentions(), typed.repliedTo());
    return ArgumentParser.parse(
        valueSpecs.get(setting.key()),
        arguments,
        context.command().conversation().platform(),
        context.capabilities().personNaming());
  }

  /** A setting by its key or by its word in any language ({@code ville}, {@code rappels}). */
  private Optional<Setting> find(String typed) {
    Optional<Setting> byKey = registry.find(typed);
    if (byKey.isPresent()) {
      return byKey;
    }
    String folded = Words.fold(typed.strip());
    for (String key : registry.keys()) {
      for (Language language : Language.values()) {
        if (Words.fold(messages.get(language, "settings.word." + key)).equals(folded)) {
          return registry.find(key);
        }
      }
    }
    return Optional.empty();
  }

  /** The word a setting is typed with in the member's language: {@code city}, {@code ville}. */
  static String word(CommandContext context, String key) {
    return context.text("settings.word." + key);
  }

  private Reply show(CommandContext context) {
    CommunitySettings current = settings.settings(context.community());
    Reply.Builder reply = context.reply().visibility(Visibility.SECRET);
    reply.line(Piece.bold(context.text("settings.title")));
    for (Setting setting : registry.all()) {
      reply.line(
          Line.text(
              context.text(
                  "settings.line",
                  context.text("settings.key." + setting.key()),
                  word(context, setting.key()),
                  setting.show(context, current))));
    }
    reply.line(Line.text(context.text("settings.hint")));
    return reply.build();
  }
}
