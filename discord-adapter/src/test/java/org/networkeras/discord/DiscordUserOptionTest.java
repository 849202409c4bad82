package org.networkeras.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import org.junit.jupiter.api.Test;
import org.networkeras.chat.Arguments;
import org.networkeras.chat.Mention;
import org.networkeras.chat.Person;
import org.networkeras.chat.Platform;

/** A person picked in a user option reaches core as the account Discord resolved. */
final class DiscordUserOptionTest {

  @Test
  void passesThePickedUsersIdAndServerNameToCore() {
    // given: /settings setting:moderator value:add member:@Bob
    User bob = mock(User.class);
    when(bob.getId()).thenReturn("222");
    when(bob.getEffectiveName()).thenReturn("bob_global");
    Member bobHere = mock(Member.class);
    when(bobHere.getEffectiveName()).thenReturn("Bob (Paris)");
    OptionMapping member = option("member", OptionType.USER, "222");
    when(member.getAsUser()).thenReturn(bob);
    when(member.getAsMember()).thenReturn(bobHere);

    // when
    Arguments arguments =
        DiscordTranslator.arguments(
            List.of(
                option("setting", OptionType.STRING, "moderator"),
                option("value", OptionType.STRING, "add"),
                member));

    // then
    assertThat(arguments.options())
        .containsEntry("setting", "moderator")
        .containsEntry("value", "add")
        .containsEntry("member", "222");
    assertThat(arguments.mentions())
        .containsExactly(new Mention("222", new Person(Platform.DISCORD, "222", "Bob (Paris)")));
  }

  @Test
  void namesAUserOutsideTheServerByTheirDiscordName() {
    // given: in a direct message Discord resolves a user but no member
    User bob = mock(User.class);
    when(bob.getId()).thenReturn("222");
    when(bob.getEffectiveName()).thenReturn("Bob");
    OptionMapping member = option("member", OptionType.USER, "222");
    when(member.getAsUser()).thenReturn(bob);

    // when
    Arguments arguments = DiscordTranslator.arguments(List.of(member));

    // then
    assertThat(arguments.mentions())
        .extracting(Mention::person)
        .containsExactly(new Person(Platform.DISCORD, "222", "Bob"));
  }

  @Test
  void aTextOptionNamesNobody() {
    // when
    Arguments arguments =
        DiscordTranslator.arguments(List.of(option("value", OptionType.STRING, "add Bob")));

    // then
    assertThat(arguments.mentions()).isEmpty();
  }

  private static OptionMapping option(String name, OptionType type, String value) {
    OptionMapping option = mock(OptionMapping.class);
    when(option.getName()).thenReturn(name);
    when(option.getType()).thenReturn(type);
    when(option.getAsString()).thenReturn(value);
    return option;
  }
}
