package org.networkeras.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.networkeras.chat.Arguments;
import org.networkeras.chat.Capabilities.PersonNaming;
import org.networkeras.chat.Mention;
import org.networkeras.chat.Person;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Role;

/** Typed words and options onto a command's parameters; people only as the platform names them. */
final class ArgumentParserTest {

  private static final LocalizedText WHAT = new LocalizedText("what", "quoi");
  private static final CommandSpec PROMOTE =
      new CommandSpec(
          "promote",
          WHAT,
          List.of(
              ParameterSpec.of("action", WHAT, ParameterSpec.Type.WORD, true),
              ParameterSpec.of("member", WHAT, ParameterSpec.Type.MEMBER, true),
              ParameterSpec.of("note", WHAT, ParameterSpec.Type.TEXT, false)),
          Role.ADMIN,
          CommandSpec.Scope.ANYWHERE,
          false);
  private static final Person BOB = new Person(Platform.TELEGRAM, "222", "Bob");
  private static final Person CAROL = new Person(Platform.TELEGRAM, "333", "Carol Martin");

  @Test
  void takesThePersonAMentionNamesEvenOverSeveralWords() {
    // given
    Arguments typed =
        Arguments.ofText("add Carol Martin because she asked")
            .naming(List.of(new Mention("Carol Martin", CAROL), new Mention("@bob", BOB)), null);

    // when
    ParsedArguments parsed =
        ArgumentParser.parse(PROMOTE, typed, Platform.TELEGRAM, PersonNaming.REPLY_OR_MENTION);

    // then
    assertThat(parsed.person("member")).contains(CAROL);
    assertThat(parsed.get("member")).contains("Carol Martin");
    assertThat(parsed.get("note")).contains("because she asked");
  }

  @Test
  void takesThePersonTheCommandRepliesToWhenNoneIsTyped() {
    // when
    ParsedArguments parsed =
        ArgumentParser.parse(
            PROMOTE,
            Arguments.ofText("add").naming(List.of(), BOB),
            Platform.TELEGRAM,
            PersonNaming.REPLY_OR_MENTION);

    // then
    assertThat(parsed.person("member")).contains(BOB);
    assertThat(parsed.get("member")).isEmpty();
  }

  @Test
  void takesAPickedOptionByTheIdThePlatformResolved() {
    // given: Discord sends the user's id as the option value, and the user it resolved
    Person dana = new Person(Platform.DISCORD, "444", "Dana");
    Arguments picked =
        Arguments.ofOptions(Map.of("action", "add", "member", "444"))
            .naming(List.of(new Mention("444", dana)), null);

    // when
    ParsedArguments parsed =
        ArgumentParser.parse(PROMOTE, picked, Platform.DISCORD, PersonNaming.PICKER);

    // then
    assertThat(parsed.person("member")).contains(dana);
  }

  @Test
  void neverTakesAnUnresolvedNameOnAPlatformThatNamesPeopleByMention() {
    assertThatThrownBy(
            () ->
                ArgumentParser.parse(
                    PROMOTE,
                    Arguments.ofText("add alice"),
                    Platform.TELEGRAM,
                    PersonNaming.REPLY_OR_MENTION))
        .isInstanceOfSatisfying(
            CommandException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("command.member_unknown.reply_or_mention");
              assertThat(e.arguments()).containsExactly("alice");
            });
    assertThatThrownBy(
            () ->
                ArgumentParser.parse(
                    PROMOTE, Arguments.ofText("add"), Platform.DISCORD, PersonNaming.PICKER))
        .isInstanceOfSatisfying(
            CommandException.class,
            e -> assertThat(e.messageKey()).isEqualTo("command.member_missing.picker"));
  }

  @Test
  void takesATypedWordAsTheIdWherePeopleAreNamedById() {
    // when
    ParsedArguments parsed =
        ArgumentParser.parse(
            PROMOTE, Arguments.ofText("add @bob"), Platform.CONSOLE, PersonNaming.TYPED_ID);

    // then
    assertThat(parsed.person("member")).contains(new Person(Platform.CONSOLE, "bob", "bob"));
  }
}
