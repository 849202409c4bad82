package org.networkeras.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.Usage;
import org.networkeras.i18n.Language;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;

/**
 * The bot's command menus ({@code setMyCommands}), rendered from core's command specs: one menu per
 * language (the default one in English, one for French-speaking users) and per place.
 *
 * <ul>
 *   <li>private chats: commands members may use outside a group ({@link CommandSpec.Scope#ANYWHERE}
 *       with a {@link Role#MEMBER} audience; a private chat grants no more than that);
 *   <li>group chats: commands for members;
 *   <li>group administrators: every command, moderators' included (Telegram shows this menu to the
 *       chat's administrators instead of the group one).
 * </ul>
 *
 * <p>A menu with no command is left out ({@code setMyCommands} refuses an empty list). Stateless.
 */
public final class TelegramCommandMenus {

  /** Telegram's longest command description. */
  static final int MAX_DESCRIPTION = 256;

  /** Telegram's most commands in one menu. */
  static final int MAX_COMMANDS = 100;

  private TelegramCommandMenus() {}

  /** Every {@code setMyCommands} call to make at start-up, in order. */
  static List<SetMyCommands> menus(List<CommandSpec> specs) {
    List<SetMyCommands> menus = new ArrayList<>();
    for (Language language : Language.values()) {
      String languageCode = language == Language.EN ? null : language.code();
      add(
          menus,
          specs,
          spec -> spec.scope() == CommandSpec.Scope.ANYWHERE && spec.audience() == Role.MEMBER,
          new BotCommandScopeAllPrivateChats(),
          language,
          languageCode);
      add(
          menus,
          specs,
          spec -> spec.audience() == Role.MEMBER,
          new BotCommandScopeAllGroupChats(),
          language,
          languageCode);
      add(
          menus,
          specs,
          spec -> true,
          new BotCommandScopeAllChatAdministrators(),
          language,
          languageCode);
    }
    return menus;
  }

  /**
   * The JSON of every {@code setMyCommands} payload {@link TelegramAdapter} sends at start-up, as
   * an array of Bot API request bodies, for {@code networkeras commands telegram} to show or for
   * setting the menus by hand.
   */
  public static String payloadsJson(List<CommandSpec> specs) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      return mapper.writeValueAsString(menus(specs));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("command menus cannot be written as JSON", e);
    }
  }

  /**
   * A menu line: the spec's description and, when it fits, its parameters in the menu's language.
   */
  static String description(CommandSpec spec, Language language) {
    String description = spec.description().in(language);
    if (spec.parameters().isEmpty()) {
      return description;
    }
    StringBuilder usage = new StringBuilder();
    for (ParameterSpec parameter : spec.parameters()) {
      usage.append(' ').append(Usage.placeholder(parameter, language));
    }
    String withUsage = description + " —" + usage;
    return withUsage.length() <= MAX_DESCRIPTION ? withUsage : description;
  }

  private static void add(
      List<SetMyCommands> menus,
      List<CommandSpec> specs,
      Predicate<CommandSpec> shown,
      BotCommandScope scope,
      Language language,
      String languageCode) {
    List<BotCommand> commands =
        specs.stream()
            .filter(shown)
            .limit(MAX_COMMANDS)
            .map(spec -> new BotCommand(spec.name(), description(spec, language)))
            .toList();
    if (commands.isEmpty()) {
      return;
    }
    menus.add(new SetMyCommands(new ArrayList<>(commands), scope, languageCode));
  }
}
