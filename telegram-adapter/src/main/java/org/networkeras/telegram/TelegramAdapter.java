package org.networkeras.telegram;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ConnectionStatus;
import org.networkeras.chat.StateStore;
import org.networkeras.chat.TokenRefusedException;
import org.networkeras.chat.Usernames;
import org.networkeras.cluster.LeasedWork;
import org.networkeras.cluster.Leases;
import org.networkeras.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Connects core to one Telegram bot: long polling brings members' updates to {@link BotCore},
 * replies go back as HTML messages, and {@link #gateway()} lets core write first.
 *
 * <p>{@link #start} checks the token ({@code getMe}), sets the command menus and starts polling.
 * {@link #close()} stops polling, lets updates being handled finish, and stops every thread the
 * adapter started. The token never appears in logs or messages. Thread-safe.
 *
 * <p>Started with {@link Leases}, the adapter polls only while this instance holds the bot token's
 * poller lease ({@code telegram-poller:<bot id>}): of several instances on one database, one polls
 * and the others stand by (sending works on all), and when the poller dies another takes over
 * within {@link LeasedWork.Timing#DEFAULT}'s 13 s, resuming from the position and the handled
 * updates the {@link TelegramUpdateLedger} keeps in the database. A 409 Conflict (a poller outside
 * the database's knowledge) stops polling for {@link LeasedWork.Timing#restartAfter}, then it is
 * tried again.
 */
public final class TelegramAdapter implements AutoCloseable {

  /** How long Telegram may hold a {@code getUpdates} call open. */
  static final int POLL_SECONDS = 50;

  private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);
  private static final Pattern START_PAYLOAD = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final int UPDATE_WORKERS = 4;

  private final String botUsername;
  private final OkHttpClient http;
  private final ExecutorService workers;
  private final ScheduledExecutorService retries;
  private final TelegramChatGateway gateway;
  private final Clock clock;
  private volatile TelegramPolling polling;
  private LeasedWork leasedPolling;

  private TelegramAdapter(
      String botUsername,
      OkHttpClient http,
      ExecutorService workers,
      ScheduledExecutorService retries,
      TelegramChatGateway gateway,
      Clock clock) {
    this.clock = clock;
    this.botUsername = botUsername;
    this.http = http;
    this.workers = workers;
    this.retries = retries;
    this.gateway = gateway;
  }

  /**
   * Starts the bot: checks the token, sets the command menus, resumes polling where the last run
   * stopped (as recorded in {@code state}).
   *
   * @param state where the polling position survives restarts
   * @param usernames the usernames members were seen with, to name them by {@code @username}
   * @param clock the time of received commands and of relative times
   * @throws IllegalStateException when Telegram refuses the token or cannot be reached; nothing
   *     keeps running then
   */
  public static TelegramAdapter start(
      TelegramSettings settings, BotCore core, StateStore state, Usernames usernames, Clock clock) {
    return start(settings, core, state, usernames, clock, POLL_SECONDS);
  }

  static TelegramAdapter start(
      TelegramSettings settings,
      BotCore core,
      StateStore state,
      Usernames usernames,
      Clock clock,
      int pollSeconds) {
    return start(
        settings, core, state, usernames, null, LeasedWork.Timing.DEFAULT, clock, pollSeconds);
  }

  /**
   * Starts the bot as {@link #start(TelegramSettings, BotCore, StateStore, Usernames, Clock)} does,
   * polling only while this instance holds the bot token's poller lease in {@code leases} (see the
   * class comment): use it whenever several instances may share the database.
   */
  public static TelegramAdapter start(
      TelegramSettings settings,
      BotCore core,
      StateStore state,
      Usernames usernames,
      Leases leases,
      Clock clock) {
    Objects.requireNonNull(leases, "leases");
    return start(
        settings, core, state, usernames, leases, LeasedWork.Timing.DEFAULT, clock, POLL_SECONDS);
  }

  /**
   * @param leases the poller lease's table, or {@code null} to poll without one (a single instance)
   */
  static TelegramAdapter start(
      TelegramSettings settings,
      BotCore core,
      StateStore state,
      Usernames usernames,
      Leases leases,
      LeasedWork.Timing timing,
      Clock clock,
      int pollSeconds) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(usernames, "usernames");
    Objects.requireNonNull(clock, "clock");
    TelegramUrl url = telegramUrl(settings.apiUrl());
    OkHttpClient http = clientHttp();
    TelegramClient client = new OkHttpTelegramClient(http, settings.token(), url);
    ExecutorService workers =
        Executors.newFixedThreadPool(UPDATE_WORKERS, TelegramThreads.named("telegram-updates"));
    ScheduledExecutorService retries =
        Executors.newSingleThreadScheduledExecutor(TelegramThreads.named("telegram-retries"));
    TelegramAdapter adapter = null;
    try {
      User me = client.execute(new GetMe());
      TelegramDelivery delivery =
          new TelegramDelivery(client, new TelegramReplyRenderer(clock), retries);
      adapter =
          new TelegramAdapter(
              me.getUserName(),
              http,
              workers,
              retries,
              new TelegramChatGateway(
                  delivery,
                  state,
                  "telegram." + settings.botId() + ".parts.",
                  URI.create("https://t.me/" + me.getUserName())),
              clock);
      log.info("Telegram bot @{} (id {}) starting", me.getUserName(), me.getId());
      setCommandMenus(client, core);
      TelegramUpdateHandler handler =
          new TelegramUpdateHandler(
              core,
              client,
              me.getUserName(),
              new TelegramChatRoles(client, clock),
              delivery,
              new TelegramPeople(usernames),
              new TelegramResumes(state, "telegram." + settings.botId() + ".resume."),
              Messages.load(),
              clock);
      PollingWork polling =
          adapter
          .new PollingWork(settings.token(), url, state, settings.botId(), handler, pollSeconds);
      if (leases == null) {
        polling.start();
      } else {
        adapter.leasedPolling =
            new LeasedWork(
                    leases,
                    "telegram-poller:" + settings.botId(),
                    Leases.processHolder(),
                    timing,
                    leases.clock(),
                    polling)
                .startTicking();
      }
      return adapter;
    } catch (TelegramApiException | RuntimeException e) {
      if (adapter != null) {
        adapter.close();
      } else {
        shutdown(workers, retries, http);
      }
      if (e instanceof TelegramApiRequestException refused
          && refused.getErrorCode() != null
          && refused.getErrorCode() == 401) {
        throw new TokenRefusedException("getMe", 401, e);
      }
      throw new IllegalStateException(
          "Telegram bot could not start (check TELEGRAM_BOT_TOKEN and TELEGRAM_API_URL): "
              + e.getMessage(),
          e);
    }
  }

  /** Delivers core's own messages to Telegram. */
  public ChatGateway gateway() {
    return gateway;
  }

  /** The bot's Telegram username, without {@code @}. */
  public String botUsername() {
    return botUsername;
  }

  /**
   * Whether polling works now: it runs and Telegram answered a {@code getUpdates} recently (within
   * the poll's hold time and a margin); the reconnects are the failed polls it retried (health
   * checks, metrics).
   */
  public ConnectionStatus status() {
    TelegramPolling current = polling;
    if (leasedPolling != null && !leasedPolling.holds()) {
      // sending works; receiving is another instance's job until it dies
      return new ConnectionStatus(true, "standing by: another instance polls this bot token", 0);
    }
    return current == null
        ? new ConnectionStatus(false, "not polling", 0)
        : current.status(clock.instant());
  }

  /**
   * Whether this instance fetches updates now; false once closed, after a 409 Conflict, and while
   * another instance holds the poller lease.
   */
  public boolean isPolling() {
    TelegramPolling current = polling;
    return current != null && current.isPolling();
  }

  /** Completes with the reason once polling has stopped for good. */
  CompletableFuture<String> pollingStopped() {
    return polling.stopped();
  }

  /**
   * A link that opens this bot's private chat and sends it {@code /start payload}: a member must
   * start the bot before it may write to them (reminders).
   */
  public URI startLink(String payload) {
    return startLink(botUsername, payload);
  }

  /**
   * {@code https://t.me/<bot>?start=<payload>}.
   *
   * @param payload 1 to 64 characters among {@code A-Z a-z 0-9 _ -}, as Telegram requires
   */
  public static URI startLink(String botUsername, String payload) {
    Objects.requireNonNull(botUsername, "botUsername");
    Objects.requireNonNull(payload, "payload");
    if (!START_PAYLOAD.matcher(payload).matches()) {
      throw new IllegalArgumentException("a start payload is 1..64 of A-Z a-z 0-9 _ -");
    }
    String bot = botUsername.startsWith("@") ? botUsername.substring(1) : botUsername;
    if (!bot.matches("[A-Za-z0-9_]{1,64}")) {
      throw new IllegalArgumentException("not a Telegram username: " + botUsername);
    }
    return URI.create("https://t.me/" + bot + "?start=" + payload);
  }

  /** Stops polling, waits for updates being handled, stops every thread. Idempotent. */
  @Override
  public void close() {
    if (leasedPolling != null) {
      leasedPolling.close();
    }
    TelegramPolling current = polling;
    if (current != null) {
      current.close();
    }
    shutdown(workers, retries, http);
    log.info("Telegram bot @{} stopped", botUsername);
  }

  /**
   * Polling as work a lease may start and stop: each start reads the ledger anew from the database
   * (another instance may have moved it on) and starts a new polling session.
   */
  private final class PollingWork implements LeasedWork.Work {
    private final String token;
    private final TelegramUrl url;
    private final StateStore state;
    private final String botId;
    private final TelegramUpdateHandler handler;
    private final int pollSeconds;

    PollingWork(
        String token,
        TelegramUrl url,
        StateStore state,
        String botId,
        TelegramUpdateHandler handler,
        int pollSeconds) {
      this.token = token;
      this.url = url;
      this.state = state;
      this.botId = botId;
      this.handler = handler;
      this.pollSeconds = pollSeconds;
    }

    @Override
    public synchronized void start() throws TelegramApiException {
      stop();
      TelegramUpdateLedger ledger =
          new TelegramUpdateLedger(state, "telegram." + botId + ".updates", clock);
      polling =
          TelegramPolling.start(
              token,
              url,
              ledger,
              new TelegramUpdateConsumer(ledger, handler::handle, workers),
              pollSeconds,
              clock);
      log.info("Telegram bot @{} is polling for updates", botUsername);
    }

    @Override
    public synchronized void stop() {
      TelegramPolling current = polling;
      if (current != null) {
        current.close();
        polling = null;
        log.info("Telegram bot @{} stopped polling", botUsername);
      }
    }

    @Override
    public boolean running() {
      return isPolling();
    }
  }

  private static void shutdown(
      ExecutorService workers, ScheduledExecutorService retries, OkHttpClient http) {
    workers.shutdown();
    retries.shutdownNow();
    try {
      if (!workers.awaitTermination(15, TimeUnit.SECONDS)) {
        log.warn("Telegram updates still being handled after 15 s; interrupting them");
        workers.shutdownNow();
      }
      retries.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private static void setCommandMenus(TelegramClient client, BotCore core) {
    List<SetMyCommands> menus = TelegramCommandMenus.menus(core.commandSpecs());
    for (SetMyCommands menu : menus) {
      try {
        client.execute(menu);
      } catch (TelegramApiException e) {
        log.warn(
            "Could not set the Telegram command menu for {} ({}): {}",
            menu.getScope().getType(),
            menu.getLanguageCode() == null ? "default" : menu.getLanguageCode(),
            e.getMessage());
      }
    }
    log.info("Telegram command menus set: {}", menus.size());
  }

  /** The HTTP client for Bot API calls: more concurrent calls than OkHttp's 5 per host. */
  private static OkHttpClient clientHttp() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(32);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(60))
        .build();
  }

  static TelegramUrl telegramUrl(URI apiUrl) {
    String scheme = apiUrl.getScheme().toLowerCase(Locale.ROOT);
    int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : "https".equals(scheme) ? 443 : 80;
    return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
  }
}
