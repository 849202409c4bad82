package org.networkeras.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The server as features extend it: each adds its routes; the server starts and stops them. */
final class WebServerTest {

  /** A feature's routes, as the agenda pages will add theirs, and a resource it holds. */
  private static final class Greeting implements WebRoutes, AutoCloseable {
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public void addTo(io.javalin.config.RoutesConfig routes) {
      routes.get("/hello/{name}", ctx -> ctx.result("hello " + ctx.pathParam("name")));
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  @Test
  void servesTheRoutesEachFeatureAddsAndClosesThemWhenItStops() {
    // given
    Greeting greeting = new Greeting();
    WebServer server =
        WebServer.start(
            new WebSettings(WebSettings.LOOPBACK, 0),
            List.of(greeting, new HealthRoutes(List.of())));

    // when
    HttpResponse<String> hello = Http.get(server.port(), "/hello/alice");
    HttpResponse<String> live = Http.get(server.port(), "/health/live");
    HttpResponse<String> missing = Http.get(server.port(), "/nothing-here");
    server.close();

    // then
    assertThat(hello.statusCode()).isEqualTo(200);
    assertThat(hello.body()).isEqualTo("hello alice");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(greeting.closed).isTrue();
  }

  @Test
  void refusesToStartOnAPortInUseAndSaysWhichOne() throws IOException {
    // given
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Greeting greeting = new Greeting();

      // when / then
      assertThatThrownBy(
              () ->
                  WebServer.start(
                      new WebSettings("127.0.0.1", taken.getLocalPort()), List.of(greeting)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("could not serve HTTP on 127.0.0.1:" + taken.getLocalPort());
      assertThat(greeting.closed).isTrue();
    }
  }
}
