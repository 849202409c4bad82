package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

final class TelegramCommandMenusTest {

  private static final List<CommandSpec> SPECS = representativeSpecs();

  @Test
  void everyMenuPassesTheLibrarysValidationAndTelegramsLimits() {
    // when
    List<SetMyCommands> menus = TelegramCommandMenus.menus(SPECS);

    // then
    assertThat(menus).hasSize(6);
    for (SetMyCommands menu : menus) {
      assertThatCode(menu::validate).doesNotThrowAnyException();
      assertThat(menu.getCommands()).hasSizeBetween(1, 100);
      for (BotCommand command : menu.getCommands()) {
        assertThat(command.getCommand()).matches("[a-z0-9_]{1,32}");
        assertThat(command.getDescription()).hasSizeBetween(1, 256);
      }
    }
    assertThat(menus).extracting(SetMyCommands::getLanguageCode).containsOnly(null, "fr");
  }

  @Test
  void keepsTheFirstHundredCommandsWhenCoreDeclaresMore() {
    // given
    List<CommandSpec> many = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      many.add(
          new CommandSpec(
              "command_" + i,
              new LocalizedText("Command " + i, "Commande " + i),
              List.of(),
              Role.MEMBER,
              CommandSpec.Scope.ANYWHERE,
              false));
    }

    // when
    List<SetMyCommands> menus = TelegramCommandMenus.menus(many);

    // then
    assertThat(menus)
        .allSatisfy(
            menu -> {
              assertThat(menu.getCommands()).hasSize(100);
              assertThatCode(menu::validate).doesNotThrowAnyException();
            });
    assertThat(menus.get(0).getCommands().get(99).getCommand()).isEqualTo("command_99");
  }

  @Test
  void writesEachMenuInItsLanguage() {
    // when
    List<SetMyCommands> menus = TelegramCommandMenus.menus(SPECS);

    // then
    BotCommand english = find(menus, null, "all_private_chats", "events");
    BotCommand french = find(menus, "fr", "all_private_chats", "events");
    assertThat(english.getDescription()).isEqualTo("List upcoming events — [when]");
    assertThat(french.getDescription()).isEqualTo("Lister les prochains événements — [quand]");
  }

  @Test
  void keepsModeratorCommandsForAdministratorsAndGroupCommandsOutOfPrivateChats() {
    // when
    List<SetMyCommands> menus = TelegramCommandMenus.menus(SPECS);

    // then
    assertThat(names(menus, null, "all_private_chats"))
        .containsExactly("events", "when", "everything");
    assertThat(names(menus, null, "all_group_chats"))
        .containsExactly("events", "when", "everything", "link");
    assertThat(names(menus, null, "all_chat_administrators"))
        .containsExactly("events", "when", "everything", "link", "approve");
  }

  @Test
  void dropsTheUsageHintWhenTheDescriptionWouldGetTooLong() {
    // when
    List<SetMyCommands> menus = TelegramCommandMenus.menus(SPECS);

    // then
    assertThat(find(menus, null, "all_private_chats", "everything").getDescription())
        .isEqualTo("x".repeat(100));
  }

  @Test
  void writesEveryPayloadAsJson() throws Exception {
    // when
    JsonNode payloads = new ObjectMapper().readTree(TelegramCommandMenus.payloadsJson(SPECS));

    // then
    assertThat(payloads.isArray()).isTrue();
    assertThat(payloads).hasSize(6);
    JsonNode first = payloads.get(0);
    assertThat(first.get("scope").get("type").asText()).isEqualTo("all_private_chats");
    assertThat(first.get("commands").get(0).get("command").asText()).isEqualTo("events");
    assertThat(payloads.get(3).get("language_code").asText()).isEqualTo("fr");
  }

  private static List<String> names(List<SetMyCommands> menus, String language, String scope) {
    return menu(menus, language, scope).getCommands().stream().map(BotCommand::getCommand).toList();
  }

  private static BotCommand find(
      List<SetMyCommands> menus, String language, String scope, String name) {
    return menu(menus, language, scope).getCommands().stream()
        .filter(command -> command.getCommand().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static SetMyCommands menu(List<SetMyCommands> menus, String language, String scope) {
    return menus.stream()
        .filter(menu -> java.util.Objects.equals(menu.getLanguageCode(), language))
        .filter(menu -> menu.getScope().getType().equals(scope))
        .findFirst()
        .orElseThrow();
  }

  private static List<CommandSpec> representativeSpecs() {
    List<ParameterSpec> many = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      many.add(
          new ParameterSpec(
              "parameter_with_a_long_name_" + i,
              new LocalizedText("A parameter", "Un paramètre"),
              ParameterSpec.Type.WORD,
              false,
              List.of(),
              ParameterSpec.Autocomplete.NONE));
    }
    ParameterSpec when =
        new ParameterSpec(
            "when",
            new LocalizedText("When, e.g. tonight", "Quand, par ex. ce soir"),
            ParameterSpec.Type.TEXT,
            false,
            List.of(),
            ParameterSpec.Autocomplete.NONE);
    ParameterSpec ref =
        new ParameterSpec(
            "event",
            new LocalizedText("The event", "L'événement"),
            ParameterSpec.Type.WORD,
            true,
            List.of(),
            ParameterSpec.Autocomplete.EVENT_REF);
    return List.of(
        new CommandSpec(
            "events",
            new LocalizedText("List upcoming events", "Lister les prochains événements"),
            List.of(when),
            Role.MEMBER,
            CommandSpec.Scope.ANYWHERE,
            false),
        new CommandSpec(
            "when",
            new LocalizedText(
                "Show how the bot reads a time", "Montrer comment le bot lit une date"),
            List.of(when),
            Role.MEMBER,
            CommandSpec.Scope.ANYWHERE,
            false),
        new CommandSpec(
            "everything",
            new LocalizedText("x".repeat(100), "é".repeat(100)),
            many,
            Role.MEMBER,
            CommandSpec.Scope.ANYWHERE,
            true),
        new CommandSpec(
            "link",
            new LocalizedText("Link this group to a community", "Lier ce groupe à une communauté"),
            List.of(),
            Role.MEMBER,
            CommandSpec.Scope.GROUP_ONLY,
            false),
        new CommandSpec(
            "approve",
            new LocalizedText("Approve a suggestion", "Approuver une suggestion"),
            List.of(ref),
            Role.MODERATOR,
            CommandSpec.Scope.GROUP_ONLY,
            false));
  }
}
