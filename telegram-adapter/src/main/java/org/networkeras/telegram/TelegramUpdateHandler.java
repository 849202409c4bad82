package org.networkeras.telegram;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Arguments;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.ButtonPress;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.IncomingMessage;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.command.TextCommand;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Translates one Telegram update into a call to core and sends core's answer back. It decides
 * nothing: which text is a command for this bot, which chat is a group and who administers it are
 * Telegram facts; everything else is core's.
 *
 * <ul>
 *   <li>A text starting with {@code /} is a command when it is for this bot: {@code /events} and
 *       {@code /events@ThisBot} are, {@code /events@OtherBot} is ignored. The people it names (the
 *       author of the message it replies to, its mentions) come from {@link TelegramPeople}.
 *   <li>Any other text is an {@link IncomingMessage}; core answers it only inside a conversation it
 *       runs (a guided suggestion).
 *   <li>A button press is a {@link ButtonPress}; Telegram's spinner is always stopped with {@code
 *       answerCallbackQuery}, whatever core says or throws. A public answer to it replaces the
 *       message pressed ({@code editMessageText}: an updated card), as on Discord.
 * </ul>
 *
 * <p>Where each answer goes (the group, addressed to the member, or the private chat) is {@link
 * TelegramAnswers}' business; this class also resumes, on {@code /start <payload>} in a private
 * chat, what a member asked in a group when the answer had to go to a private chat they had not
 * opened yet. Thread-safe.
 */
final class TelegramUpdateHandler {

  private static final Logger log = LoggerFactory.getLogger(TelegramUpdateHandler.class);

  private final BotCore core;
  private final TelegramClient client;
  private final String botUsername;
  private final TelegramChatRoles roles;
  private final TelegramPeople people;
  private final Clock clock;
  private final TelegramResumes resumes;
  private final Messages messages;
  private final TelegramAnswers answers;

  TelegramUpdateHandler(
      BotCore core,
      TelegramClient client,
      String botUsername,
      TelegramChatRoles roles,
      TelegramDelivery delivery,
      TelegramPeople people,
      TelegramResumes resumes,
      Messages messages,
      Clock clock) {
    this.core = Objects.requireNonNull(core, "core");
    this.client = Objects.requireNonNull(client, "client");
    this.botUsername = Objects.requireNonNull(botUsername, "botUsername");
    this.roles = Objects.requireNonNull(roles, "roles");
    this.people = Objects.requireNonNull(people, "people");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.resumes = Objects.requireNonNull(resumes, "resumes");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.answers =
        new TelegramAnswers(
            delivery, new TelegramButtonOwners(clock), resumes, messages, botUsername);
  }

  /** Handles one update; updates of kinds the bot does not use are ignored. */
  void handle(Update update) {
    if (update.hasMessage()) {
      onMessage(update.getMessage());
    } else if (update.hasCallbackQuery()) {
      onButton(update.getCallbackQuery());
    } else {
      log.debug("Ignoring Telegram update {} of another kind", update.getUpdateId());
    }
  }

  private void onMessage(Message message) {
    people.record(message);
    User from = message.getFrom();
    Chat chat = message.getChat();
    if (!message.hasText()
        || from == null
        || chat == null
        || Boolean.TRUE.equals(from.getIsBot())) {
      return;
    }
    Optional<Conversation> conversation = conversation(chat);
    if (conversation.isEmpty()) {
      return;
    }
    Optional<TextCommand> command = TextCommand.parse(message.getText());
    if (command.isPresent() && !command.get().isFor(botUsername)) {
      log.debug(
          "Ignoring a command for @{} in chat {}", command.get().addressedToBot(), chat.getId());
      return;
    }
    ChatUser user = user(from, chat);
    if (command.isPresent() && conversation.get().isDirect() && resume(command.get(), user)) {
      return;
    }
    Optional<Reply> reply;
    if (command.isPresent()) {
      log.debug(
          "Telegram user {} sent /{} in chat {}", user.id(), command.get().name(), chat.getId());
      reply =
          Optional.of(
              core.handle(
                  new IncomingCommand(
                      command.get().name(),
                      people.arguments(message, command.get().text()),
                      user,
                      conversation.get(),
                      clock.instant(),
                      user.locale())));
    } else {
      reply =
          core.handle(
              new IncomingMessage(
                  message.getText(), user, conversation.get(), clock.instant(), user.locale()));
    }
    TelegramAnswers.Asked asked =
        command
            .map(c -> TelegramAnswers.Asked.command(message.getMessageId(), c.name(), c.text()))
            .orElse(TelegramAnswers.Asked.message(message.getMessageId(), message.getText()));
    reply.ifPresent(answer -> answers.answer(conversation.get(), user, asked, answer));
  }

  /**
   * {@code /start <payload>} of a deep link the bot gave in a group: asks again, in the private
   * chat, what the member asked there. Returns false when the command is anything else.
   */
  private boolean resume(TextCommand command, ChatUser user) {
    String payload = command.text().strip();
    if (!command.name().equals("start") || !TelegramResumes.isResume(payload)) {
      return false;
    }
    Optional<TelegramResumes.Resume> resume = resumes.take(payload, user.id());
    if (resume.isEmpty()) {
      log.debug("Telegram user {} opened an unknown or used start link", user.id());
      return false;
    }
    TelegramResumes.Resume asked = resume.get();
    Conversation group =
        Conversation.group(Platform.TELEGRAM, asked.chatId(), asked.chatId(), asked.title());
    ChatUser inGroup =
        user.withGrantedRole(
            roles.roleIn(Long.parseLong(asked.chatId()), Long.parseLong(user.id())));
    log.debug("Telegram user {} resumed in private what they asked in {}", user.id(), group.id());
    Optional<Reply> reply =
        switch (asked.kind()) {
          case COMMAND ->
              Optional.of(
                  core.handle(
                      new IncomingCommand(
                          asked.command(),
                          Arguments.ofText(asked.text()),
                          inGroup,
                          group,
                          clock.instant(),
                          user.locale())));
          case BUTTON -> Optional.of(core.handle(new ButtonPress(asked.text(), inGroup, group)));
          case MESSAGE ->
              core.handle(
                  new IncomingMessage(
                      asked.text(), inGroup, group, clock.instant(), user.locale()));
        };
    reply
        .filter(answer -> !answer.blocks().isEmpty() || !answer.attachments().isEmpty())
        .ifPresent(
            answer ->
                answers.answer(
                    Conversation.direct(Platform.TELEGRAM, user.id()),
                    user,
                    TelegramAnswers.Asked.message(null, ""),
                    answer));
    return true;
  }

  private void onButton(CallbackQuery query) {
    String alert = null;
    try {
      MaybeInaccessibleMessage message = query.getMessage();
      User from = query.getFrom();
      if (query.getData() == null || from == null) {
        return;
      }
      Chat chat = message == null ? null : message.getChat();
      Conversation conversation =
          chat == null
              ? Conversation.direct(Platform.TELEGRAM, from.getId().toString())
              : conversation(chat).orElse(null);
      if (conversation == null) {
        return;
      }
      if (chat != null && !answers.mayPress(conversation, message.getMessageId(), from.getId())) {
        log.debug(
            "Telegram user {} pressed a button of another member's answer in chat {}",
            from.getId(),
            conversation.id());
        alert = messages.get(language(locale(from)), "telegram.not_your_buttons");
        return;
      }
      ChatUser user = chat == null ? user(from, Role.MEMBER) : user(from, chat);
      log.debug("Telegram user {} pressed a button in chat {}", user.id(), conversation.id());
      Reply reply = core.handle(new ButtonPress(query.getData(), user, conversation));
      Integer pressedOn = chat == null ? null : message.getMessageId();
      answers.answerPress(
          conversation, user, TelegramAnswers.Asked.button(pressedOn, query.getData()), reply);
    } finally {
      acknowledge(query, alert);
    }
  }

  /** Stops the button's spinner; {@code alert}, when set, shows in a box the member closes. */
  private void acknowledge(CallbackQuery query, String alert) {
    try {
      client.execute(
          AnswerCallbackQuery.builder()
              .callbackQueryId(query.getId())
              .text(alert)
              .showAlert(alert == null ? null : Boolean.TRUE)
              .build());
    } catch (TelegramApiException e) {
      log.info("Could not answer Telegram callback query: {}", e.getMessage());
    }
  }

  private static Language language(Locale locale) {
    return locale == null ? Language.EN : Language.of(locale).orElse(Language.EN);
  }

  /**
   * The conversation of a chat, a group named by its title; channels are not conversations the bot
   * takes part in.
   */
  private static Optional<Conversation> conversation(Chat chat) {
    String id = chat.getId().toString();
    if (Boolean.TRUE.equals(chat.isUserChat())) {
      return Optional.of(Conversation.direct(Platform.TELEGRAM, id));
    }
    if (Boolean.TRUE.equals(chat.isGroupChat()) || Boolean.TRUE.equals(chat.isSuperGroupChat())) {
      return Optional.of(Conversation.group(Platform.TELEGRAM, id, id, chat.getTitle()));
    }
    return Optional.empty();
  }

  private ChatUser user(User from, Chat chat) {
    Role role =
        Boolean.TRUE.equals(chat.isUserChat())
            ? Role.MEMBER
            : roles.roleIn(chat.getId(), from.getId());
    return user(from, role);
  }

  private static ChatUser user(User from, Role role) {
    String name = from.getFirstName() == null ? "" : from.getFirstName();
    if (from.getLastName() != null && !from.getLastName().isBlank()) {
      name = name + " " + from.getLastName();
    }
    if (name.isBlank()) {
      name = from.getUserName() == null ? from.getId().toString() : from.getUserName();
    }
    return new ChatUser(
        Platform.TELEGRAM, from.getId().toString(), name.strip(), locale(from), role);
  }

  private static Locale locale(User from) {
    String code = from.getLanguageCode();
    if (code == null || code.isBlank()) {
      return null;
    }
    Locale locale = Locale.forLanguageTag(code.strip());
    return locale.getLanguage().isEmpty() ? null : locale;
  }
}
