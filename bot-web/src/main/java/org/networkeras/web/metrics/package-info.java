/**
 * Micrometer bindings: {@link org.networkeras.web.metrics.BotMetrics} turns core's listeners
 * (commands, deliveries, rate-limit waits), its outbox backlog and caches, the adapters' connection
 * status, the connection pool and the JVM into meters with stable names, which {@code /metrics}
 * serves and {@code docs/grafana-dashboard.json} charts.
 */
package org.networkeras.web.metrics;
