package org.networkeras.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.ParameterSpec;

final class DiscordCommandRendererTest {

  private static final Pattern NAME = Pattern.compile("^[-_\\p{L}\\p{N}]{1,32}$");
  private static final int STRING = 3;
  private static final int INTEGER = 4;
  private static final int USER = 6;

  @Test
  void rendersEveryRepresentativeSpecAsValidSlashCommandData() {
    // given
    List<CommandSpec> specs = SampleSpecs.representative();

    // when
    DataArray commands = DataArray.fromJson(DiscordCommandRenderer.commandsJson(specs));

    // then
    assertValidSlashCommands(specs, commands);
  }

  @Test
  void rendersWhateverSpecsTheCoreDeclares() {
    // given a core; the lead engineer's real core can be fed here once it exists
    BotCore core = mock(BotCore.class);
    when(core.commandSpecs()).thenReturn(SampleSpecs.representative());

    // when
    DataArray commands =
        DataArray.fromJson(DiscordCommandRenderer.commandsJson(core.commandSpecs()));

    // then
    assertValidSlashCommands(core.commandSpecs(), commands);
  }

  @Test
  void registersTheFirstHundredCommandsAndTwentyFiveOptionsOfEach() {
    // given more commands and options than Discord takes
    List<ParameterSpec> options = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      options.add(
          SampleSpecs.parameter(
              "option_" + i, ParameterSpec.Type.WORD, false, ParameterSpec.Autocomplete.NONE));
    }
    List<CommandSpec> specs = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      specs.add(
          new CommandSpec(
              "command_" + i,
              SampleSpecs.text("Command " + i, "Commande " + i),
              i == 0 ? options : List.of(),
              Role.MEMBER,
              CommandSpec.Scope.ANYWHERE,
              false));
    }

    // when
    DataArray commands = DataArray.fromJson(DiscordCommandRenderer.commandsJson(specs));

    // then
    assertThat(commands.length()).isEqualTo(100);
    assertThat(commands.getObject(99).getString("name")).isEqualTo("command_99");
    assertThat(commands.getObject(0).getArray("options").length()).isEqualTo(25);
  }

  @Test
  void marksGroupOnlyCommandsAsGuildOnlyAndOthersAsUsableInDirectMessages() {
    // given
    List<CommandSpec> specs = SampleSpecs.representative();

    // when
    Map<String, DataObject> commands = byName(DiscordCommandRenderer.commandsJson(specs));

    // then
    assertThat(contexts(commands.get("suggest"))).containsExactly(0);
    assertThat(contexts(commands.get("events"))).containsExactlyInAnyOrder(0, 1);
    assertThat(commands.get("events").getArray("integration_types").getInt(0)).isZero();
  }

  @Test
  void restrictsCommandsAboveMembersByDefaultPermissions() {
    // given
    List<CommandSpec> specs = SampleSpecs.representative();

    // when
    Map<String, DataObject> commands = byName(DiscordCommandRenderer.commandsJson(specs));

    // then
    assertThat(commands.get("approve").getString("default_member_permissions"))
        .isEqualTo(Long.toString(Permission.MANAGE_EVENTS.getRawValue()));
    assertThat(commands.get("settings").getString("default_member_permissions"))
        .isEqualTo(Long.toString(Permission.ADMINISTRATOR.getRawValue()));
    assertThat(commands.get("events").isNull("default_member_permissions")).isTrue();
  }

  @Test
  void localizesDescriptionsAndChoicesInFrench() {
    // given
    List<CommandSpec> specs = SampleSpecs.representative();

    // when
    DataObject family = byName(DiscordCommandRenderer.commandsJson(specs)).get("family");

    // then
    assertThat(family.getObject("description_localizations").getString("fr"))
        .isEqualTo("Les événements d'une famille");
    DataObject firstChoice =
        family.getArray("options").getObject(0).getArray("choices").getObject(0);
    assertThat(firstChoice.getString("name")).isEqualTo("Networking");
    assertThat(firstChoice.getString("value")).isEqualTo("networking");
    assertThat(firstChoice.getObject("name_localizations").getString("fr")).isEqualTo("Réseautage");
  }

  @Test
  void asksForAutocompleteOnlyWhereTheSpecDoesAndNoChoicesAreFixed() {
    // given
    List<CommandSpec> specs = SampleSpecs.representative();

    // when
    Map<String, DataObject> commands = byName(DiscordCommandRenderer.commandsJson(specs));

    // then
    DataObject city = commands.get("events").getArray("options").getObject(1);
    assertThat(city.getBoolean("autocomplete")).isTrue();
    DataObject when = commands.get("events").getArray("options").getObject(0);
    assertThat(when.getBoolean("autocomplete", false)).isFalse();
    DataObject family = commands.get("family").getArray("options").getObject(0);
    assertThat(family.getBoolean("autocomplete", false)).isFalse();
    assertThat(family.getArray("choices").length()).isEqualTo(4);
  }

  @Test
  void typesNumberParametersAsIntegersWithNumberChoices() {
    // given
    List<CommandSpec> specs = SampleSpecs.representative();

    // when
    DataObject minutes =
        byName(DiscordCommandRenderer.commandsJson(specs))
            .get("reminders")
            .getArray("options")
            .getObject(0);

    // then
    assertThat(minutes.getInt("type")).isEqualTo(INTEGER);
    assertThat(minutes.getArray("choices").getObject(0).getLong("value")).isEqualTo(15L);
  }

  @Test
  void rendersAPersonAsAUserOptionThatDiscordFillsFromTheServersMembers() {
    // given
    CommandSpec promote =
        new CommandSpec(
            "promote",
            SampleSpecs.text("Name a moderator", "Nommer un modérateur"),
            List.of(
                SampleSpecs.parameter(
                    "member", ParameterSpec.Type.MEMBER, true, ParameterSpec.Autocomplete.NONE)),
            Role.ADMIN,
            CommandSpec.Scope.GROUP_ONLY,
            false);

    // when
    DataArray commands = DataArray.fromJson(DiscordCommandRenderer.commandsJson(List.of(promote)));

    // then
    DataObject member = commands.getObject(0).getArray("options").getObject(0);
    assertThat(member.getInt("type")).isEqualTo(USER);
    assertThat(member.getBoolean("required")).isTrue();
    assertThat(member.hasKey("choices")).isFalse();
    assertThat(member.getBoolean("autocomplete", false)).isFalse();
    assertValidSlashCommands(List.of(promote), commands);
  }

  /** Discord's documented rules for application commands, checked on the JSON we would send. */
  static void assertValidSlashCommands(List<CommandSpec> specs, DataArray commands) {
    assertThat(commands.length()).isEqualTo(specs.size()).isLessThanOrEqualTo(100);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < commands.length(); i++) {
      CommandSpec spec = specs.get(i);
      DataObject command = commands.getObject(i);
      String name = command.getString("name");
      names.add(name);
      assertThat(name).isEqualTo(spec.name()).matches(NAME).isLowerCase();
      assertThat(command.getInt("type")).isEqualTo(1);
      assertThat(command.getString("description")).hasSizeBetween(1, 100);
      assertThat(command.getObject("description_localizations").getString("fr"))
          .isEqualTo(spec.description().fr())
          .hasSizeBetween(1, 100);
      int characters = name.length() + command.getString("description").length();
      DataArray options = command.getArray("options");
      assertThat(options.length()).isEqualTo(spec.parameters().size()).isLessThanOrEqualTo(25);
      boolean optionalSeen = false;
      List<String> optionNames = new ArrayList<>();
      for (int j = 0; j < options.length(); j++) {
        ParameterSpec parameter = spec.parameters().get(j);
        DataObject option = options.getObject(j);
        optionNames.add(option.getString("name"));
        assertThat(option.getString("name")).isEqualTo(parameter.name()).matches(NAME);
        assertThat(option.getInt("type"))
            .isEqualTo(
                switch (parameter.type()) {
                  case INTEGER -> INTEGER;
                  case MEMBER -> USER;
                  case WORD, TEXT -> STRING;
                });
        assertThat(option.getString("description")).hasSizeBetween(1, 100);
        assertThat(option.getObject("description_localizations").getString("fr"))
            .hasSizeBetween(1, 100);
        boolean required = option.getBoolean("required", false);
        assertThat(required).isEqualTo(parameter.required());
        assertThat(required && optionalSeen).as("required options come first").isFalse();
        optionalSeen |= !required;
        characters += option.getString("name").length() + option.getString("description").length();
        DataArray choices = option.optArray("choices").orElse(DataArray.empty());
        assertThat(choices.length()).isEqualTo(parameter.choices().size()).isLessThanOrEqualTo(25);
        if (choices.length() > 0) {
          assertThat(option.getBoolean("autocomplete", false)).isFalse();
        } else {
          assertThat(option.getBoolean("autocomplete", false))
              .isEqualTo(parameter.autocomplete() != ParameterSpec.Autocomplete.NONE);
        }
        for (int k = 0; k < choices.length(); k++) {
          DataObject choice = choices.getObject(k);
          assertThat(choice.getString("name")).hasSizeBetween(1, 100);
          assertThat(choice.getObject("name_localizations").getString("fr")).hasSizeBetween(1, 100);
          assertThat(String.valueOf(choice.get("value"))).hasSizeBetween(1, 100);
          characters +=
              choice.getString("name").length() + String.valueOf(choice.get("value")).length();
        }
      }
      assertThat(optionNames).doesNotHaveDuplicates();
      assertThat(characters).isLessThanOrEqualTo(DiscordCommandRenderer.MAX_COMMAND_CHARACTERS);
      assertThat(contexts(command))
          .isEqualTo(spec.scope() == CommandSpec.Scope.GROUP_ONLY ? List.of(0) : List.of(0, 1));
      if (spec.audience() == Role.MEMBER) {
        assertThat(command.isNull("default_member_permissions")).isTrue();
      } else {
        assertThat(command.getString("default_member_permissions")).isNotEqualTo("0");
      }
    }
    assertThat(names).doesNotHaveDuplicates();
  }

  private static List<Integer> contexts(DataObject command) {
    DataArray contexts = command.getArray("contexts");
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < contexts.length(); i++) {
      values.add(contexts.getInt(i));
    }
    return values;
  }

  private static Map<String, DataObject> byName(String json) {
    DataArray array = DataArray.fromJson(json);
    List<DataObject> commands = new ArrayList<>();
    for (int i = 0; i < array.length(); i++) {
      commands.add(array.getObject(i));
    }
    return commands.stream().collect(Collectors.toMap(c -> c.getString("name"), c -> c));
  }
}
