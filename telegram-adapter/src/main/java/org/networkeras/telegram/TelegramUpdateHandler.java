package org.networkeras.telegram;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Arguments;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.Button;
import org.networkeras.chat.ButtonPress;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.IncomingMessage;
import org.networkeras.chat.Line;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.chat.Visibility;
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
 * <p>Telegram has no message only one member sees, so in a group: a public answer replies to the
 * member's message; a {@link Visibility#PRIVATE} one (harmless: an RSVP confirmation, {@code
 * /mine}) is answered there too, addressed to the member, and its buttons refuse other members'
 * presses with an alert; a {@link Visibility#SECRET} one (a link code, settings) goes to the
 * member's private chat only. Telegram lets the bot write there only once the member has started
 * it: until then the group gets one line with a {@code t.me/<bot>?start=…} link, never the content,
 * and {@code /start} with that link's payload asks the same again in the private chat. Thread-safe.
 */
final class TelegramUpdateHandler {

  private static final Logger log = LoggerFactory.getLogger(TelegramUpdateHandler.class);

  private final BotCore core;
  private final TelegramClient client;
  private final String botUsername;
  private final TelegramChatRoles roles;
  private final TelegramDelivery delivery;
  private final TelegramPeople people;
  private final Clock clock;
  private final TelegramButtonOwners owners;
  private final TelegramResumes resumes;
  private final Messages messages;

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
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.people = Objects.requireNonNull(people, "people");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.resumes = Objects.requireNonNull(resumes, "resumes");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.owners = new TelegramButtonOwners(clock);
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
    Asked asked =
        command
            .map(c -> Asked.command(message.getMessageId(), c.name(), c.text()))
            .orElse(Asked.message(message.getMessageId(), message.getText()));
    reply.ifPresent(answer -> answer(conversation.get(), user, asked, answer));
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
                delivery.reply(
                    user.id(), answer, TelegramReplyRenderer.Addressing.NONE, () -> {}, id -> {}));
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
      Optional<String> owner =
          chat == null || conversation.isDirect()
              ? Optional.empty()
              : owners.owner(chat.getId().toString(), message.getMessageId());
      if (owner.isPresent() && !owner.get().equals(from.getId().toString())) {
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
      Asked asked = Asked.button(pressedOn, query.getData());
      if (pressedOn != null
          && reply.visibility() == Visibility.PUBLIC
          && !reply.blocks().isEmpty()) {
        // A public answer to a press updates the message pressed, as on Discord.
        owners.release(conversation.id(), pressedOn);
        delivery.replace(
            conversation.id(), pressedOn, reply, () -> answer(conversation, user, asked, reply));
      } else {
        answer(conversation, user, asked, reply);
      }
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

  /**
   * Shows core's answer where it belongs: in a direct chat, there; in a group, a public answer
   * replies to the member's message, a {@link Visibility#PRIVATE} one is also addressed to the
   * member and its buttons refuse other members, and a {@link Visibility#SECRET} one goes to the
   * member's private chat only, leaving the group a one-line notice with a link that opens it when
   * the bot may not write there.
   */
  private void answer(Conversation conversation, ChatUser user, Asked asked, Reply reply) {
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
  private record Asked(Integer messageId, TelegramResumes.Kind kind, String command, String text) {
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
