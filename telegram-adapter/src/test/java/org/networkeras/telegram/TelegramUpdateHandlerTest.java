package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.networkeras.telegram.BotApiJson.ALICE_ID;
import static org.networkeras.telegram.BotApiJson.BOB_ID;
import static org.networkeras.telegram.BotApiJson.BOT_USERNAME;
import static org.networkeras.telegram.BotApiJson.GROUP_ID;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.Button;
import org.networkeras.chat.ButtonPress;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.IncomingMessage;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.chat.Visibility;
import org.networkeras.i18n.Messages;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

final class TelegramUpdateHandlerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final BotCore core = mock(BotCore.class);
  private final RecordingTelegramClient telegram = new RecordingTelegramClient();
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
  private final TelegramUpdateHandler handler =
      new TelegramUpdateHandler(
          core,
          telegram.client,
          BOT_USERNAME,
          new TelegramChatRoles(telegram.client, clock),
          new TelegramDelivery(telegram.client, new TelegramReplyRenderer(clock), retries),
          new TelegramPeople(new InMemoryUsernames()),
          new TelegramResumes(new InMemoryStateStore(), "test.resume."),
          Messages.load(),
          clock);

  @AfterEach
  void stopRetries() {
    retries.shutdownNow();
  }

  @Test
  void passesAGroupCommandAddressedToThisBotToCore() {
    // given
    when(core.handle(any(IncomingCommand.class))).thenReturn(Reply.text(Locale.FRENCH, "Ce soir"));
    Update update =
        BotApiJson.update(
            BotApiJson.message(
                1, BotApiJson.group(), BotApiJson.alice(), "/events@NetworkerasBot ce soir"));

    // when
    handler.handle(update);

    // then
    IncomingCommand command = capturedCommand();
    assertThat(command.name()).isEqualTo("events");
    assertThat(command.arguments().text()).isEqualTo("ce soir");
    assertThat(command.conversation())
        .isEqualTo(
            Conversation.group(
                Platform.TELEGRAM, String.valueOf(GROUP_ID), String.valueOf(GROUP_ID)));
    assertThat(command.conversation().title()).isEqualTo("Paris Tech");
    assertThat(command.user().id()).isEqualTo(String.valueOf(ALICE_ID));
    assertThat(command.user().displayName()).isEqualTo("Alice Martin");
    assertThat(command.locale()).isEqualTo(Locale.forLanguageTag("fr"));
    assertThat(command.receivedAt()).isEqualTo(clock.instant());
    assertThat(telegram.calls(SendMessage.class))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.getChatId()).isEqualTo(String.valueOf(GROUP_ID));
              assertThat(sent.getText()).isEqualTo("Ce soir");
              assertThat(sent.getParseMode()).isEqualToIgnoringCase("HTML");
              assertThat(sent.getReplyParameters().getMessageId()).isEqualTo(1001);
            });
  }

  @Test
  void passesAHandBuiltPrivateCommandWithoutBotNameToCore() {
    // given
    when(core.handle(any(IncomingCommand.class))).thenReturn(Reply.text(Locale.ENGLISH, "Hi"));
    Update update = new Update();
    update.setUpdateId(2);
    Message message = new Message();
    message.setMessageId(5);
    message.setText("/help");
    message.setChat(Chat.builder().id(ALICE_ID).type("private").build());
    message.setFrom(User.builder().id(ALICE_ID).firstName("Alice").isBot(false).build());
    update.setMessage(message);

    // when
    handler.handle(update);

    // then
    IncomingCommand command = capturedCommand();
    assertThat(command.name()).isEqualTo("help");
    assertThat(command.arguments().isEmpty()).isTrue();
    assertThat(command.conversation())
        .isEqualTo(Conversation.direct(Platform.TELEGRAM, String.valueOf(ALICE_ID)));
    assertThat(command.user().grantedRole()).isEqualTo(Role.MEMBER);
    assertThat(command.locale()).isNull();
    assertThat(telegram.calls(GetChatAdministrators.class)).isEmpty();
  }

  @Test
  void ignoresACommandAddressedToAnotherBot() {
    // given
    Update update =
        BotApiJson.update(
            BotApiJson.message(3, BotApiJson.group(), BotApiJson.alice(), "/events@OtherBot"));

    // when
    handler.handle(update);

    // then
    verify(core, never()).handle(any(IncomingCommand.class));
    verify(core, never()).handle(any(IncomingMessage.class));
    assertThat(telegram.calls).isEmpty();
  }

  @Test
  void ignoresAnOrdinaryGroupMessageCoreDoesNotAnswer() {
    // given
    when(core.handle(any(IncomingMessage.class))).thenReturn(Optional.empty());
    Update update =
        BotApiJson.update(
            BotApiJson.message(4, BotApiJson.group(), BotApiJson.bob(), "anyone up for pizza?"));

    // when
    handler.handle(update);

    // then
    ArgumentCaptor<IncomingMessage> captor = ArgumentCaptor.forClass(IncomingMessage.class);
    verify(core).handle(captor.capture());
    assertThat(captor.getValue().text()).isEqualTo("anyone up for pizza?");
    assertThat(telegram.calls(SendMessage.class)).isEmpty();
  }

  @Test
  void aPublicAnswerToAButtonPressUpdatesTheMessagePressed() {
    // given
    when(core.handle(any(ButtonPress.class)))
        .thenReturn(
            Reply.builder(Locale.ENGLISH)
                .line(Line("Board games — 3 going"))
                .buttonRow(Button.callback("Going", "rsvp:42:yes"))
                .build());
    Update update =
        BotApiJson.update(
            BotApiJson.callback(5, BotApiJson.group(), BotApiJson.bob(), "rsvp:42:yes"));

    // when
    handler.handle(update);

    // then
    ArgumentCaptor<ButtonPress> captor = ArgumentCaptor.forClass(ButtonPress.class);
    verify(core).handle(captor.capture());
    assertThat(captor.getValue().token()).isEqualTo("rsvp:42:yes");
    assertThat(captor.getValue().user().id()).isEqualTo(String.valueOf(BOB_ID));
    assertThat(captor.getValue().conversation().id()).isEqualTo(String.valueOf(GROUP_ID));
    assertThat(telegram.calls(AnswerCallbackQuery.class))
        .singleElement()
        .extracting(AnswerCallbackQuery::getCallbackQueryId)
        .isEqualTo("4382bfdwdsb323b2d9");
    assertThat(telegram.calls(SendMessage.class)).isEmpty();
    assertThat(telegram.calls(EditMessageText.class))
        .singleElement()
        .satisfies(
            edit -> {
              assertThat(edit.getChatId()).isEqualTo(String.valueOf(GROUP_ID));
              assertThat(edit.getMessageId()).isEqualTo(77);
              assertThat(edit.getText()).isEqualTo("Board games — 3 going");
              assertThat(edit.getReplyMarkup()).isNotNull();
            });
  }

  @Test
  void sendsTheAnswerAsANewMessageWhenTelegramRefusesTheEdit() {
    // given
    telegram.refuseEdits(
        """
        {"ok":false,"error_code":400,\
        "description":"Bad Request: message can't be edited"}""");
    when(core.handle(any(ButtonPress.class))).thenReturn(Reply.text(Locale.ENGLISH, "Tonight"));

    // when
    handler.handle(
        BotApiJson.update(
            BotApiJson.callback(5, BotApiJson.group(), BotApiJson.bob(), "evp:q:tonight")));

    // then
    assertThat(telegram.calls(EditMessageText.class)).hasSize(1);
    assertThat(telegram.calls(SendMessage.class))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.getChatId()).isEqualTo(String.valueOf(GROUP_ID));
              assertThat(sent.getText()).isEqualTo("Tonight");
              assertThat(sent.getReplyParameters().getMessageId()).isEqualTo(77);
            });
  }

  @Test
  void answersAButtonPressEvenWhenCoreFails() {
    // given
    when(core.handle(any(ButtonPress.class))).thenThrow(new IllegalStateException("boom"));
    Update update =
        BotApiJson.update(BotApiJson.callback(6, BotApiJson.group(), BotApiJson.bob(), "x"));

    // when / then
    assertThatThrownBy(() -> handler.handle(update)).hasMessage("boom");
    assertThat(telegram.calls(AnswerCallbackQuery.class)).hasSize(1);
  }

  @Test
  void grantsAdminToTheCreatorAndModeratorToAdministrators() {
    // given
    telegram.administrators(BotApiJson.administrators());
    when(core.handle(any(IncomingCommand.class))).thenReturn(Reply.text(Locale.ENGLISH, "ok"));
    String carol = "{\"id\":333,\"is_bot\":false,\"first_name\":\"Carol\"}";

    // when
    handler.handle(
        BotApiJson.update(BotApiJson.message(7, BotApiJson.group(), BotApiJson.alice(), "/x")));
    handler.handle(
        BotApiJson.update(BotApiJson.message(8, BotApiJson.group(), BotApiJson.bob(), "/x")));
    handler.handle(BotApiJson.update(BotApiJson.message(9, BotApiJson.group(), carol, "/x")));

    // then
    ArgumentCaptor<IncomingCommand> captor = ArgumentCaptor.forClass(IncomingCommand.class);
    verify(core, org.mockito.Mockito.times(3)).handle(captor.capture());
    assertThat(captor.getAllValues())
        .extracting(command -> command.user().grantedRole())
        .containsExactly(Role.ADMIN, Role.MODERATOR, Role.MEMBER);
    assertThat(telegram.calls(GetChatAdministrators.class)).hasSize(1);
  }

  @Test
  void asksForAdministratorsAgainOnceTheCacheExpires() {
    // given
    when(core.handle(any(IncomingCommand.class))).thenReturn(Reply.text(Locale.ENGLISH, "ok"));
    handler.handle(
        BotApiJson.update(BotApiJson.message(10, BotApiJson.group(), BotApiJson.bob(), "/x")));
    telegram.administrators(BotApiJson.administrators());

    // when
    clock.advance(TelegramChatRoles.TTL.plus(Duration.ofSeconds(1)));
    handler.handle(
        BotApiJson.update(BotApiJson.message(11, BotApiJson.group(), BotApiJson.bob(), "/x")));

    // then
    ArgumentCaptor<IncomingCommand> captor = ArgumentCaptor.forClass(IncomingCommand.class);
    verify(core, org.mockito.Mockito.times(2)).handle(captor.capture());
    assertThat(captor.getAllValues())
        .extracting(command -> command.user().grantedRole())
        .containsExactly(Role.MEMBER, Role.MODERATOR);
    assertThat(telegram.calls(GetChatAdministrators.class)).hasSize(2);
  }

  @Test
  void answersAPersonalReplyInTheGroupAddressedToTheMember() {
    // given
    when(core.handle(any(IncomingCommand.class)))
        .thenReturn(Reply.builder(Locale.ENGLISH).line(Line("your events")).privately().build());

    // when
    handler.handle(
        BotApiJson.update(BotApiJson.message(12, BotApiJson.group(), BotApiJson.alice(), "/mine")));

    // then
    assertThat(telegram.calls(SendMessage.class))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.getChatId()).isEqualTo(String.valueOf(GROUP_ID));
              assertThat(sent.getReplyParameters().getMessageId()).isEqualTo(1012);
              assertThat(sent.getText())
                  .isEqualTo(
                      "<a href=\"tg://user?id=" + ALICE_ID + "\">Alice Martin</a>\nyour events");
            });
  }

  @Test
  void refusesAnotherMembersPressOnTheButtonsOfAPersonalReply() {
    // given
    int card = telegram.nextMessageId();
    when(core.handle(any(IncomingCommand.class)))
        .thenReturn(
            Reply.builder(Locale.ENGLISH)
                .line(Line("You are going"))
                .buttonRow(Button.callback("Not going", "rsvp:42:no"))
                .privately()
                .build());
    handler.handle(
        BotApiJson.update(
            BotApiJson.message(13, BotApiJson.group(), BotApiJson.alice(), "/going 42")));

    // when
    handler.handle(
        BotApiJson.update(
            BotApiJson.callback(14, BotApiJson.group(), BotApiJson.bob(), "rsvp:42:no", card)));

    // then
    verify(core, never()).handle(any(ButtonPress.class));
    assertThat(telegram.calls(AnswerCallbackQuery.class))
        .singleElement()
        .satisfies(
            answer -> {
              assertThat(answer.getShowAlert()).isTrue();
              assertThat(answer.getText()).startsWith("These buttons answer another member");
            });
  }

  @Test
  void refusesInFrenchForAFrenchMemberAndLetsTheOwnerPress() {
    // given
    int card = telegram.nextMessageId();
    when(core.handle(any(IncomingCommand.class)))
        .thenReturn(
            Reply.builder(Locale.ENGLISH)
                .line(Line("You are going"))
                .buttonRow(Button.callback("Not going", "rsvp:42:no"))
                .privately()
                .build());
    when(core.handle(any(ButtonPress.class))).thenReturn(Reply.text(Locale.ENGLISH, "ok"));
    handler.handle(
        BotApiJson.update(
            BotApiJson.message(15, BotApiJson.group(), BotApiJson.bob(), "/going 42")));

    // when
    handler.handle(
        BotApiJson.update(
            BotApiJson.callback(16, BotApiJson.group(), BotApiJson.alice(), "rsvp:42:no", card)));
    handler.handle(
        BotApiJson.update(
            BotApiJson.callback(17, BotApiJson.group(), BotApiJson.bob(), "rsvp:42:no", card)));

    // then
    assertThat(telegram.calls(AnswerCallbackQuery.class))
        .extracting(AnswerCallbackQuery::getText)
        .containsExactly(
            "Ces boutons répondent à un autre membre. Envoyez la commande vous-même pour avoir"
                + " les vôtres.",
            null);
    ArgumentCaptor<ButtonPress> press = ArgumentCaptor.forClass(ButtonPress.class);
    verify(core).handle(press.capture());
    assertThat(press.getValue().user().id()).isEqualTo(String.valueOf(BOB_ID));
  }

  @Test
  void sendsASecretReplyToThePrivateChatOnly() {
    // given
    when(core.handle(any(IncomingCommand.class)))
        .thenReturn(
            Reply.builder(Locale.ENGLISH)
                .line(Line("code 7F3K"))
                .visibility(Visibility.SECRET)
                .build());

    // when
    handler.handle(
        BotApiJson.update(BotApiJson.message(18, BotApiJson.group(), BotApiJson.alice(), "/link")));

    // then
    assertThat(telegram.calls(SendMessage.class))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.getChatId()).isEqualTo(String.valueOf(ALICE_ID));
              assertThat(sent.getText()).isEqualTo("code 7F3K");
            });
  }

  @Test
  void givesTheGroupALinkInsteadOfTheSecretWhenTheMemberNeverStartedTheBot() {
    // given
    aliceNeverStartedTheBotAndCoreAnswersASecret(Locale.FRENCH);

    // when
    handler.handle(
        BotApiJson.update(
            BotApiJson.message(19, BotApiJson.group(), BotApiJson.alice(), "/link create")));

    // then
    List<SendMessage> sent = telegram.calls(SendMessage.class);
    assertThat(sent)
        .extracting(SendMessage::getChatId)
        .containsExactly(String.valueOf(ALICE_ID), String.valueOf(GROUP_ID));
    SendMessage notice = sent.get(1);
    assertThat(notice.getText())
        .isEqualTo(
            "Alice Martin, cette réponse n’est que pour vous : ouvrez notre chat privé pour la"
                + " lire.")
        .doesNotContain("7F3K");
    assertThat(notice.getReplyParameters().getMessageId()).isEqualTo(1019);
    var button =
        ((org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup)
                notice.getReplyMarkup())
            .getKeyboard()
            .get(0)
            .get(0);
    assertThat(button.getText()).isEqualTo("Ouvrir le chat privé");
    assertThat(button.getUrl())
        .matches("https://t\\.me/NetworkerasBot\\?start=r-[A-Za-z0-9_-]{22}");
  }

  @Test
  void theStartLinkAsksTheSameAgainInThePrivateChat() {
    // given
    aliceNeverStartedTheBotAndCoreAnswersASecret(Locale.ENGLISH);
    handler.handle(
        BotApiJson.update(
            BotApiJson.message(20, BotApiJson.group(), BotApiJson.alice(), "/link create")));
    String payload = startPayload(telegram.calls(SendMessage.class).get(1));
    telegram.accept(String.valueOf(ALICE_ID));

    // when
    handler.handle(
        BotApiJson.update(
            BotApiJson.message(
                21, BotApiJson.privateChat(ALICE_ID), BotApiJson.alice(), "/start " + payload)));

    // then
    ArgumentCaptor<IncomingCommand> captor = ArgumentCaptor.forClass(IncomingCommand.class);
    verify(core, org.mockito.Mockito.times(2)).handle(captor.capture());
    IncomingCommand resumed = captor.getAllValues().get(1);
    assertThat(resumed.name()).isEqualTo("link");
    assertThat(resumed.arguments().text()).isEqualTo("create");
    assertThat(resumed.conversation().id()).isEqualTo(String.valueOf(GROUP_ID));
    assertThat(resumed.conversation().title()).isEqualTo("Paris Tech");
    assertThat(telegram.calls(SendMessage.class))
        .last()
        .satisfies(
            sent -> {
              assertThat(sent.getChatId()).isEqualTo(String.valueOf(ALICE_ID));
              assertThat(sent.getText()).isEqualTo("code 7F3K");
            });
  }

  @Test
  void anotherMembersStartLinkIsAnOrdinaryStart() {
    // given
    aliceNeverStartedTheBotAndCoreAnswersASecret(Locale.ENGLISH);
    handler.handle(
        BotApiJson.update(
            BotApiJson.message(22, BotApiJson.group(), BotApiJson.alice(), "/link create")));
    String payload = startPayload(telegram.calls(SendMessage.class).get(1));

    // when
    handler.handle(
        BotApiJson.update(
            BotApiJson.message(
                23, BotApiJson.privateChat(BOB_ID), BotApiJson.bob(), "/start " + payload)));

    // then
    ArgumentCaptor<IncomingCommand> captor = ArgumentCaptor.forClass(IncomingCommand.class);
    verify(core, org.mockito.Mockito.times(2)).handle(captor.capture());
    IncomingCommand start = captor.getAllValues().get(1);
    assertThat(start.name()).isEqualTo("start");
    assertThat(start.conversation().isDirect()).isTrue();
  }

  private void aliceNeverStartedTheBotAndCoreAnswersASecret(Locale locale) {
    telegram.refuse(
        String.valueOf(ALICE_ID),
        """
        {"ok":false,"error_code":403,\
        "description":"Forbidden: bot can't initiate conversation with a user"}""");
    when(core.handle(any(IncomingCommand.class)))
        .thenReturn(
            Reply.builder(locale).line(Line("code 7F3K")).visibility(Visibility.SECRET).build());
  }

  private static String startPayload(SendMessage notice) {
    String url =
        ((org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup)
                notice.getReplyMarkup())
            .getKeyboard()
            .get(0)
            .get(0)
            .getUrl();
    return url.substring(url.indexOf("start=") + "start=".length());
  }

  @Test
  void sendsTheKeyboardOfAReply() {
    // given
    when(core.handle(any(IncomingCommand.class)))
        .thenReturn(
            Reply.builder(Locale.ENGLISH)
                .line(Line("Board games"))
                .buttonRow(Button.callback("Going", "rsvp:42:yes"))
                .build());

    // when
    handler.handle(
        BotApiJson.update(
            BotApiJson.message(14, BotApiJson.group(), BotApiJson.bob(), "/event 42")));

    // then
    assertThat(telegram.calls(SendMessage.class))
        .singleElement()
        .satisfies(sent -> assertThat(sent.getReplyMarkup()).isNotNull());
    List<IncomingCommand> commands = List.of(capturedCommand());
    assertThat(commands.get(0).arguments().text()).isEqualTo("42");
  }

  private IncomingCommand capturedCommand() {
    ArgumentCaptor<IncomingCommand> captor = ArgumentCaptor.forClass(IncomingCommand.class);
    verify(core).handle(captor.capture());
    return captor.getValue();
  }

  private static org.networkeras.chat.Line Line(String text) {
    return org.networkeras.chat.Line.text(text);
  }
}
