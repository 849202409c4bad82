package org.networkeras.telegram;

import java.util.Locale;
import java.util.Objects;
import org.networkeras.chat.Button;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Line;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Visibility;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where core's answer goes on Telegram, which has no message only one member of a group sees. In a
 * direct chat: there. In a group: a {@link Visibility#PUBLIC} answer replies to the member's
 * message (or, for a button press, updates the message pressed); a {@link Visibility#PRIVATE} one
 * replies there too, addressed to the member, and its buttons are theirs alone; a {@link
 * Visibility#SECRET} one goes to the member's private chat only and, when Telegram refuses because
 * the member never started the bot, the group gets one line with a {@code t.me/<bot>?start=…} link
 * that asks the same again there, never the content. Thread-safe.
 */
final class TelegramAnswers {

  private static final Logger log = LoggerFactory.getLogger(TelegramAnswers.class);

  private final TelegramDelivery delivery;
  private final TelegramButtonOwners owners;
  private final TelegramResumes resumes;
  private final Messages messages;
  private final String botUsername;

  TelegramAnswers(
      TelegramDelivery delivery,
      TelegramButtonOwners owners,
      TelegramResumes resumes,
      Messages messages,
      String botUsername) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.owners = Objects.requireNonNull(owners, "owners");
    this.resumes = Objects.requireNonNull(resumes, "resumes");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.botUsername = Objects.requireNonNull(botUsername, "botUsername");
  }

  /**
   * Whether the Telegram user {@code userId} may press the buttons of the bot's message {@code
   * messageId}: those of a personal answer in a group are its member's only.
   */
  boolean mayPress(Conversation conversation, int messageId, long userId) {
    return conversation.isDirect()
        || owners
            .owner(conversation.id(), messageId)
            .map(owner -> owner.equals(Long.toString(userId)))
            .orElse(true);
  }

  /**
   * Shows the answer to a button press: a public one updates the message pressed, as on Discord.
   */
  void answerPress(Conversation conversation, ChatUser user, Asked asked, Reply reply) {
    Integer pressedOn = asked.messageId();
    if (pressedOn == null || reply.visibility() != Visibility.PUBLIC || reply.blocks().isEmpty()) {
      answer(conversation, user, asked, reply);
      return;
    }
    owners.release(conversation.id(), pressedOn);
    delivery.replace(
        conversation.id(), pressedOn, reply, () -> answer(conversation, user, asked, reply));
  }

  /**
   * Shows core's answer where it belongs: in a direct chat, there; in a group, a public answer
   * replies to the member's message, a {@link Visibility#PRIVATE} one is also addressed to the
   * member and its buttons refuse other members, and a {@link Visibility#SECRET} one goes to the
   * member's private chat only, leaving the group a one-line notice with a link that opens it when
   * the bot may not write there.
   */
  void answer(Conversation conversation, ChatUser user, Asked asked, Reply reply) {
    if (reply.blocks().isEmpty() && reply.attachments().isEmpty()) {
      return;
    }
    String chatId = conversation.id();
    if (conversation.isDirect()) {
      delivery.reply(chatId, reply, TelegramReplyRenderer.Addressing.NONE, () -> {}, id -> {});
      return;
    }
    switch (reply.visibility()) {
      case PUBLIC ->
          delivery.reply(
              chatId,
              reply,
              TelegramReplyRenderer.Addressing.replyTo(asked.messageId()),
              () -> {},
              id -> {});
      case PRIVATE ->
          delivery.reply(
              chatId,
              reply,
              new TelegramReplyRenderer.Addressing(
                  asked.messageId(), user.id(), user.displayName()),
              () -> {},
              id -> owners.own(chatId, id, user.id()));
      case SECRET ->
          delivery.reply(
              user.id(),
              reply,
              TelegramReplyRenderer.Addressing.NONE,
              () -> offerPrivateChat(conversation, user, asked, reply),
              id -> {});
    }
  }

  /**
   * The member never opened a private chat with the bot: the group learns only that an answer waits
   * there, with a link that opens the chat and asks the same again.
   */
  private void offerPrivateChat(
      Conversation conversation, ChatUser user, Asked asked, Reply secret) {
    String chatId = conversation.id();
    String payload =
        resumes.remember(
            new TelegramResumes.Resume(
                user.id(),
                chatId,
                conversation.title(),
                asked.kind(),
                asked.command(),
                asked.text()));
    Language language = language(secret.locale());
    Reply notice =
        Reply.builder(language.locale())
            .line(Line.text(messages.get(language, "telegram.private_only", user.displayName())))
            .buttonRow(
                Button.link(
                    messages.get(language, "telegram.open_private"),
                    TelegramAdapter.startLink(botUsername, payload)))
            .build();
    log.debug("Telegram user {} has no private chat; offering one in chat {}", user.id(), chatId);
    delivery.reply(
        chatId,
        notice,
        TelegramReplyRenderer.Addressing.replyTo(asked.messageId()),
        () -> {},
        id -> {});
  }

  /**
   * What a member asked: the message to answer, and what to ask core again from a deep link.
   *
   * @param messageId the member's message, or the message whose button they pressed
   * @param kind a command, a button press or a plain message
   * @param command the command's name, or {@code null}
   * @param text the command's text, the button's token, or the message's text
   */
  record Asked(Integer messageId, TelegramResumes.Kind kind, String command, String text) {
    static Asked command(Integer messageId, String name, String text) {
      return new Asked(messageId, TelegramResumes.Kind.COMMAND, name, text);
    }

    static Asked button(Integer messageId, String token) {
      return new Asked(messageId, TelegramResumes.Kind.BUTTON, null, token);
    }

    static Asked message(Integer messageId, String text) {
      return new Asked(messageId, TelegramResumes.Kind.MESSAGE, null, text);
    }
  }

  private static Language language(Locale locale) {
    return locale == null ? Language.EN : Language.of(locale).orElse(Language.EN);
  }
}
