/**
 * The embedded HTTP server: {@link org.networkeras.web.WebServer} (Javalin on Jetty, off unless a
 * port is configured) serves what each {@link org.networkeras.web.WebRoutes} adds to it: the health
 * checks ({@link org.networkeras.web.HealthRoutes}), the Prometheus metrics ({@link
 * org.networkeras.web.MetricsRoutes}) and the public agenda pages ({@link
 * org.networkeras.web.agenda.AgendaRoutes}). A feature that serves pages writes one {@code
 * WebRoutes} and the launcher passes it to {@code WebServer.start}; nothing here changes.
 */
package org.networkeras.web;
