package org.networkeras.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import okhttp3.OkHttpClient;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ConnectionStatus;
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
 * <p>Start with {@link #start(DiscordSettings, BotCore, Clock)}; {@link #close()} logs out.
 */
public final class DiscordAdapter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);

  /** Threads that run core for interactions; core calls may block on the database. */
  private static final int CORE_THREADS = 4;

  /** How long an outbound message may wait for Discord's answer. */
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

  private final JDA jda;
  private final OkHttpClient http;
  private final ExecutorService coreExecutor;
  private final ScheduledExecutorService timer;
  private final DiscordChatGateway gateway;
  private final DiscordSessionWatch sessions;

  private DiscordAdapter(
      JDA jda,
      OkHttpClient http,
      ExecutorService coreExecutor,
      ScheduledExecutorService timer,
      DiscordChatGateway gateway,
      DiscordSessionWatch sessions) {
    this.sessions = sessions;
    this.jda = jda;
    this.http = http;
    this.coreExecutor = coreExecutor;
    this.timer = timer;
    this.gateway = gateway;
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
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(clock, "clock");
    waitOutBackOff(new LoginBackOff(settings.dataFolder(), clock));

    MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);

    OkHttpClient http = new OkHttpClient();
    ExecutorService coreExecutor =
        Executors.newFixedThreadPool(CORE_THREADS, named("discord-core"));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(named("discord-deferral"));
    DiscordReplyRenderer renderer = new DiscordReplyRenderer(clock);
    DiscordSessionWatch sessions = new DiscordSessionWatch();
    JDABuilder builder =
        JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
            .setMemberCachePolicy(MemberCachePolicy.NONE)
            .setChunkingFilter(ChunkingFilter.NONE)
            .setHttpClient(http)
            .setEnableShutdownHook(false)
            .setCompression(settings.gatewayCompression() ? Compression.ZLIB : Compression.NONE)
            .addEventListeners(
                new DiscordInteractionListener(core, renderer, coreExecutor, timer, clock),
                sessions);
    settings
        .restBaseUrl()
        .ifPresent(
            base -> {
              builder.setRestConfig(new RestConfig().setBaseUrl(base));
              builder.setSessionController(
                  new GatewayLocator.FixedGatewaySessionController(
                      GatewayLocator.gatewayUrl(http, base, settings.token())));
              LOG.info("Discord REST API at {}", base);
            });
    JDA jda;
    try {
      jda = builder.build().awaitReady();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shutdown(coreExecutor, timer, http);
      throw new IllegalStateException("interrupted while logging in to Discord", e);
    } catch (RuntimeException e) {
      shutdown(coreExecutor, timer, http);
      throw new IllegalStateException("could not log in to Discord: " + e.getMessage(), e);
    }
    LOG.info(
        "Logged in to Discord as {} ({})", jda.getSelfUser().getName(), jda.getSelfUser().getId());
    registerCommands(jda, settings, DiscordCommandRenderer.render(core.commandSpecs()));
    return new DiscordAdapter(
        jda,
        http,
        coreExecutor,
        timer,
        new DiscordChatGateway(jda, renderer, DELIVERY_TIMEOUT),
        sessions);
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
    JDA.Status status = jda.getStatus();
    return new ConnectionStatus(
        status == JDA.Status.CONNECTED, status.name(), sessions.reconnects());
  }

  /** Logs out and stops the adapter's threads; waits a few seconds for work in flight. */
  @Override
  public void close() {
    jda.shutdown();
    try {
      if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
        jda.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      jda.shutdownNow();
    }
    shutdown(coreExecutor, timer, http);
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

  private static void shutdown(
      ExecutorService coreExecutor, ScheduledExecutorService timer, OkHttpClient http) {
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

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
