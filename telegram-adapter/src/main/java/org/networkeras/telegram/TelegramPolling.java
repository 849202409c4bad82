package org.networkeras.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.networkeras.chat.ConnectionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The long-polling loop: a TelegramBots session on the adapter's own poller thread and HTTP client,
 * asking for updates from the offset the {@link TelegramUpdateLedger} keeps.
 *
 * <p>When Telegram answers {@code getUpdates} with 409 Conflict, another process is polling the
 * same token (or a webhook was set again): this session logs it clearly and stops polling rather
 * than fight for the updates. Sending keeps working. An adapter holding the poller lease starts a
 * new session later (see {@link TelegramAdapter}); one without a lease stays stopped.
 */
final class TelegramPolling implements AutoCloseable {

  /** The updates the bot asks for; Telegram remembers the list between calls. */
  static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

  private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);
  private static final int BATCH_LIMIT = 100;

  /** How much longer than the poll's hold time an answer may take before polling is unwell. */
  static final Duration ANSWER_MARGIN = Duration.ofSeconds(30);

  private final String token;
  private final TelegramUpdateLedger ledger;
  private final int pollSeconds;
  private final OkHttpClient http;
  private final ScheduledExecutorService poller;
  private final ExecutorService control;
  private final TelegramBotsLongPollingApplication application;
  private final AtomicReference<BotSession> session = new AtomicReference<>();
  private final AtomicBoolean conflict = new AtomicBoolean();
  private final CompletableFuture<String> stopped = new CompletableFuture<>();
  private final Clock clock;
  private final AtomicReference<Instant> lastAnswer;
  private final AtomicLong failedPolls = new AtomicLong();

  private TelegramPolling(String token, TelegramUpdateLedger ledger, int pollSeconds, Clock clock) {
    this.clock = clock;
    this.lastAnswer = new AtomicReference<>(clock.instant());
    this.token = token;
    this.ledger = ledger;
    this.pollSeconds = pollSeconds;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(pollSeconds + 15L))
            .writeTimeout(Duration.ofSeconds(10))
            .addInterceptor(new ConflictInterceptor())
            .build();
    this.poller =
        Executors.newSingleThreadScheduledExecutor(TelegramThreads.named("telegram-poller"));
    this.control = Executors.newSingleThreadExecutor(TelegramThreads.named("telegram-control"));
    this.application =
        new TelegramBotsLongPollingApplication(
            ObjectMapper::new, () -> http, () -> poller, ExponentialBackOff::new);
  }

  /**
   * Starts polling {@code url} for the bot {@code token}, handing batches to {@code consumer}.
   *
   * @param pollSeconds how long Telegram may hold a {@code getUpdates} call open
   * @throws TelegramApiException when the session cannot start (the webhook cannot be removed)
   */
  static TelegramPolling start(
      String token,
      TelegramUrl url,
      TelegramUpdateLedger ledger,
      LongPollingUpdateConsumer consumer,
      int pollSeconds,
      Clock clock)
      throws TelegramApiException {
    TelegramPolling polling = new TelegramPolling(token, ledger, pollSeconds, clock);
    try {
      polling.session.set(
          polling.application.registerBot(token, () -> url, polling::nextRequest, consumer));
    } catch (TelegramApiException | RuntimeException e) {
      polling.close();
      throw e;
    }
    return polling;
  }

  /** Whether updates are being fetched. */
  boolean isPolling() {
    BotSession current = session.get();
    return !stopped.isDone() && current != null && current.isRunning();
  }

  /**
   * Connected while polling runs and Telegram answered a {@code getUpdates} within the poll's hold
   * time and {@link #ANSWER_MARGIN} (it answers at the latest when the hold time ends).
   */
  ConnectionStatus status(Instant now) {
    long silent = Math.max(0, Duration.between(lastAnswer.get(), now).toSeconds());
    if (!isPolling()) {
      return new ConnectionStatus(
          false, "not polling: " + stopped.getNow("stopped"), failedPolls.get());
    }
    boolean recent = silent <= pollSeconds + ANSWER_MARGIN.toSeconds();
    return new ConnectionStatus(
        recent,
        (recent ? "polling, last answer " : "no answer from Telegram for ") + silent + " s",
        failedPolls.get());
  }

  /** Completes with the reason once polling has stopped for good. */
  CompletableFuture<String> stopped() {
    return stopped;
  }

  /**
   * The next {@code getUpdates}: from the ledger's offset. The session's own in-memory position is
   * brought in line with it, so that the session does not drop updates whose ids restarted lower.
   */
  GetUpdates nextRequest(Integer sessionPosition) {
    OptionalInt offset = ledger.nextOffset();
    BotSession current = session.get();
    if (current != null) {
      current.getLastReceivedUpdate().set(offset.isPresent() ? offset.getAsInt() - 1 : 0);
    }
    GetUpdates.GetUpdatesBuilder request =
        GetUpdates.builder()
            .limit(BATCH_LIMIT)
            .timeout(pollSeconds)
            .allowedUpdates(ALLOWED_UPDATES);
    offset.ifPresent(request::offset);
    return request.build();
  }

  @Override
  public void close() {
    stop("closed");
    http.dispatcher().cancelAll();
    poller.shutdownNow();
    control.shutdown();
    try {
      if (!poller.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("The Telegram poller thread did not stop within 10 s");
      }
      control.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      application.close();
    } catch (Exception e) {
      log.debug("Closing the Telegram polling application: {}", e.getMessage());
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private void stop(String reason) {
    BotSession current = session.get();
    if (current != null) {
      current.stop();
    }
    stopped.complete(reason);
  }

  private void onConflict(String description) {
    log.error(
        "Another instance is polling this Telegram bot token (getUpdates answered 409 Conflict: {})."
            + " This instance stops polling and keeps sending; with the poller lease in the database"
            + " it tries again later. Run one deployment (one database) per bot token.",
        description);
    control.execute(() -> stop("another instance is polling this token"));
  }

  /**
   * Spots 409 on {@code getUpdates} and keeps this instance from asking again afterwards. Method
   * names are matched ignoring case: the library writes them in lower case, Telegram accepts both.
   */
  private final class ConflictInterceptor implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      List<String> path = request.url().pathSegments();
      boolean getUpdates =
          !path.isEmpty() && "getUpdates".equalsIgnoreCase(path.get(path.size() - 1));
      if (getUpdates && conflict.get()) {
        throw new IOException("polling stopped: another instance is polling this token");
      }
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (getUpdates && !stopped.isDone()) {
          failedPolls.incrementAndGet();
        }
        throw e;
      }
      if (getUpdates && response.isSuccessful()) {
        lastAnswer.set(clock.instant());
      } else if (getUpdates) {
        failedPolls.incrementAndGet();
      }
      if (getUpdates && response.code() == 409 && conflict.compareAndSet(false, true)) {
        onConflict(Objects.toString(response.peekBody(512).string(), "").strip());
      }
      return response;
    }
  }
}
