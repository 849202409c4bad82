package org.networkeras.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /health/live}: 200 while the process answers HTTP at all (a liveness probe restarts
 * the bot when this fails). {@code GET /health/ready}: runs every {@link HealthCheck} at once, each
 * for at most {@link #CHECK_TIMEOUT} (unless told otherwise), and answers 200 when all are up, 503
 * otherwise, with a JSON body that names each check, its status and why:
 *
 * <pre>{@code
 * {"status":"DOWN","checks":{"database":{"status":"UP","detail":"SQLite answered in 1 ms"},
 *  "telegram":{"status":"DOWN","detail":"no answer from Telegram for 95 s"}}}
 * }</pre>
 *
 * Closing it stops the threads that run the checks.
 */
public final class HealthRoutes implements WebRoutes, AutoCloseable {

  /** How long one check may take before it counts as down. */
  public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_DETAIL = 300;

  private final List<HealthCheck> checks;
  private final Duration checkTimeout;
  private final ExecutorService executor;

  /** Readiness from {@code checks}, and those {@link #add added} later. */
  public HealthRoutes(List<HealthCheck> checks) {
    this(checks, CHECK_TIMEOUT);
  }

  /**
   * As the other constructor, a check counting as down after {@code checkTimeout} (tests give a
   * generous one, so that a loaded machine does not fail a check that works).
   */
  public HealthRoutes(List<HealthCheck> checks, Duration checkTimeout) {
    this.checkTimeout = java.util.Objects.requireNonNull(checkTimeout, "checkTimeout");
    this.checks = new java.util.concurrent.CopyOnWriteArrayList<>(checks);
    AtomicInteger count = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "health-check-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Adds a check to readiness from now on (a platform that has just started). */
  public void add(HealthCheck check) {
    checks.add(java.util.Objects.requireNonNull(check, "check"));
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/health/live", ctx -> json(ctx, 200, Map.of("status", "UP")));
    routes.get("/health/ready", this::ready);
  }

  private void ready(Context ctx) throws JsonProcessingException {
    List<CompletableFuture<HealthCheck.Result>> running = new ArrayList<>();
    for (HealthCheck check : checks) {
      running.add(
          CompletableFuture.supplyAsync(check::check, executor)
              .completeOnTimeout(
                  HealthCheck.Result.down("no answer within " + checkTimeout.toMillis() + " ms"),
                  checkTimeout.toMillis(),
                  TimeUnit.MILLISECONDS)
              .exceptionally(e -> HealthCheck.Result.down(describe(unwrap(e)))));
    }
    Map<String, Object> results = new LinkedHashMap<>();
    boolean allUp = true;
    for (int i = 0; i < checks.size(); i++) {
      HealthCheck.Result result = running.get(i).join();
      allUp &= result.up();
      results.put(
          checks.get(i).name(),
          Map.of("status", result.up() ? "UP" : "DOWN", "detail", shorten(result.detail())));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", allUp ? "UP" : "DOWN");
    body.put("checks", results);
    json(ctx, allUp ? 200 : 503, body);
  }

  private static void json(Context ctx, int status, Object body) throws JsonProcessingException {
    ctx.status(status)
        .contentType("application/json")
        .header("Cache-Control", "no-store")
        .result(JSON.writeValueAsString(body));
  }

  /** A failure in a few words: its kind and message, never a stack trace. */
  static String describe(Throwable e) {
    if (e instanceof TimeoutException) {
      return "timed out";
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof java.util.concurrent.CompletionException && e.getCause() != null
        ? e.getCause()
        : e;
  }

  private static String shorten(String detail) {
    return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
