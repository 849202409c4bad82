package org.networkeras.app;

import ch.qos.logback.classic.Level;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.networkeras.app.console.Console;
import org.networkeras.chat.Platform;
import org.networkeras.cluster.IdentifyBudget;
import org.networkeras.cluster.Leases;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.community.CommunityService;
import org.networkeras.core.CoreWiring;
import org.networkeras.core.SimulatedClock;
import org.networkeras.delivery.DeliveryAttempt;
import org.networkeras.discord.DiscordAdapter;
import org.networkeras.discord.DiscordSettings;
import org.networkeras.discord.DiscordShards;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;
import org.networkeras.store.StoreException;
import org.networkeras.telegram.TelegramAdapter;
import org.networkeras.telegram.TelegramSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires everything by hand for {@code run}: configuration, clock, storage, core, platforms. */
final class Launcher {

  private static final Logger log = LoggerFactory.getLogger(Launcher.class);

  /** The earliest and latest years {@code --now} may name. */
  static final int FIRST_YEAR = 2000;

  static final int LAST_YEAR = 2100;

  private final RunOptions options;
  private final Map<String, String> environment;
  private final PrintStream err;
  private final Consumer<CountDownLatch> untilStopped;

  Launcher(RunOptions options, Map<String, String> environment) {
    this(options, environment, System.err, Launcher::waitForShutdown);
  }

  /**
   * A launcher that reports start-up errors on {@code err} and, when it serves platforms only,
   * returns once {@code untilStopped} does (given the latch released when everything is closed).
   */
  Launcher(
      RunOptions options,
      Map<String, String> environment,
      PrintStream err,
      Consumer<CountDownLatch> untilStopped) {
    this.options = options;
    this.environment = environment;
    this.err = err;
    this.untilStopped = untilStopped;
  }

  /**
   * Starts the bot and returns when it stops: 0 after a clean stop, 2 when the configuration or the
   * database cannot be used (one line on {@code err} says why), 1 when a platform failed.
   */
  int run() {
    Config config;
    Instant now;
    try {
      config = config();
      now = options.now == null ? null : parseNow(options.now, config.defaults().zone());
    } catch (ConfigException e) {
      fail(e.getMessage(), e);
      return 2;
    }
    boolean platforms = config.discordEnabled() || config.telegramEnabled();
    boolean console = options.console || !platforms;
    quietLogsFor(console);
    LogFormat.use(config.logging());
    ZoneId zone = config.defaults().zone();
    Language language = config.defaults().language();
    SimulatedClock simulated = null;
    Clock clock = Clock.systemUTC();
    if (now != null) {
      simulated = new SimulatedClock(now, zone);
      clock = simulated;
    }
    Database opened;
    try {
      opened =
          config.database().url().isBlank()
              ? Database.openSqlite(config.dataDir())
              : Database.open(config.database().url());
    } catch (StoreException | IllegalArgumentException e) {
      // one line, even when a library's message (Flyway's) spans several
      fail(StartUpFailure.oneLine(e.getMessage()), e);
      return 2;
    }
    // Released once everything is closed, so a shutdown hook lets the JVM exit only then.
    CountDownLatch closed = new CountDownLatch(1);
    // Everything started is closed on the way out, also when a later platform fails to start.
    List<AutoCloseable> running = new ArrayList<>();
    Starting starting = null;
    try (Database database = opened) {
      CoreWiring core =
          new CoreWiring(
              database,
              clock,
              new CommunityDefaults(zone, null, language, null),
              config.http().calendars(),
              config.imports().settings());
      core.delivery().keepSettledFor(config.outbox().retention());
      // Leases are about which process is alive, so they run on real time even under --now.
      Leases leases = new Leases(database, Clock.systemUTC());
      // Discord's daily login budget, shared by every instance on this database; real time too.
      IdentifyBudget identifyBudget = new IdentifyBudget(database, Clock.systemUTC());
      WebOperations web = WebOperations.startIfConfigured(config.http(), database, core, clock);
      if (web != null) {
        running.add(web);
      }
      if (console) {
        // The console chat is for trying the bot; a production database (a platform token set)
        // gets no console community, sample catalog or settings from the command line.
        Community home = consoleCommunity(core, options.chat, zone);
        if (!options.noSample && !platforms) {
          int loaded = core.loadStarterCatalog(home);
          if (loaded > 0) {
            log.info("loaded {} sample series into console chat {}", loaded, options.chat);
          }
        }
      }
      if (config.discordEnabled()) {
        starting = Starting.DISCORD;
        String shards = config.discord().shards();
        DiscordAdapter discord =
            shards.isEmpty()
                ? DiscordAdapter.start(discordSettings(config), core.core(), identifyBudget, clock)
                : DiscordAdapter.startSharded(
                    discordSettings(config),
                    DiscordShards.parse(shards),
                    core.core(),
                    leases,
                    identifyBudget,
                    clock);
        running.add(discord);
        core.gateways().register(discord.gateway());
        WebOperations.platform(web, Platform.DISCORD, discord::status);
        log.info("Discord adapter started");
      }
      if (config.telegramEnabled()) {
        starting = Starting.TELEGRAM;
        TelegramAdapter telegram =
            TelegramAdapter.start(
                new TelegramSettings(
                    config.telegram().token(), URI.create(config.telegram().apiUrl())),
                core.core(),
                database.state(),
                core.usernames(),
                leases,
                clock);
        running.add(telegram);
        core.gateways().register(telegram.gateway());
        WebOperations.platform(web, Platform.TELEGRAM, telegram::status);
        log.info("Telegram adapter started");
      }
      starting = null;
      if (console) {
        Console session =
            new Console(
                core.core(),
                clock,
                simulated,
                language,
                options.isoTimes,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintStream(System.out, true, StandardCharsets.UTF_8),
                System.console() != null,
                options.chat);
        core.gateways().register(session.gateway());
        session.saveFilesIn(config.dataDir().resolve("files"));
        session.onAdvance(
            () -> {
              core.runDue();
              return delivered(core.delivery().deliverDueNow());
            },
            core::nextDue);
        running.add(core.delivery());
        if (simulated == null) {
          startBeside(core);
        }
        WebOperations.started(web);
        session.run();
      } else {
        running.add(core.delivery());
        core.delivery().start(core.recurringTasks());
        WebOperations.started(web);
        untilStopped.accept(closed);
      }
      closeAll(running);
      return 0;
    } catch (RuntimeException e) {
      String line =
          starting == null
              ? "could not start: " + StartUpFailure.oneLine(e.getMessage())
              : StartUpFailure.describe(
                  e, starting.platform, starting.tokenVariable, starting.urlVariable);
      fail(line, e);
      closeAll(running);
      return 1;
    } finally {
      closed.countDown();
    }
  }

  /**
   * Starts the scheduler (delivery, digests, agendas) on a thread of its own, so the console reads
   * and answers its first line meanwhile. Closing the delivery first makes the late start a no-op.
   */
  private static void startBeside(CoreWiring core) {
    Thread starter =
        new Thread(
            () -> {
              try {
                core.delivery().start(core.recurringTasks());
              } catch (IllegalStateException closedAlready) {
                log.debug("the console ended before delivery started");
              }
            },
            "delivery-start");
    starter.setDaemon(true);
    starter.start();
  }

  private static int delivered(List<DeliveryAttempt> attempts) {
    return (int)
        attempts.stream().filter(a -> a.outcome() == DeliveryAttempt.Outcome.DELIVERED).count();
  }

  private static DiscordSettings discordSettings(Config config) {
    Config.Discord discord = config.discord();
    return new DiscordSettings(
        discord.token(),
        discord.devGuild().isBlank() ? Optional.empty() : Optional.of(discord.devGuild()),
        discord.apiUrl().isBlank() ? Optional.empty() : Optional.of(URI.create(discord.apiUrl())),
        !discord.gatewayCompression().equals("none"),
        config.dataDir());
  }

  /**
   * Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C); the shutdown hook then waits for
   * {@code closed} so adapters and the database close cleanly before the JVM exits.
   */
  private static void waitForShutdown(CountDownLatch closed) {
    CountDownLatch stopping = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.countDown();
                  try {
                    closed.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "networkeras-shutdown"));
    try {
      stopping.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("stopping");
  }

  /** Closes what runs, in reverse start order: delivery stops before the adapters it sends to. */
  private static void closeAll(List<AutoCloseable> running) {
    for (int i = running.size() - 1; i >= 0; i--) {
      AutoCloseable platform = running.get(i);
      try {
        platform.close();
      } catch (Exception e) {
        log.warn("closing {} failed", platform.getClass().getSimpleName(), e);
      }
    }
  }

  private Config config() {
    Path file = options.config;
    if (file == null && Files.isRegularFile(Path.of("networkeras.yml"))) {
      file = Path.of("networkeras.yml");
    }
    Config loaded = Config.load(file, environment);
    ZoneId zone =
        options.zone == null ? loaded.defaults().zone() : Config.zone("--zone", options.zone);
    Language language =
        options.language == null
            ? loaded.defaults().language()
            : Config.language("--lang", options.language);
    Path data = options.data == null ? loaded.dataDir() : options.data;
    return new Config(
        data,
        loaded.database(),
        new Config.Defaults(zone, language),
        loaded.discord(),
        loaded.telegram(),
        options.http == null
            ? loaded.http()
            : new Config.Http(
                loaded.http().host(),
                Config.port("--http", options.http.toString()),
                loaded.http().publicUrl()),
        loaded.logging(),
        loaded.outbox(),
        loaded.imports());
  }

  /**
   * The console chat's community, with the zone and language the command line asked for: a console
   * session is one organiser trying the bot, so its flags are its community's settings.
   */
  private Community consoleCommunity(CoreWiring core, String chat, ZoneId zone) {
    CommunityService communities = core.communities();
    Community community =
        communities.byGroup(CommunityService.groupKey(Platform.CONSOLE, chat), chat);
    Language language = options.language == null ? null : Language.parse(options.language).get();
    if (!community.zone().equals(zone) || community.language() != language) {
      community =
          new Community(
              community.id(),
              community.name(),
              zone,
              language,
              community.defaultCity(),
              community.createdAt());
      communities.update(community);
    }
    return community;
  }

  /** The platform being started, to name its settings when it fails. */
  private enum Starting {
    DISCORD("Discord", "DISCORD_TOKEN", "DISCORD_API_URL"),
    TELEGRAM("Telegram", "TELEGRAM_BOT_TOKEN", "TELEGRAM_API_URL");

    final String platform;
    final String tokenVariable;
    final String urlVariable;

    Starting(String platform, String tokenVariable, String urlVariable) {
      this.platform = platform;
      this.tokenVariable = tokenVariable;
      this.urlVariable = urlVariable;
    }
  }

  /**
   * Reports a start-up failure: one line on {@code err} with its cause, then the stack trace only
   * with {@code --debug}.
   */
  private void fail(String line, Throwable failure) {
    err.println("networkeras: " + line);
    if (options.debug) {
      failure.printStackTrace(err);
    }
  }

  /** {@code --now} as an instant, in years {@value #FIRST_YEAR} to {@value #LAST_YEAR}. */
  static Instant parseNow(String text, ZoneId zone) {
    OffsetDateTime now;
    try {
      now = OffsetDateTime.parse(text);
    } catch (DateTimeParseException notOffset) {
      try {
        now = LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
      } catch (DateTimeException e) {
        throw new ConfigException(
            "--now must be a date and time such as 2026-11-26T10:00, not '" + text + "'");
      }
    }
    if (now.getYear() < FIRST_YEAR || now.getYear() > LAST_YEAR) {
      throw new ConfigException(
          "--now must fall in the years "
              + FIRST_YEAR
              + " to "
              + LAST_YEAR
              + ", not "
              + now.getYear()
              + " ('"
              + text
              + "')");
    }
    return now.toInstant();
  }

  /** The console stays quiet (warnings only); a bot serving platforms logs each command. */
  private static void quietLogsFor(boolean console) {
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
      ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(console ? Level.WARN : Level.INFO);
    }
  }
}
