package org.networkeras.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.networkeras.chat.ConnectionStatus;
import org.networkeras.chat.Platform;
import org.networkeras.core.CoreWiring;
import org.networkeras.store.Database;
import org.networkeras.web.CalendarRoutes;
import org.networkeras.web.HealthCheck;
import org.networkeras.web.HealthRoutes;
import org.networkeras.web.MetricsRoutes;
import org.networkeras.web.WebRoutes;
import org.networkeras.web.WebServer;
import org.networkeras.web.WebSettings;
import org.networkeras.web.agenda.AgendaRoutes;
import org.networkeras.web.metrics.BotMetrics;

/**
 * The HTTP side of a running bot, when {@code http.port} is set: the server with its health checks,
 * metrics and the communities' public agendas, bound to the core, the database and each platform as
 * it starts. Readiness says DOWN until {@link #started} (the platforms logged in and delivery
 * runs). Closing stops the server.
 */
final class WebOperations implements AutoCloseable {

  /** A backlog read from the database serves the scrapes of this long. */
  private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(5);

  private final WebServer server;
  private final BotMetrics metrics;
  private final HealthRoutes checks;
  private volatile boolean started;

  private WebOperations(WebServer server, BotMetrics metrics, HealthRoutes checks) {
    this.server = server;
    this.metrics = metrics;
    this.checks = checks;
  }

  /**
   * Starts the server when {@code http} is enabled, with the routes issue-by-issue features add
   * (health, metrics, public agendas), the agendas' links starting with {@code http.address()}.
   *
   * @return the running server's operations, or null when HTTP is off
   * @throws IllegalStateException when the port cannot be bound
   */
  static WebOperations startIfConfigured(
      Config.Http http, Database database, CoreWiring core, Clock clock) {
    if (!http.enabled()) {
      return null;
    }
    var registry = BotMetrics.prometheus();
    BotMetrics metrics =
        new BotMetrics(registry, clock, BACKLOG_REFRESH)
            .bindJvm()
            .bindCore(core)
            .bindPool(database.dataSource());
    WebOperations[] self = new WebOperations[1];
    HealthRoutes checks = new HealthRoutes(List.of());
    checks.add(
        HealthCheck.of(
            "startup",
            () ->
                self[0] != null && self[0].started
                    ? HealthCheck.Result.up("started")
                    : HealthCheck.Result.down("starting")));
    checks.add(HealthCheck.database(database, HealthRoutes.CHECK_TIMEOUT));
    core.pages().publishAt(http.address());
    List<WebRoutes> routes =
        List.of(
            checks,
            new MetricsRoutes(registry),
            new CalendarRoutes(core.calendars()),
            new AgendaRoutes(core, clock));
    WebServer server;
    try {
      server = WebServer.start(new WebSettings(http.host(), http.port()), routes);
    } catch (RuntimeException e) {
      metrics.close();
      throw e;
    }
    self[0] = new WebOperations(server, metrics, checks);
    return self[0];
  }

  /** Adds a started platform's connection to readiness and metrics (nothing when HTTP is off). */
  static void platform(WebOperations web, Platform platform, Supplier<ConnectionStatus> status) {
    if (web == null) {
      return;
    }
    String name = platform.name().toLowerCase(java.util.Locale.ROOT);
    web.checks.add(HealthCheck.platform(name, status));
    web.metrics.bindPlatform(platform, status);
  }

  /** Everything started: readiness may say UP (nothing when HTTP is off). */
  static void started(WebOperations web) {
    if (web != null) {
      web.started = true;
    }
  }

  /** The port the server listens on. */
  int port() {
    return server.port();
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      metrics.close();
    }
  }
}
