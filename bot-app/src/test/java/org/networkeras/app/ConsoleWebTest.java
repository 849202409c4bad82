package org.networkeras.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./networkeras --http PORT} in the console: an admin turns the page on with {@code
 * /settings web on}, the answer gives the address, and the address serves the console's agenda.
 */
final class ConsoleWebTest {

  private static final Pattern ADDRESS = Pattern.compile("http://localhost:(\\d+)(/w/[\\w-]{22})");

  @TempDir Path tempDir;

  @Test
  void theConsoleServesItsPublicAgendaAtTheAddressTheSettingGives() throws Exception {
    // given
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = free.getLocalPort();
    }
    RunOptions options =
        options(
            "--data", tempDir.resolve("data").toString(),
            "--now", "2026-11-26T10:00",
            "--http", Integer.toString(port));
    PipedOutputStream typed = new PipedOutputStream();
    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread bot;
    try {
      System.setIn(new PipedInputStream(typed));
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      bot =
          new Thread(
              () ->
                  exit.set(
                      new Launcher(
                              options,
                              Map.of(),
                              new PrintStream(OutputStream.nullOutputStream()),
                              closed -> {})
                          .run()));
      bot.start();

      // when
      type(typed, ":role alice admin\n/settings web on\n");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> ADDRESS.matcher(printed.toString(StandardCharsets.UTF_8)).find());
      Matcher address = ADDRESS.matcher(printed.toString(StandardCharsets.UTF_8));
      assertThat(address.find()).isTrue();
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + address.group(1) + address.group(2)))
                      .timeout(Duration.ofSeconds(60))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      typed.close();
      bot.join(Duration.ofSeconds(60).toMillis());

      // then
      assertThat(address.group(1)).isEqualTo(Integer.toString(port));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Agenda of general").contains("(sample)");
      assertThat(exit.get()).isZero();
    } finally {
      System.setIn(stdin);
      System.setOut(stdout);
    }
  }

  private static void type(OutputStream typed, String lines) throws IOException {
    typed.write(lines.getBytes(StandardCharsets.UTF_8));
    typed.flush();
  }

  private static RunOptions options(String... args) {
    Main main = new Main();
    new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    return main.options;
  }
}
