package org.networkeras.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Arguments;
import org.networkeras.chat.Mention;
import org.networkeras.chat.Person;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Usernames;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Who a Telegram command names, as Telegram identifies them: the author of the message it replies
 * to, a {@code text_mention} (someone picked from the mention list, with or without a username), or
 * an {@code @username} the bot has seen with its user id. Display names never name anyone.
 *
 * <p>To know usernames, it records those of the people each message shows (its author, whom it
 * replies to, people it mentions by name, new members) in {@link Usernames}, which keeps the latest
 * sighting of each. With privacy mode on, a bot sees only commands and replies to itself in groups,
 * so a member it never saw is named by a reply or a mention picked from the list. Thread-safe.
 */
final class TelegramPeople {

  private final Usernames usernames;

  TelegramPeople(Usernames usernames) {
    this.usernames = Objects.requireNonNull(usernames, "usernames");
  }

  /** A person as a message showed them. */
  record Sighting(Person person, String username) {}

  /** Records the usernames of the people a message shows; bots are left out. */
  void record(Message message) {
    for (Sighting sighting : sightings(message)) {
      usernames.seen(sighting.person(), sighting.username());
    }
  }

  /**
   * The arguments of a command message: the text after the command and the people it names.
   *
   * @param text what follows the command name in the message
   */
  Arguments arguments(Message message, String text) {
    List<Mention> mentions = new ArrayList<>();
    String full = message.getText();
    if (message.getEntities() != null && full != null) {
      for (MessageEntity entity : message.getEntities()) {
        mention(full, entity).ifPresent(mentions::add);
      }
    }
    return Arguments.ofText(text).naming(mentions, repliedTo(message).orElse(null));
  }

  /** The person whose message a message replies to, unless a bot or a forum topic's opening. */
  static Optional<Person> repliedTo(Message message) {
    Message replied = message.getReplyToMessage();
    if (replied == null || replied.getFrom() == null || replied.getForumTopicCreated() != null) {
      return Optional.empty();
    }
    User author = replied.getFrom();
    return Boolean.TRUE.equals(author.getIsBot()) ? Optional.empty() : Optional.of(person(author));
  }

  private Optional<Mention> mention(String text, MessageEntity entity) {
    if (entity.getOffset() == null
        || entity.getLength() == null
        || entity.getOffset() < 0
        || entity.getOffset() + entity.getLength() > text.length()) {
      return Optional.empty();
    }
    // Telegram counts offsets in UTF-16 code units, as Java strings do.
    String words = text.substring(entity.getOffset(), entity.getOffset() + entity.getLength());
    if (words.isBlank()) {
      return Optional.empty();
    }
    if ("text_mention".equals(entity.getType()) && entity.getUser() != null) {
      User user = entity.getUser();
      return Boolean.TRUE.equals(user.getIsBot())
          ? Optional.empty()
          : Optional.of(new Mention(words.strip(), person(user)));
    }
    if ("mention".equals(entity.getType()) && words.startsWith("@")) {
      return usernames
          .find(Platform.TELEGRAM, words)
          .map(person -> new Mention(words.strip(), person));
    }
    return Optional.empty();
  }

  private static List<Sighting> sightings(Message message) {
    List<Sighting> seen = new ArrayList<>();
    add(seen, message.getFrom());
    Message replied = message.getReplyToMessage();
    if (replied != null) {
      add(seen, replied.getFrom());
    }
    if (message.getEntities() != null) {
      for (MessageEntity entity : message.getEntities()) {
        if ("text_mention".equals(entity.getType())) {
          add(seen, entity.getUser());
        }
      }
    }
    if (message.getNewChatMembers() != null) {
      message.getNewChatMembers().forEach(member -> add(seen, member));
    }
    return seen;
  }

  private static void add(List<Sighting> seen, User user) {
    if (user != null && user.getId() != null && !Boolean.TRUE.equals(user.getIsBot())) {
      String username = user.getUserName();
      seen.add(
          new Sighting(person(user), username == null || username.isBlank() ? null : username));
    }
  }

  /** A Telegram user as core names them: their id, and first and last name as display name. */
  static Person person(User user) {
    String name = user.getFirstName() == null ? "" : user.getFirstName();
    if (user.getLastName() != null && !user.getLastName().isBlank()) {
      name = name + " " + user.getLastName();
    }
    if (name.isBlank()) {
      name = user.getUserName() == null ? user.getId().toString() : user.getUserName();
    }
    return new Person(Platform.TELEGRAM, user.getId().toString(), name.strip());
  }
}
