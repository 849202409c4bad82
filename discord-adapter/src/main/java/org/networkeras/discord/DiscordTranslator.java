package org.networkeras.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import org.networkeras.chat.Arguments;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Mention;
import org.networkeras.chat.Person;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Role;

/**
 * Turns what Discord says about an interaction into core's words: who (with the role their
 * permissions grant and their client's locale), where, and with which options. Stateless.
 */
final class DiscordTranslator {

  private DiscordTranslator() {}

  /** The member who interacted, with the role Discord grants them where they are. */
  static ChatUser user(Interaction interaction) {
    User user = interaction.getUser();
    Member member = interaction.getMember();
    String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
    return new ChatUser(Platform.DISCORD, user.getId(), name, locale(interaction), role(member));
  }

  /**
   * The role Discord's permissions grant: Administrator is an admin, Manage Server or Manage Events
   * a moderator, anyone else (and anyone outside a guild) a member.
   */
  static Role role(Member member) {
    if (member == null) {
      return Role.MEMBER;
    }
    if (member.hasPermission(Permission.ADMINISTRATOR)) {
      return Role.ADMIN;
    }
    if (member.hasPermission(Permission.MANAGE_SERVER)
        || member.hasPermission(Permission.MANAGE_EVENTS)) {
      return Role.MODERATOR;
    }
    return Role.MEMBER;
  }

  /** The locale of the member's Discord client, or {@code null} when Discord did not say. */
  static Locale locale(Interaction interaction) {
    DiscordLocale locale = interaction.getUserLocale();
    if (locale == null || locale == DiscordLocale.UNKNOWN) {
      return null;
    }
    return Locale.forLanguageTag(locale.getLocale());
  }

  /**
   * A guild channel belongs to its guild's community, named by the server's name; anything else is
   * a direct chat.
   */
  static Conversation conversation(Interaction interaction) {
    String channelId = interaction.getChannelId();
    if (interaction.isFromGuild()) {
      return Conversation.group(
          Platform.DISCORD,
          channelId,
          interaction.getGuild().getId(),
          interaction.getGuild().getName());
    }
    return Conversation.direct(Platform.DISCORD, channelId);
  }

  /**
   * The options as core's arguments, by name, each as the text Discord sent; a user option's text
   * is the user's id, and the user Discord resolved is the person that id names.
   */
  static Arguments arguments(Iterable<OptionMapping> options) {
    Map<String, String> values = new LinkedHashMap<>();
    List<Mention> mentions = new ArrayList<>();
    for (OptionMapping option : options) {
      values.put(option.getName(), option.getAsString());
      if (option.getType() == OptionType.USER) {
        User user = option.getAsUser();
        Member member = option.getAsMember();
        String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
        mentions.add(
            new Mention(option.getAsString(), new Person(Platform.DISCORD, user.getId(), name)));
      }
    }
    return Arguments.ofOptions(values).naming(mentions, null);
  }
}
