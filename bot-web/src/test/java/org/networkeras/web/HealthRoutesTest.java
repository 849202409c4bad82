package org.networkeras.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.ConnectionStatus;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/** The health endpoints as a load balancer or Kubernetes probes them. */
final class HealthRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GENEROUS = Duration.ofMinutes(1);

  @TempDir Path tempDir;
  private Database database;
  private WebServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void isReadyWhenTheDatabaseAnswersAndEveryPlatformIsConnected() throws Exception {
    // given
    database = TestDatabases.sqlite(tempDir);
    start(
        HealthCheck.database(database, GENEROUS),
        HealthCheck.platform("telegram", () -> new ConnectionStatus(true, "polling", 0)));

    // when
    HttpResponse<String> ready = Http.get(server.port(), "/health/ready");
    HttpResponse<String> live = Http.get(server.port(), "/health/live");

    // then
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(ready.body());
    assertThat(body.get("status").asText()).isEqualTo("UP");
    assertThat(body.at("/checks/database/status").asText()).isEqualTo("UP");
    assertThat(body.at("/checks/database/detail").asText()).startsWith("SQLite answered in");
    assertThat(body.at("/checks/telegram/detail").asText()).isEqualTo("polling");
    assertThat(ready.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(live.body()).get("status").asText()).isEqualTo("UP");
  }

  @Test
  void isNotReadyOnceTheDatabaseIsClosedAndSaysWhy() throws Exception {
    // given
    database = TestDatabases.sqlite(tempDir);
    start(HealthCheck.database(database, GENEROUS));
    assertThat(Http.get(server.port(), "/health/ready").statusCode()).isEqualTo(200);

    // when
    database.close();
    HttpResponse<String> ready = Http.get(server.port(), "/health/ready");

    // then
    assertThat(ready.statusCode()).isEqualTo(503);
    JsonNode body = JSON.readTree(ready.body());
    assertThat(body.get("status").asText()).isEqualTo("DOWN");
    assertThat(body.at("/checks/database/status").asText()).isEqualTo("DOWN");
    assertThat(body.at("/checks/database/detail").asText()).contains("closed");
    assertThat(Http.get(server.port(), "/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void isNotReadyWhileAPlatformIsDisconnectedAndReadyAgainOnceItIsBack() throws Exception {
    // given
    AtomicReference<ConnectionStatus> discord =
        new AtomicReference<>(new ConnectionStatus(false, "RECONNECT_QUEUED", 1));
    start(
        HealthCheck.of("database", () -> HealthCheck.Result.up("fine")),
        HealthCheck.platform("discord", discord::get));

    // when
    HttpResponse<String> down = Http.get(server.port(), "/health/ready");
    discord.set(new ConnectionStatus(true, "CONNECTED", 1));
    HttpResponse<String> up = Http.get(server.port(), "/health/ready");

    // then
    assertThat(down.statusCode()).isEqualTo(503);
    JsonNode body = JSON.readTree(down.body());
    assertThat(body.at("/checks/database/status").asText()).isEqualTo("UP");
    assertThat(body.at("/checks/discord/status").asText()).isEqualTo("DOWN");
    assertThat(body.at("/checks/discord/detail").asText()).isEqualTo("RECONNECT_QUEUED");
    assertThat(up.statusCode()).isEqualTo(200);
  }

  @Test
  void countsACheckThatHangsOrThrowsAsDown() throws Exception {
    // given: the production limit, which the stuck check always exceeds
    start(
        HealthRoutes.CHECK_TIMEOUT,
        HealthCheck.of(
            "stuck",
            () -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return HealthCheck.Result.up("too late");
            }),
        HealthCheck.of(
            "broken",
            () -> {
              throw new IllegalStateException("pool exhausted");
            }));

    // when
    HttpResponse<String> ready = Http.get(server.port(), "/health/ready");

    // then
    assertThat(ready.statusCode()).isEqualTo(503);
    JsonNode body = JSON.readTree(ready.body());
    assertThat(body.at("/checks/stuck/detail").asText()).startsWith("no answer within");
    assertThat(body.at("/checks/broken/detail").asText())
        .isEqualTo("IllegalStateException: pool exhausted");
  }

  /** Checks that answer get a minute: a loaded machine must not make a working check fail. */
  private void start(HealthCheck... checks) {
    start(GENEROUS, checks);
  }

  private void start(Duration checkTimeout, HealthCheck... checks) {
    server =
        WebServer.start(
            new WebSettings("127.0.0.1", 0),
            List.of(new HealthRoutes(List.of(checks), checkTimeout)));
  }
}
