package org.networkeras.web;

import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP server (Javalin 7 on Jetty 12). {@link #start} binds the configured address and
 * port and serves the routes every {@link WebRoutes} added; {@link #close()} stops it. A small
 * thread pool serves requests: health probes, metric scrapes and agenda pages. Thread-safe.
 */
public final class WebServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /** Request threads at most: enough for probes and pages, small beside the bot's own work. */
  private static final int MAX_THREADS = 16;

  private final Javalin app;
  private final List<WebRoutes> routes;
  private boolean closed;

  private WebServer(Javalin app, List<WebRoutes> routes) {
    this.app = app;
    this.routes = routes;
  }

  /**
   * Starts serving {@code routes} at {@code settings}' address.
   *
   * @throws IllegalStateException if the port cannot be bound (in use, not allowed); nothing keeps
   *     running then
   */
  public static WebServer start(WebSettings settings, List<WebRoutes> routes) {
    Objects.requireNonNull(settings, "settings");
    List<WebRoutes> all = List.copyOf(routes);
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
    threads.setName("http");
    threads.setDaemon(true);
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = settings.host();
              config.jetty.port = settings.port();
              config.jetty.threadPool = threads;
              all.forEach(feature -> feature.addTo(config.routes));
            });
    try {
      app.start();
    } catch (RuntimeException e) {
      try {
        app.stop();
      } catch (RuntimeException ignored) {
        // the original failure says more
      }
      closeAll(all);
      throw new IllegalStateException(
          "could not serve HTTP on " + settings.host() + ":" + settings.port() + ": " + reason(e),
          e);
    }
    LOG.info("HTTP server listening on {}:{}", settings.host(), app.port());
    return new WebServer(app, all);
  }

  /** The port the server listens on (the one chosen when 0 was asked). */
  public int port() {
    return app.port();
  }

  /** Stops serving, then closes the routes that hold resources. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    app.stop();
    closeAll(routes);
    LOG.info("HTTP server stopped");
  }

  private static void closeAll(List<WebRoutes> routes) {
    List<WebRoutes> reversed = new ArrayList<>(routes);
    java.util.Collections.reverse(reversed);
    for (WebRoutes feature : reversed) {
      if (feature instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.warn("closing {} failed", feature.getClass().getSimpleName(), e);
        }
      }
    }
  }

  private static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
