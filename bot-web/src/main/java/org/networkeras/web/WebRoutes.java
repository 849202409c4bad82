package org.networkeras.web;

import io.javalin.config.RoutesConfig;

/**
 * What one feature serves over HTTP: it adds its routes to the server while the server is
 * configured, before it starts. The health checks and the metrics are two; the public agenda, its
 * event pages and calendar feeds add theirs the same way, as another {@code WebRoutes} passed to
 * {@link WebServer#start}. Routes of different features must not overlap. A {@code WebRoutes} that
 * is also {@link AutoCloseable} is closed when the server stops.
 */
@FunctionalInterface
public interface WebRoutes {

  /** Adds this feature's routes ({@code routes.get("/health/live", ctx -> …)}). */
  void addTo(RoutesConfig routes);
}
