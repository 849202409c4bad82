package org.networkeras.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.telegram.FakeBotApi;
import picocli.CommandLine;

/**
 * Start-up failures as an operator sees them: one line naming the real cause (an unknown host, a
 * refused connection, a refused token, a {@code --now} without a time), a non-zero exit, and the
 * stack trace only with {@code --debug}. Platforms are reached at addresses that cannot answer
 * ({@code .invalid} hosts never resolve, a closed loopback port) or at a loopback fake.
 */
final class LauncherFailuresTest {

  @TempDir Path tempDir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private HttpServer refusing;

  @AfterEach
  void stopServer() {
    if (refusing != null) {
      refusing.stop(0);
    }
  }

  @Test
  void aNowWithoutATimeIsOneLine() {
    // when
    int exit = launch(Map.of(), "--now", "2026-11-26");

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(errorLines())
        .containsExactly(
            "networkeras: --now must be a date and time such as 2026-11-26T10:00, not '2026-11-26'");
  }

  @Test
  void anUnknownDiscordHostIsNamed() {
    // when
    int exit =
        launch(Map.of("DISCORD_TOKEN", "abc", "DISCORD_API_URL", "http://discord.invalid/api/"));

    // then
    assertThat(exit).isNotZero();
    assertThat(errorLines())
        .containsExactly(
            "networkeras: could not start Discord: unknown host discord.invalid"
                + " (is the network up? is DISCORD_API_URL right?)");
  }

  @Test
  void anUnknownTelegramHostIsNamedRatherThanTheToken() {
    // when
    int exit =
        launch(
            Map.of(
                "TELEGRAM_BOT_TOKEN",
                FakeBotApi.TOKEN,
                "TELEGRAM_API_URL",
                "http://telegram.invalid"));

    // then
    assertThat(exit).isNotZero();
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("networkeras: could not start Telegram: unknown host telegram.invalid")
        .doesNotContain("check TELEGRAM_BOT_TOKEN");
  }

  @Test
  void aClosedPortIsAConnectionRefused() throws IOException {
    // given a loopback port nothing listens on
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    // when
    int exit =
        launch(Map.of("DISCORD_TOKEN", "abc", "DISCORD_API_URL", "http://127.0.0.1:" + port + "/"));

    // then
    assertThat(exit).isNotZero();
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("networkeras: could not start Discord: connection refused")
        .endsWith("is the server at DISCORD_API_URL running?");
  }

  @Test
  void aDiscordTokenAnswered401IsRefusedNotAMissingGateway() throws IOException {
    // given a server that refuses every token
    String url = refusingServer();

    // when
    int exit = launch(Map.of("DISCORD_TOKEN", "abc", "DISCORD_API_URL", url));

    // then
    assertThat(exit).isNotZero();
    assertThat(errorLines())
        .containsExactly(
            "networkeras: could not start Discord: the token was refused"
                + " (HTTP 401 Unauthorized): check DISCORD_TOKEN");
  }

  @Test
  void aTelegramTokenAnswered401IsRefused() throws IOException {
    // given the fake Bot API, which knows only its own token
    try (FakeBotApi botApi = new FakeBotApi(200)) {
      // when
      int exit =
          launch(
              Map.of(
                  "TELEGRAM_BOT_TOKEN",
                  "42:wrong-token",
                  "TELEGRAM_API_URL",
                  botApi.url().toString()));

      // then
      assertThat(exit).isNotZero();
      assertThat(errorLines())
          .containsExactly(
              "networkeras: could not start Telegram: the token was refused"
                  + " (HTTP 401 Unauthorized): check TELEGRAM_BOT_TOKEN");
    }
  }

  @Test
  void debugAddsTheStackTrace() throws IOException {
    // given
    String url = refusingServer();

    // when
    int exit = launch(Map.of("DISCORD_TOKEN", "abc", "DISCORD_API_URL", url), "--debug");

    // then
    assertThat(exit).isNotZero();
    assertThat(errorLines().get(0))
        .isEqualTo(
            "networkeras: could not start Discord: the token was refused"
                + " (HTTP 401 Unauthorized): check DISCORD_TOKEN");
    assertThat(errorLines())
        .hasSizeGreaterThan(2)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("org.networkeras.chat.TokenRefusedException: GET gateway/bot"))
        .anySatisfy(line -> assertThat(line).startsWith("\tat "));
  }

  @Test
  void theWholeProcessPrintsOneErrorLineAndNoStackTraceWithoutDebug() throws Exception {
    // when the real launcher runs in a JVM of its own
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--data",
                tempDir.resolve("data").toString())
            .directory(tempDir.toFile())
            .redirectOutput(tempDir.resolve("out").toFile())
            .redirectError(tempDir.resolve("err").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(emptyFile().toFile()));
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(Config.VARIABLES::containsKey);
    environment.put("DISCORD_TOKEN", "abc");
    environment.put("DISCORD_API_URL", "http://discord.invalid/");
    Process process = builder.start();

    // then
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isNotZero();
    List<String> errLines = Files.readAllLines(tempDir.resolve("err"));
    String out = Files.readString(tempDir.resolve("out"));
    assertThat(errLines)
        .containsExactly(
            "networkeras: could not start Discord: unknown host discord.invalid"
                + " (is the network up? is DISCORD_API_URL right?)");
    assertThat(out).doesNotContain("\tat ").doesNotContain("Exception");
  }

  private Path emptyFile() throws IOException {
    return Files.writeString(tempDir.resolve("stdin"), "");
  }

  /** A loopback server answering 401 to every request, as Discord does to an unknown token. */
  private String refusingServer() throws IOException {
    refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    refusing.createContext(
        "/",
        exchange -> {
          byte[] body =
              "{\"message\": \"401: Unauthorized\", \"code\": 0}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    refusing.start();
    return "http://127.0.0.1:" + refusing.getAddress().getPort() + "/api/v10/";
  }

  private int launch(Map<String, String> environment, String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--data";
    all[args.length + 1] = tempDir.resolve("data").toString();
    Main main = new Main();
    new CommandLine(main).parseArgs(all);
    return new Launcher(
            main.options, environment, new PrintStream(err, true, StandardCharsets.UTF_8), c -> {})
        .run();
  }

  private List<String> errorLines() {
    return Arrays.stream(err.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(line -> !line.isBlank())
        .toList();
  }
}
