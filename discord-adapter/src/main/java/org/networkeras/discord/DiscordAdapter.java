package org.networkeras.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import okhttp3.OkHttpClient;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ConnectionStatus;
import org.networkeras.chat.TokenRefusedException;
import org.networkeras.cluster.IdentifyBudget;
import org.networkeras.cluster.LeasedWork;
import org.networkeras.cluster.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Networkeras on Discord: one bot session that registers core's commands as slash commands, turns
 * interactions into core calls and core replies into messages, and delivers core's own messages
 * through {@link #gateway()}.
 *
 * <p>The session asks for no privileged intent (slash commands, buttons and modals need none) and
 * for no intent beyond {@code GUILDS}, which JDA always keeps so guild channels are known for
 * announcements; members are not cached. Core runs on the adapter's own threads, never on JDA's
 * event thread. Every message allows no mention by default. The token is never logged.
 *
 * <p>Start with {@link #start(DiscordSettings, BotCore, Clock)}, or with {@link #startSharded} to
 * run some of the bot's shards (JDA's {@link ShardManager}), each under a lease so that no two
 * instances on one database run the same shard; {@link #close()} logs out.
 */
public final class DiscordAdapter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);

  /** Threads that run core for interactions; core calls may block on the database. */
  private static final int CORE_THREADS = 4;

  /** Discord's REST API, when {@code discord.apiUrl} names no other server. */
  private static final String DISCORD_API = "https://discord.com/api/v10/";

  /** How often a login held back by a spent budget looks at the clock again. */
  private static final Duration BUDGET_CHECK_EVERY = Duration.ofSeconds(1);

  /** How long an outbound message may wait for Discord's answer. */
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

  private final JDA jda;
  private final ShardManager shardManager;
  private final DiscordShards shards;
  private final List<LeasedWork> shardLeases = new CopyOnWriteArrayList<>();
  private final Parts parts;
  private final DiscordChatGateway gateway;
  private BudgetedSessionController budgeted;

  private DiscordAdapter(
      JDA jda,
      ShardManager shardManager,
      DiscordShards shards,
      Parts parts,
      DiscordChatGateway gateway) {
    this.jda = jda;
    this.shardManager = shardManager;
    this.shards = shards;
    this.parts = parts;
    this.gateway = gateway;
  }

  /**
   * What a session or a shard manager is built with: the HTTP client, the threads that run core,
   * the reply renderer and the listeners; {@link #shutdown()} stops the threads.
   */
  private record Parts(
      OkHttpClient http,
      ExecutorService coreExecutor,
      ScheduledExecutorService timer,
      DiscordReplyRenderer renderer,
      DiscordSessionWatch sessions,
      DiscordInteractionListener listener) {

    /** Waits out the login back-off, sets messages to mention no one, starts the threads. */
    static Parts prepare(DiscordSettings settings, BotCore core, Clock clock) {
      waitOutBackOff(new LoginBackOff(settings.dataFolder(), clock));

      MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
      MessageRequest.setDefaultMentionRepliedUser(false);

      ExecutorService coreExecutor =
          Executors.newFixedThreadPool(CORE_THREADS, named("discord-core"));
      ScheduledExecutorService timer =
          Executors.newSingleThreadScheduledExecutor(named("discord-deferral"));
      DiscordReplyRenderer renderer = new DiscordReplyRenderer(clock);
      return new Parts(
          new OkHttpClient(),
          coreExecutor,
          timer,
          renderer,
          new DiscordSessionWatch(),
          new DiscordInteractionListener(core, renderer, coreExecutor, timer, clock));
    }

    /**
     * Points REST calls and the gateway at {@code discord.apiUrl}, when one is set, and, with a
     * {@code budget}, makes every session start spend a login of the token's daily budget shared
     * through the database (aligned first with Discord's {@code session_start_limit}).
     *
     * @return the budgeted session controller, or null without a budget
     */
    BudgetedSessionController pointAtServer(
        DiscordSettings settings,
        IdentifyBudget budget,
        Consumer<RestConfig> restConfig,
        Consumer<SessionController> sessionController) {
      // logged once the server answered: an unreachable one makes the one-line start-up failure
      Runnable pointRest =
          () ->
              settings
                  .restBaseUrl()
                  .ifPresent(
                      base -> {
                        restConfig.accept(new RestConfig().setBaseUrl(base));
                        LOG.info("Discord REST API at {}", base);
                      });
      if (budget == null) {
        settings
            .restBaseUrl()
            .ifPresent(
                base ->
                    sessionController.accept(
                        new GatewayLocator.FixedGatewaySessionController(
                            GatewayLocator.gatewayUrl(http, base, settings.token()))));
        pointRest.run();
        return null;
      }
      String base = settings.restBaseUrl().orElse(DISCORD_API);
      String hash = IdentifyBudget.tokenHash(settings.token());
      String gatewayUrl = null;
      int concurrency = 1;
      try {
        DataObject bot = GatewayLocator.gatewayBot(http, base, settings.token());
        gatewayUrl = bot.getString("url");
        DataObject limit = bot.optObject("session_start_limit").orElse(null);
        if (limit != null) {
          concurrency = Math.max(1, limit.getInt("max_concurrency", 1));
          budget.sync(
              hash,
              limit.getInt("total", IdentifyBudget.DEFAULT_TOTAL),
              limit.getInt("remaining", IdentifyBudget.DEFAULT_TOTAL),
              budget.clock().instant().plusMillis(limit.getLong("reset_after", 0)));
        }
      } catch (java.io.UncheckedIOException e) {
        if (settings.restBaseUrl().isPresent()) {
          throw e;
        }
        LOG.warn(
            "Could not read Discord's login budget ({}); counting logins from here",
            e.getMessage());
      }
      BudgetedSessionController controller =
          new BudgetedSessionController(
              budget,
              hash,
              budget.clock(),
              BUDGET_CHECK_EVERY,
              settings.restBaseUrl().isPresent() ? gatewayUrl : null);
      controller.setConcurrency(concurrency);
      sessionController.accept(controller);
      pointRest.run();
      return controller;
    }

    /** Stops the threads, waiting a few seconds for core calls in flight. */
    void shutdown() {
      timer.shutdownNow();
      coreExecutor.shutdown();
      try {
        if (!coreExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
          coreExecutor.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        coreExecutor.shutdownNow();
      }
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /**
   * Logs in, waits until the session is ready and registers core's commands (on the dev guild when
   * one is set, globally otherwise; the registration overwrites the previous one, so it is
   * idempotent). When the bot restarted in a loop, first waits out the login back-off recorded
   * under the data folder.
   *
   * @throws IllegalStateException when the login fails or the thread is interrupted
   */
  public static DiscordAdapter start(DiscordSettings settings, BotCore core, Clock clock) {
    return start(settings, core, null, clock);
  }

  /**
   * As {@link #start(DiscordSettings, BotCore, Clock)}, with each login first spending one of the
   * token's daily logins from {@code budget}, shared by every instance on its database (null: no
   * shared budget).
   */
  public static DiscordAdapter start(
      DiscordSettings settings, BotCore core, IdentifyBudget budget, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(clock, "clock");
    Parts parts = Parts.prepare(settings, core, clock);
    JDABuilder builder =
        JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
            .setMemberCachePolicy(MemberCachePolicy.NONE)
            .setChunkingFilter(ChunkingFilter.NONE)
            .setHttpClient(parts.http())
            .setEnableShutdownHook(false)
            .setCompression(settings.gatewayCompression() ? Compression.ZLIB : Compression.NONE)
            .addEventListeners(parts.listener(), parts.sessions());
    BudgetedSessionController budgeted;
    try {
      budgeted =
          parts.pointAtServer(
              settings, budget, builder::setRestConfig, builder::setSessionController);
    } catch (RuntimeException e) {
      parts.shutdown();
      throw e;
    }
    JDA jda;
    try {
      jda = builder.build().awaitReady();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      parts.shutdown();
      throw new IllegalStateException("interrupted while logging in to Discord", e);
    } catch (InvalidTokenException e) {
      parts.shutdown();
      throw new TokenRefusedException("login", 401, e);
    } catch (RuntimeException e) {
      parts.shutdown();
      throw new IllegalStateException("could not log in to Discord: " + e.getMessage(), e);
    }
    LOG.info(
        "Logged in to Discord as {} ({})", jda.getSelfUser().getName(), jda.getSelfUser().getId());
    registerCommands(jda, settings, DiscordCommandRenderer.render(core.commandSpecs()));
    DiscordAdapter adapter =
        new DiscordAdapter(
            jda,
            null,
            null,
            parts,
            new DiscordChatGateway(DiscordChannels.of(jda), parts.renderer(), DELIVERY_TIMEOUT));
    adapter.budgeted = budgeted;
    return adapter;
  }

  /**
   * Runs the shards {@code shards} names of the bot, each while this instance holds its lease
   * ({@code discord-shard:<id>/<total>}) in {@code leases}: a shard another instance runs waits
   * here, and starts here within about 13 s of that instance's death. Without leases ({@code null}:
   * one instance), every named shard starts at once. Returns without waiting for the shards to
   * connect; core's commands are registered once the first shard is ready.
   *
   * @throws IllegalStateException when the session cannot be built
   */
  public static DiscordAdapter startSharded(
      DiscordSettings settings, DiscordShards shards, BotCore core, Leases leases, Clock clock) {
    return startSharded(settings, shards, core, leases, null, LeasedWork.Timing.DEFAULT, clock);
  }

  /**
   * As {@link #startSharded(DiscordSettings, DiscordShards, BotCore, Leases, Clock)}, with each
   * shard's login first spending one of the token's daily logins from {@code budget}, shared by
   * every instance on its database (null: no shared budget).
   */
  public static DiscordAdapter startSharded(
      DiscordSettings settings,
      DiscordShards shards,
      BotCore core,
      Leases leases,
      IdentifyBudget budget,
      Clock clock) {
    return startSharded(settings, shards, core, leases, budget, LeasedWork.Timing.DEFAULT, clock);
  }

  static DiscordAdapter startSharded(
      DiscordSettings settings,
      DiscordShards shards,
      BotCore core,
      Leases leases,
      LeasedWork.Timing timing,
      Clock clock) {
    return startSharded(settings, shards, core, leases, null, timing, clock);
  }

  static DiscordAdapter startSharded(
      DiscordSettings settings,
      DiscordShards shards,
      BotCore core,
      Leases leases,
      IdentifyBudget budget,
      LeasedWork.Timing timing,
      Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(shards, "shards");
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(clock, "clock");
    Parts parts = Parts.prepare(settings, core, clock);
    DefaultShardManagerBuilder builder =
        DefaultShardManagerBuilder.createLight(
                settings.token(), EnumSet.noneOf(GatewayIntent.class))
            .setMemberCachePolicy(MemberCachePolicy.NONE)
            .setChunkingFilter(ChunkingFilter.NONE)
            .setHttpClient(parts.http())
            .setEnableShutdownHook(false)
            .setCompression(settings.gatewayCompression() ? Compression.ZLIB : Compression.NONE)
            .addEventListeners(parts.listener(), parts.sessions())
            .setShardsTotal(shards.total())
            // none at first: each shard is started once its lease is held
            .setShards(List.of());
    BudgetedSessionController budgeted;
    try {
      budgeted =
          parts.pointAtServer(
              settings, budget, builder::setRestConfig, builder::setSessionController);
    } catch (RuntimeException e) {
      parts.shutdown();
      throw e;
    }
    ShardManager manager;
    try {
      manager = builder.build(false);
    } catch (RuntimeException e) {
      parts.shutdown();
      throw new IllegalStateException("could not set up the Discord shards: " + e.getMessage(), e);
    }
    DiscordAdapter adapter =
        new DiscordAdapter(
            null,
            manager,
            shards,
            parts,
            new DiscordChatGateway(
                DiscordChannels.of(manager), parts.renderer(), DELIVERY_TIMEOUT));
    adapter.budgeted = budgeted;
    List<SlashCommandData> commands = DiscordCommandRenderer.render(core.commandSpecs());
    AtomicBoolean registered = new AtomicBoolean();
    String holder = Leases.processHolder();
    for (int shardId : shards.ids()) {
      ShardWork work = new ShardWork(manager, shardId, settings, commands, registered);
      if (leases == null) {
        work.start();
      } else {
        adapter.shardLeases.add(
            new LeasedWork(
                    leases,
                    "discord-shard:" + shardId + "/" + shards.total(),
                    holder,
                    timing,
                    leases.clock(),
                    work)
                .startTicking());
      }
    }
    LOG.info("Discord shards {} set up{}", shards, leases == null ? "" : " (each under a lease)");
    return adapter;
  }

  /** One shard as work a lease starts and stops. */
  private static final class ShardWork implements LeasedWork.Work {
    private final ShardManager manager;
    private final int shardId;
    private final DiscordSettings settings;
    private final List<SlashCommandData> commands;
    private final AtomicBoolean registered;

    ShardWork(
        ShardManager manager,
        int shardId,
        DiscordSettings settings,
        List<SlashCommandData> commands,
        AtomicBoolean registered) {
      this.manager = manager;
      this.shardId = shardId;
      this.settings = settings;
      this.commands = commands;
      this.registered = registered;
    }

    @Override
    public void start() {
      LOG.info("Starting Discord shard {}/{}", shardId, manager.getShardsTotal());
      manager.start(shardId);
      if (registered.compareAndSet(false, true)) {
        // not on the lease's thread: the lease must be renewed while the shard connects
        Thread registration = new Thread(this::registerOnceReady, "discord-commands");
        registration.setDaemon(true);
        registration.start();
      }
    }

    /**
     * Registers core's commands once per instance, through the first shard started here, once it is
     * ready; if it never becomes ready, the next shard started tries.
     */
    private void registerOnceReady() {
      try {
        JDA shard = manager.getShardById(shardId);
        for (int i = 0; i < 1_200 && shard == null; i++) {
          TimeUnit.MILLISECONDS.sleep(50);
          shard = manager.getShardById(shardId);
        }
        if (shard == null || shard.awaitReady().getStatus() != JDA.Status.CONNECTED) {
          registered.set(false);
          return;
        }
        registerCommands(shard, settings, commands);
      } catch (InterruptedException | IllegalStateException e) {
        // the shard was shut down while connecting
        registered.set(false);
      }
    }

    @Override
    public void stop() {
      if (manager.getShardById(shardId) != null) {
        LOG.info("Stopping Discord shard {}/{}", shardId, manager.getShardsTotal());
        manager.shutdown(shardId);
      }
    }

    @Override
    public boolean running() {
      JDA shard = manager.getShardById(shardId);
      return shard != null && shard.getStatus() != JDA.Status.SHUTDOWN;
    }
  }

  /** Delivers core's own messages (reminders, announcements) to Discord. */
  public ChatGateway gateway() {
    return gateway;
  }

  /**
   * Whether the gateway session is connected now (JDA's status), and how many times it was taken up
   * again after a loss (health checks, metrics).
   */
  public ConnectionStatus status() {
    if (jda != null) {
      JDA.Status status = jda.getStatus();
      return new ConnectionStatus(
          status == JDA.Status.CONNECTED, status.name(), parts.sessions().reconnects());
    }
    Map<JDA, JDA.Status> statuses = shardManager.getStatuses();
    List<String> running = new ArrayList<>();
    statuses.forEach(
        (shard, status) -> running.add(shard.getShardInfo().getShardId() + ": " + status.name()));
    boolean connected = statuses.values().stream().allMatch(s -> s == JDA.Status.CONNECTED);
    String detail =
        statuses.isEmpty()
            ? "shards " + shards + ": none runs here (other instances hold them)"
            : "shards " + shards + ": " + String.join(", ", running.stream().sorted().toList());
    return new ConnectionStatus(connected, detail, parts.sessions().reconnects());
  }

  /** The session controller spending the shared login budget, or null without one. */
  BudgetedSessionController budgetedSessions() {
    return budgeted;
  }

  /** The ids of the shards running on this instance now (empty without shards). */
  public List<Integer> runningShards() {
    if (shardManager == null) {
      return List.of();
    }
    return shardManager.getShards().stream()
        .map(shard -> shard.getShardInfo().getShardId())
        .sorted()
        .toList();
  }

  /** Logs out and stops the adapter's threads; waits a few seconds for work in flight. */
  @Override
  public void close() {
    if (jda != null) {
      stopSession(jda);
    } else {
      List<JDA> running = shardManager.getShards();
      shardLeases.forEach(LeasedWork::close);
      shardManager.shutdown();
      running.forEach(DiscordAdapter::stopSession);
    }
    parts.shutdown();
  }

  private static void stopSession(JDA session) {
    session.shutdown();
    try {
      if (!session.awaitShutdown(Duration.ofSeconds(10))) {
        session.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      session.shutdownNow();
    }
  }

  private static void registerCommands(
      JDA jda, DiscordSettings settings, List<SlashCommandData> commands) {
    try {
      if (settings.devGuildId().isPresent()) {
        Guild guild = jda.getGuildById(settings.devGuildId().get());
        if (guild == null) {
          LOG.error(
              "The bot is not in the dev guild {}: commands not registered",
              settings.devGuildId().get());
          return;
        }
        guild.updateCommands().addCommands(commands).complete();
        LOG.info("Registered {} commands on guild {}", commands.size(), guild.getId());
      } else {
        jda.updateCommands().addCommands(commands).complete();
        LOG.info("Registered {} global commands", commands.size());
      }
    } catch (RuntimeException e) {
      // The bot still answers the commands registered before; the log says why these were not.
      LOG.error("Discord refused the command registration: {}", e.toString());
    }
  }

  private static void waitOutBackOff(LoginBackOff backOff) {
    Duration wait = backOff.delayBeforeLogin();
    if (!wait.isZero()) {
      LOG.warn(
          "Restarted quickly after the last Discord login: waiting {} before logging in", wait);
      try {
        TimeUnit.MILLISECONDS.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting to log in to Discord", e);
      }
    }
    backOff.recordLogin();
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
