package org.networkeras.telegram;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.networkeras.chat.Attachment;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends rendered replies through the Bot API client and turns its failures into {@link
 * DeliveryResult}s: 403 (blocked, never started) and other 4xx are permanent; 429 is retryable
 * after Telegram's {@code retry_after}; 5xx, timeouts and network errors are retryable.
 *
 * <p>The client does not retry anything itself. Interactive replies ({@link #reply}) are retried
 * here, later, on the retry scheduler, honouring {@code retry_after}, so a rate limit never blocks
 * the thread handling updates. Core-initiated messages ({@link #send}) are tried once: the outbox
 * that called decides when to try again. Thread-safe.
 */
final class TelegramDelivery {

  /** How many times an interactive reply is tried before it is dropped. */
  static final int MAX_ATTEMPTS = 4;

  private static final Logger log = LoggerFactory.getLogger(TelegramDelivery.class);

  private final TelegramClient client;
  private final TelegramReplyRenderer renderer;
  private final ScheduledExecutorService retries;

  TelegramDelivery(
      TelegramClient client, TelegramReplyRenderer renderer, ScheduledExecutorService retries) {
    this.client = Objects.requireNonNull(client, "client");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.retries = Objects.requireNonNull(retries, "retries");
  }

  /** One Bot API call of a reply. */
  @FunctionalInterface
  interface Step {
    Message execute(TelegramClient client) throws TelegramApiException;
  }

  /**
   * Sends {@code reply} to {@code chatId} now, part after part, and stops at the first failure.
   *
   * @return {@link DeliveryResult.Delivered} with the id of the last message sent, or the first
   *     failure
   */
  DeliveryResult send(String chatId, Reply reply) {
    return send(chatId, reply, 0, sent -> {});
  }

  /**
   * As {@link #send(String, Reply)}, skipping the first {@code from} parts (a retry of a reply
   * whose first parts were delivered) and telling {@code delivered} how many parts are delivered
   * after each one but the last, so that a later retry can skip them.
   */
  DeliveryResult send(String chatId, Reply reply, int from, IntConsumer delivered) {
    List<Step> steps = steps(chatId, reply);
    if (steps.isEmpty()) {
      return DeliveryResult.Failed.permanent("empty reply");
    }
    String lastId = "";
    for (int i = Math.min(from, steps.size() - 1); i < steps.size(); i++) {
      try {
        Message sent = steps.get(i).execute(client);
        lastId = sent == null || sent.getMessageId() == null ? "" : sent.getMessageId().toString();
        if (i + 1 < steps.size()) {
          delivered.accept(i + 1);
        }
      } catch (TelegramApiException e) {
        DeliveryResult failure = failure(e);
        log.info("Telegram delivery to chat {} failed: {}", chatId, failure);
        return failure;
      }
    }
    return new DeliveryResult.Delivered(lastId);
  }

  /**
   * Answers a member: sends {@code reply} to the first of {@code chatIds} that accepts it. A
   * permanent refusal of the first part moves on to the next chat (a member's private chat the bot
   * may not write to, then the group); rate limits and server errors are retried later. Returns
   * before a retry happens; failures are logged, never thrown.
   */
  void reply(List<String> chatIds, Reply reply) {
    if (chatIds.isEmpty()) {
      throw new IllegalArgumentException("no chat to reply to");
    }
    attempt(List.copyOf(chatIds), 0, steps(chatIds.get(0), reply), reply, 0, 1);
  }

  private void attempt(
      List<String> chatIds, int target, List<Step> steps, Reply reply, int from, int attempt) {
    String chatId = chatIds.get(target);
    for (int i = from; i < steps.size(); i++) {
      try {
        steps.get(i).execute(client);
      } catch (TelegramApiException e) {
        DeliveryResult.Failed failure = failure(e);
        if (!failure.retryable()) {
          if (i == 0 && target + 1 < chatIds.size()) {
            log.debug("Chat {} refused the reply ({}); trying the next", chatId, failure.reason());
            String next = chatIds.get(target + 1);
            attempt(chatIds, target + 1, steps(next, reply), reply, 0, 1);
          } else {
            log.warn("Reply to Telegram chat {} dropped: {}", chatId, failure.reason());
          }
          return;
        }
        if (attempt >= MAX_ATTEMPTS) {
          log.warn(
              "Reply to Telegram chat {} dropped after {} attempts: {}",
              chatId,
              attempt,
              failure.reason());
          return;
        }
        Duration wait = failure.retryAfter().orElse(Duration.ofSeconds(attempt));
        log.info(
            "Telegram refused a reply to chat {} for now ({}); retrying in {} ms",
            chatId,
            failure.reason(),
            wait.toMillis());
        int resumeAt = i;
        try {
          retries.schedule(
              () -> attempt(chatIds, target, steps, reply, resumeAt, attempt + 1),
              wait.toMillis(),
              TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
          log.warn("Reply to Telegram chat {} dropped: shutting down", chatId);
        }
        return;
      }
    }
  }

  /**
   * The Bot API calls that show {@code reply} in {@code chatId}: its text parts, then its files.
   */
  List<Step> steps(String chatId, Reply reply) {
    reply
        .form()
        .ifPresent(
            form ->
                log.warn(
                    "Reply carries form {} which Telegram cannot show; sending its text only",
                    form.id()));
    List<Step> steps = new ArrayList<>();
    for (SendMessage message : renderer.messages(chatId, reply)) {
      steps.add(telegram -> telegram.execute(message));
    }
    for (Attachment attachment : reply.attachments()) {
      // The file stream is read once, so each attempt builds its own request.
      steps.add(
          telegram ->
              telegram.execute(
                  SendDocument.builder()
                      .chatId(chatId)
                      .document(
                          new InputFile(
                              new ByteArrayInputStream(attachment.content()),
                              attachment.fileName()))
                      .build()));
    }
    return steps;
  }

  /** What a Bot API failure means for delivery. */
  static DeliveryResult.Failed failure(TelegramApiException e) {
    if (e instanceof TelegramApiRequestException request && request.getErrorCode() != null) {
      int code = request.getErrorCode();
      String reason = code + " " + Objects.toString(request.getApiResponse(), "");
      if (code == 429) {
        Integer retryAfter =
            request.getParameters() == null ? null : request.getParameters().getRetryAfter();
        return retryAfter == null
            ? DeliveryResult.Failed.retryable(reason)
            : DeliveryResult.Failed.retryAfter(reason, Duration.ofSeconds(retryAfter));
      }
      if (code >= 500) {
        return DeliveryResult.Failed.retryable(reason);
      }
      return DeliveryResult.Failed.permanent(reason);
    }
    // No API answer: a timeout, a refused connection, an unreadable (proxy or 5xx) page.
    Throwable cause = e.getCause() == null ? e : e.getCause();
    return DeliveryResult.Failed.retryable(
        "no answer from Telegram: " + cause.getClass().getSimpleName() + " " + cause.getMessage());
  }
}
