package org.networkeras.telegram;

import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * A Mockito {@link TelegramClient} that records every call and answers like Telegram would: sent
 * messages get ids, callback queries are acknowledged, administrators come from Bot API JSON. A
 * chat can be made to refuse messages with a real Bot API error answer.
 */
final class RecordingTelegramClient {

  final List<Object> calls = new CopyOnWriteArrayList<>();
  final TelegramClient client =
      mock(TelegramClient.class, invocation -> answer(invocation.getArgument(0)));
  private final Map<String, String> refusals = new ConcurrentHashMap<>();
  private final Map<Integer, String> refusedSends = new ConcurrentHashMap<>();
  private final AtomicInteger sends = new AtomicInteger();
  private final AtomicInteger messageIds = new AtomicInteger(500);
  private volatile String administratorsJson = BotApiJson.ok("[]");
  private volatile String editRefusal;

  /** Makes every editMessageText answer {@code errorJson}. */
  void refuseEdits(String errorJson) {
    editRefusal = errorJson;
  }

  void administrators(String json) {
    administratorsJson = json;
  }

  /**
   * Makes the {@code nth} sendMessage from now on (1 for the next) answer with {@code errorJson}.
   */
  void refuseSend(int nth, String errorJson) {
    refusedSends.put(sends.get() + nth, errorJson);
  }

  /** Makes {@code chatId} answer sendMessage with {@code errorJson}. */
  void refuse(String chatId, String errorJson) {
    refusals.put(chatId, errorJson);
  }

  /** Makes {@code chatId} accept messages again (the member started the bot). */
  void accept(String chatId) {
    refusals.remove(chatId);
  }

  /** The id the next message sent will get. */
  int nextMessageId() {
    return messageIds.get() + 1;
  }

  <T> List<T> calls(Class<T> type) {
    List<T> matching = new ArrayList<>();
    for (Object call : calls) {
      if (type.isInstance(call)) {
        matching.add(type.cast(call));
      }
    }
    return matching;
  }

  private Object answer(Object method) throws TelegramApiException {
    calls.add(method);
    if (method instanceof SendMessage send) {
      String refused = refusedSends.remove(sends.incrementAndGet());
      if (refused != null) {
        return send.deserializeResponse(refused);
      }
      String refusal = refusals.get(send.getChatId());
      if (refusal != null) {
        return send.deserializeResponse(refusal);
      }
      return sent(send.getChatId());
    }
    if (method instanceof SendDocument document) {
      return sent(document.getChatId());
    }
    if (method instanceof EditMessageText edit) {
      String refusal = editRefusal;
      if (refusal != null) {
        return edit.deserializeResponse(refusal);
      }
      return Boolean.TRUE;
    }
    if (method instanceof AnswerCallbackQuery) {
      return Boolean.TRUE;
    }
    if (method instanceof GetChatAdministrators administrators) {
      return administrators.deserializeResponse(administratorsJson);
    }
    throw new IllegalStateException("unexpected call " + method);
  }

  private Message sent(String chatId) throws TelegramApiException {
    String json =
        """
        {"ok":true,"result":{"message_id":%d,"date":1767225600,"chat":{"id":%s,"type":"private"}}}"""
            .formatted(messageIds.incrementAndGet(), chatId);
    return SendMessage.builder().chatId(chatId).text("x").build().deserializeResponse(json);
  }
}
