package org.networkeras.telegram;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
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
   * Answers a member: sends {@code reply} to {@code chatId}, addressed as {@code addressing} says;
   * rate limits and server errors are retried later. When the chat refuses the first part for good
   * (a private chat the member never opened: 403), {@code refused} runs instead. Returns before a
   * retry happens; failures are logged, never thrown.
   *
   * @param sent called with the id of each message sent, in order
   */
  void reply(
      String chatId,
      Reply reply,
      TelegramReplyRenderer.Addressing addressing,
      Runnable refused,
      IntConsumer sent) {
    Objects.requireNonNull(refused, "refused");
    attempt(chatId, steps(chatId, reply, addressing), refused, sent, 0, 1);
  }

  private void attempt(
      String chatId, List<Step> steps, Runnable refused, IntConsumer sent, int from, int attempt) {
    for (int i = from; i < steps.size(); i++) {
      try {
        Message message = steps.get(i).execute(client);
        if (message != null && message.getMessageId() != null) {
          sent.accept(message.getMessageId());
        }
      } catch (TelegramApiException e) {
        DeliveryResult.Failed failure = failure(e);
        if (!failure.retryable()) {
          if (i == 0) {
            log.debug("Chat {} refused the reply ({})", chatId, failure.reason());
            refused.run();
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
              () -> attempt(chatId, steps, refused, sent, resumeAt, attempt + 1),
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
   * Replaces the bot's message {@code messageId} with {@code reply} (a card updated by a button
   * press). When the reply cannot replace it (too long for one message, files) or Telegram refuses
   * the edit, {@code otherwise} runs instead; an edit that changes nothing is done already.
   */
  void replace(String chatId, int messageId, Reply reply, Runnable otherwise) {
    Optional<EditMessageText> edit = renderer.edit(chatId, messageId, reply);
    if (edit.isEmpty()) {
      otherwise.run();
      return;
    }
    try {
      client.execute(edit.get());
    } catch (TelegramApiException e) {
      if (e instanceof TelegramApiRequestException request
          && Objects.toString(request.getApiResponse(), "").contains("message is not modified")) {
        return;
      }
      log.info("Telegram refused to edit message {} in chat {}: {}", messageId, chatId, failure(e));
      otherwise.run();
    }
  }

  /**
   * The Bot API calls that show {@code reply} in {@code chatId}: its text parts, then its files.
   */
  List<Step> steps(String chatId, Reply reply) {
    return steps(chatId, reply, TelegramReplyRenderer.Addressing.NONE);
  }

  private List<Step> steps(
      String chatId, Reply reply, TelegramReplyRenderer.Addressing addressing) {
    reply
        .form()
        .ifPresent(
            form ->
                log.warn(
                    "Reply carries form {} which Telegram cannot show; sending its text only",
                    form.id()));
    List<Step> steps = new ArrayList<>();
    for (SendMessage message : renderer.messages(chatId, reply, addressing)) {
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
