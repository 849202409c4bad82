package org.networkeras.web;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/**
 * {@code GET /metrics}: every meter of the registry in Prometheus' text format, read at the moment
 * of the scrape (the gauges that read the database do so then).
 */
public final class MetricsRoutes implements WebRoutes {

  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  public MetricsRoutes(PrometheusMeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(
        "/metrics",
        ctx ->
            ctx.contentType(TEXT_FORMAT)
                .header("Cache-Control", "no-store")
                .result(registry.scrape()));
  }
}
