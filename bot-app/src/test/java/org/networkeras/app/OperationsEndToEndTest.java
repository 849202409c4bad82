package org.networkeras.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.Platform;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.community.CommunityService;
import org.networkeras.core.CoreWiring;
import org.networkeras.core.SimulatedClock;
import org.networkeras.discord.FakeDiscord;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.telegram.FakeBotApi;

/**
 * The launcher as an operator runs it in production, configured by its environment only: both
 * platform tokens, JSON logs, the HTTP server on. Readiness and metrics come from the running bot;
 * every log line is a JSON object; no token appears anywhere.
 */
final class OperationsEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String NOW = "2026-11-26T10:00";
  private static final String TELEGRAM_GROUP = "-1001234567890";
  private static final Duration START_UP = Duration.ofSeconds(60);

  @TempDir Path tempDir;
  private FakeDiscord discord;
  private FakeBotApi botApi;
  private Process launcher;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  @BeforeEach
  void startFakes() throws IOException {
    discord = new FakeDiscord();
    botApi = new FakeBotApi(200);
  }

  @AfterEach
  void stopEverything() {
    if (launcher != null && launcher.isAlive()) {
      launcher.destroyForcibly();
    }
    if (botApi != null) {
      botApi.close();
    }
    if (discord != null) {
      discord.close();
    }
  }

  @Test
  void logsJsonLinesWithoutTokensAndServesReadinessAndMetricsOfTheRunningBot() throws Exception {
    // given
    Path data = tempDir.resolve("data");
    giveTheTelegramGroupTheStarterCatalog(data);
    Path err = tempDir.resolve("launcher.err");
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--data",
                data.toString(),
                "--now",
                NOW)
            .directory(tempDir.toFile())
            .redirectOutput(tempDir.resolve("launcher.out").toFile())
            .redirectError(err.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(Config.VARIABLES::containsKey);
    environment.put("DISCORD_TOKEN", FakeDiscord.TOKEN);
    environment.put("DISCORD_API_URL", discord.apiUrl());
    environment.put("DISCORD_GATEWAY_COMPRESSION", "none");
    environment.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
    environment.put("TELEGRAM_API_URL", botApi.url().toString());
    environment.put("NETWORKERAS_LOG_FORMAT", "json");
    environment.put("NETWORKERAS_HTTP_PORT", Integer.toString(port));
    launcher = builder.start();
    discord.awaitRequest(
        "PUT", "/api/v10/applications/" + FakeDiscord.APPLICATION_ID + "/commands", START_UP);
    botApi.take("setMyCommands");

    // when
    botApi.queueUpdates("{\"ok\":true,\"result\":[" + eventsTonightInTheGroup() + "]}");
    String answer = botApi.take("sendMessage").body().get("text").asText();
    HttpResponse<String> ready = readyWithin(port, START_UP);
    HttpResponse<String> metrics = get(port, "/metrics");
    launcher.destroy();
    boolean exited = launcher.waitFor(1, TimeUnit.MINUTES);

    // then
    List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
    String logs = String.join("\n", lines);
    assertThat(answer).contains("(sample)");
    assertThat(exited).as(logs).isTrue();
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    JsonNode checks = JSON.readTree(ready.body()).get("checks");
    assertThat(checks.at("/database/status").asText()).as(ready.body()).isEqualTo("UP");
    assertThat(checks.at("/discord/status").asText()).as(ready.body()).isEqualTo("UP");
    assertThat(checks.at("/discord/detail").asText()).isEqualTo("CONNECTED");
    assertThat(checks.at("/telegram/status").asText()).isEqualTo("UP");
    assertThat(metrics.body())
        .contains(
            "networkeras_commands_seconds_count{command=\"events\",outcome=\"ok\","
                + "platform=\"telegram\"} 1")
        .contains("networkeras_platform_connected{platform=\"discord\"} 1.0")
        .contains("networkeras_platform_connected{platform=\"telegram\"} 1.0")
        .contains("networkeras_outbox_pending_messages");
    List<JsonNode> events = new ArrayList<>();
    for (String line : lines) {
      events.add(JSON.readTree(line));
    }
    assertThat(events)
        .as(logs)
        .isNotEmpty()
        .allSatisfy(
            event -> {
              assertThat(event.hasNonNull("level")).isTrue();
              assertThat(event.hasNonNull("loggerName")).isTrue();
              assertThat(event.hasNonNull("formattedMessage")).isTrue();
            });
    assertThat(events)
        .as(logs)
        .anySatisfy(
            event -> {
              assertThat(event.at("/mdc/command").asText()).isEqualTo("events");
              assertThat(event.at("/mdc/community").asText()).matches("[0-9]+");
              assertThat(event.get("formattedMessage").asText()).startsWith("command /events");
            });
    String everything =
        logs + Files.readString(tempDir.resolve("launcher.out")) + ready.body() + metrics.body();
    assertThat(everything)
        .doesNotContain(FakeDiscord.TOKEN)
        .doesNotContain(FakeBotApi.TOKEN)
        .doesNotContain("secret-token");
  }

  /** The readiness answer once it is 200, or the last one when the limit passed first. */
  private HttpResponse<String> readyWithin(int port, Duration limit) {
    AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
    try {
      Awaitility.await()
          .atMost(limit)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(
              () -> {
                last.set(get(port, "/health/ready"));
                return last.get().statusCode() == 200;
              });
    } catch (ConditionTimeoutException e) {
      // the assertions on the answer say what was wrong
    }
    return last.get();
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static void giveTheTelegramGroupTheStarterCatalog(Path data) {
    try (Database database = TestDatabases.sqlite(data)) {
      SimulatedClock clock =
          new SimulatedClock(LocalDateTime.parse(NOW).atZone(PARIS).toInstant(), PARIS);
      CoreWiring core =
          new CoreWiring(database, clock, new CommunityDefaults(PARIS, null, Language.EN, null));
      core.loadStarterCatalog(
          core.communities()
              .byGroup(CommunityService.groupKey(Platform.TELEGRAM, TELEGRAM_GROUP), "Paris Tech"));
    }
  }

  private static String eventsTonightInTheGroup() {
    return """
        {"update_id":900,"message":{"message_id":1900,\
        "from":{"id":111111111,"is_bot":false,"first_name":"Alice","language_code":"en"},\
        "chat":{"id":%s,"title":"Paris Tech","type":"supergroup"},"date":1795683600,\
        "text":"/events tonight","entities":[{"offset":0,"length":7,"type":"bot_command"}]}}"""
        .formatted(TELEGRAM_GROUP);
  }
}
