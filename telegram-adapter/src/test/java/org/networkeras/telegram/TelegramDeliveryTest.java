package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.networkeras.chat.Attachment;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

final class TelegramDeliveryTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
  private final RecordingTelegramClient telegram = new RecordingTelegramClient();
  private final TelegramChatGateway gateway =
      new TelegramChatGateway(
          delivery(telegram.client), new InMemoryStateStore(), "telegram.1.parts.");
  private final Reply reminder = Reply.text(Locale.ENGLISH, "Board games start in 1 hour");

  @AfterEach
  void stopRetries() {
    retries.shutdownNow();
  }

  @Test
  void deliversToAMembersPrivateChatWhoseIdIsTheirUserId() {
    // given
    ChatUser alice = ChatUser.member(Platform.TELEGRAM, "111", "Alice");

    // when
    DeliveryResult result = gateway.sendDirect(alice, reminder, "event-42:alice:1h");

    // then
    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(telegram.calls(SendMessage.class))
        .singleElement()
        .extracting(SendMessage::getChatId)
        .isEqualTo("111");
  }

  @Test
  void reportsAMemberWhoBlockedTheBotAsAPermanentFailure() {
    // given
    telegram.refuse(
        "111",
        "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");

    // when
    DeliveryResult result =
        gateway.sendDirect(ChatUser.member(Platform.TELEGRAM, "111", "Alice"), reminder, "k");

    // then
    assertThat(result)
        .isInstanceOfSatisfying(
            DeliveryResult.Failed.class,
            failed -> {
              assertThat(failed.retryable()).isFalse();
              assertThat(failed.reason()).contains("403").contains("blocked");
            });
  }

  @Test
  void reportsARateLimitWithTelegramsRetryAfter() {
    // given
    telegram.refuse(
        "-100",
        """
        {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7",\
        "parameters":{"retry_after":7}}""");

    // when
    DeliveryResult result =
        gateway.send(Conversation.group(Platform.TELEGRAM, "-100", "-100"), reminder, "k");

    // then
    assertThat(result)
        .isInstanceOfSatisfying(
            DeliveryResult.Failed.class,
            failed -> {
              assertThat(failed.retryable()).isTrue();
              assertThat(failed.retryAfter()).hasValue(Duration.ofSeconds(7));
            });
  }

  @Test
  void reportsServerErrorsAndTimeoutsAsRetryable() throws Exception {
    // given
    telegram.refuse("-100", "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
    TelegramClient timingOut = mock(TelegramClient.class);
    when(timingOut.execute(any(SendMessage.class)))
        .thenThrow(
            new TelegramApiException(
                "Unable to execute sendmessage method", new SocketTimeoutException("timeout")));

    // when
    DeliveryResult serverError =
        gateway.send(Conversation.group(Platform.TELEGRAM, "-100", "-100"), reminder, "k");
    DeliveryResult timeout =
        new TelegramChatGateway(delivery(timingOut), new InMemoryStateStore(), "telegram.1.parts.")
            .send(Conversation.direct(Platform.TELEGRAM, "111"), reminder, "k");

    // then
    assertThat(serverError)
        .isInstanceOfSatisfying(
            DeliveryResult.Failed.class, failed -> assertThat(failed.retryable()).isTrue());
    assertThat(timeout)
        .isInstanceOfSatisfying(
            DeliveryResult.Failed.class,
            failed -> {
              assertThat(failed.retryable()).isTrue();
              assertThat(failed.reason()).contains("SocketTimeoutException");
            });
  }

  @Test
  void sendsAttachmentsAsDocumentsAfterTheText() {
    // given
    Reply reply =
        Reply.builder(Locale.ENGLISH)
            .line(org.networkeras.chat.Line.text("Add it to your calendar"))
            .attachment(
                new Attachment(
                    "event-42.ics",
                    "text/calendar",
                    "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8)))
            .build();

    // when
    DeliveryResult result = gateway.send(Conversation.direct(Platform.TELEGRAM, "111"), reply, "k");

    // then
    assertThat(result.delivered()).isTrue();
    assertThat(telegram.calls).hasSize(2);
    assertThat(telegram.calls(SendDocument.class))
        .singleElement()
        .satisfies(
            document ->
                assertThat(document.getDocument().getMediaName()).isEqualTo("event-42.ics"));
  }

  @Test
  void refusesRecipientsOfAnotherPlatform() {
    // given
    ChatUser discordUser = ChatUser.member(Platform.DISCORD, "1", "Dee");

    // when / then
    assertThatThrownBy(() -> gateway.sendDirect(discordUser, reminder, "k"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(gateway.platform()).isEqualTo(Platform.TELEGRAM);
  }

  @Test
  void buildsTheDeepLinkThatOpensThePrivateChat() {
    // when
    URI link = TelegramAdapter.startLink("@NetworkerasBot", "remind_42");

    // then
    assertThat(link).isEqualTo(URI.create("https://t.me/NetworkerasBot?start=remind_42"));
    assertThatThrownBy(() -> TelegramAdapter.startLink("NetworkerasBot", "not allowed!"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsAnEmptyReplyAsNotDeliveredWithoutCallingTelegram() {
    // when
    DeliveryResult result =
        gateway.send(
            Conversation.direct(Platform.TELEGRAM, "111"),
            Reply.builder(Locale.ENGLISH).build(),
            "k");

    // then
    assertThat(result.delivered()).isFalse();
    assertThat(telegram.calls).isEmpty();
  }

  private TelegramDelivery delivery(TelegramClient client) {
    return new TelegramDelivery(client, new TelegramReplyRenderer(clock), retries);
  }
}
