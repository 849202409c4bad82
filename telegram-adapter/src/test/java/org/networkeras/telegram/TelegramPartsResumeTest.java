package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Line;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * A reply too long for one Telegram message goes out in parts; when a part fails, the outbox's
 * retry sends only the parts not yet delivered.
 */
final class TelegramPartsResumeTest {

  private static final String BAD_GATEWAY =
      "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}";
  private static final Conversation GROUP = Conversation.group(Platform.TELEGRAM, "-100", "-100");

  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
  private final RecordingTelegramClient telegram = new RecordingTelegramClient();
  private final InMemoryStateStore state = new InMemoryStateStore();
  private final TelegramChatGateway gateway =
      new TelegramChatGateway(
          new TelegramDelivery(
              telegram.client,
              new TelegramReplyRenderer(new MutableClock(Instant.parse("2026-01-01T10:00:00Z"))),
              retries),
          state,
          "telegram.1.parts.");

  /** Three lines of 3,000 characters: three messages. */
  private final Reply digest =
      Reply.builder(Locale.ENGLISH)
          .line(Line.text("A".repeat(3000)))
          .line(Line.text("B".repeat(3000)))
          .line(Line.text("C".repeat(3000)))
          .build();

  @AfterEach
  void stopRetries() {
    retries.shutdownNow();
  }

  @Test
  void aRetryAfterTheThirdPartFailedSendsOnlyTheThirdPart() {
    // given the third part fails once
    telegram.refuseSend(3, BAD_GATEWAY);
    DeliveryResult first = gateway.send(GROUP, digest, "digest:7:2026-01-01");

    // when the outbox tries again
    DeliveryResult retry = gateway.send(GROUP, digest, "digest:7:2026-01-01");

    // then
    assertThat(first.delivered()).isFalse();
    assertThat(retry.delivered()).isTrue();
    assertThat(telegram.calls(SendMessage.class))
        .extracting(send -> send.getText().charAt(0))
        .containsExactly('A', 'B', 'C', 'C');
    assertThat(state.get("telegram.1.parts.digest:7:2026-01-01")).isEmpty();
  }

  @Test
  void keepsTheCountOfDeliveredPartsUntilTheLastOneIsDelivered() {
    // given
    telegram.refuseSend(2, BAD_GATEWAY);

    // when
    gateway.send(GROUP, digest, "digest:8");

    // then
    assertThat(state.get("telegram.1.parts.digest:8")).hasValue("1");
  }

  @Test
  void anotherMessageStartsFromItsFirstPart() {
    // given a message left half-delivered
    telegram.refuseSend(2, BAD_GATEWAY);
    gateway.send(GROUP, digest, "digest:9");

    // when another message is sent
    gateway.send(GROUP, digest, "digest:10");

    // then
    assertThat(telegram.calls(SendMessage.class))
        .extracting(send -> send.getText().charAt(0))
        .containsExactly('A', 'B', 'A', 'B', 'C');
  }

  @Test
  void aSingleMessageLeavesNothingBehind() {
    // when
    gateway.send(GROUP, Reply.text(Locale.ENGLISH, "Board games start in 1 hour"), "r:1");

    // then
    assertThat(state.get("telegram.1.parts.r:1")).isEmpty();
  }
}
