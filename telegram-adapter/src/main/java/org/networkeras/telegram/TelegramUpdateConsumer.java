package org.networkeras.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives each batch from the long-polling session and handles it on the adapter's own workers:
 * chats in parallel, each chat's updates in order. The batch is finished before the session asks
 * for the next one, and the {@link TelegramUpdateLedger} records every update handled, so an update
 * is handled once even when Telegram sends it again.
 *
 * <p>Never throws: a failure handling one update is logged with its id and the next one is handled,
 * and the polling loop (which stops for good on an exception) keeps running.
 */
final class TelegramUpdateConsumer implements LongPollingUpdateConsumer {

  private static final Logger log = LoggerFactory.getLogger(TelegramUpdateConsumer.class);

  private final TelegramUpdateLedger ledger;
  private final Consumer<Update> handler;
  private final ExecutorService workers;

  TelegramUpdateConsumer(
      TelegramUpdateLedger ledger, Consumer<Update> handler, ExecutorService workers) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.workers = Objects.requireNonNull(workers, "workers");
  }

  @Override
  public void consume(List<Update> updates) {
    try {
      handleBatch(updates);
    } catch (RuntimeException e) {
      log.error("Unexpected failure handling a batch of Telegram updates", e);
    }
  }

  private void handleBatch(List<Update> updates) {
    Map<Long, List<Update>> byChat = new LinkedHashMap<>();
    int last = 0;
    for (Update update : updates) {
      last = Math.max(last, update.getUpdateId());
      if (ledger.handled(update.getUpdateId())) {
        log.debug("Skipping Telegram update {}: already handled", update.getUpdateId());
        continue;
      }
      byChat.computeIfAbsent(chatOf(update), chat -> new ArrayList<>()).add(update);
    }
    List<Future<?>> running = new ArrayList<>();
    try {
      for (List<Update> chatUpdates : byChat.values()) {
        running.add(workers.submit(() -> chatUpdates.forEach(this::handleOnce)));
      }
    } catch (RejectedExecutionException e) {
      log.info("Telegram updates left for the next start: shutting down");
      return;
    }
    awaitAll(running);
    if (last > 0) {
      ledger.completeBatch(last);
    }
  }

  /**
   * Waits for the batch to finish even when polling is being stopped (which interrupts this
   * thread): the batch's position is then saved, and the interrupt is passed on afterwards.
   */
  private static void awaitAll(List<Future<?>> running) {
    boolean interrupted = false;
    for (Future<?> future : running) {
      while (true) {
        try {
          future.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          log.error("Unexpected failure handling Telegram updates", e.getCause());
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Nothing to release: the adapter owns the workers. */
  @Override
  public void close() {}

  private void handleOnce(Update update) {
    if (ledger.handled(update.getUpdateId())) {
      return;
    }
    try {
      handler.accept(update);
    } catch (RuntimeException e) {
      log.error("Failed to handle Telegram update {}; skipping it", update.getUpdateId(), e);
    } finally {
      ledger.markHandled(update.getUpdateId());
    }
  }

  /** The chat an update belongs to, so that one chat's updates are handled in order. */
  private static long chatOf(Update update) {
    if (update.hasMessage() && update.getMessage().getChatId() != null) {
      return update.getMessage().getChatId();
    }
    if (update.hasCallbackQuery()) {
      var query = update.getCallbackQuery();
      if (query.getMessage() != null && query.getMessage().getChatId() != null) {
        return query.getMessage().getChatId();
      }
      if (query.getFrom() != null) {
        return query.getFrom().getId();
      }
    }
    return Long.MIN_VALUE + update.getUpdateId();
  }
}
