package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TelegramShutdownTest {

  @TempDir Path folder;
  private FakeBotApi api;
  private Process bot;

  @BeforeEach
  void startServer() throws Exception {
    // Polls are held open for a minute, as Telegram does, so shutting down must cut one short.
    api = new FakeBotApi(60_000);
  }

  @AfterEach
  void stopEverything() {
    if (bot != null && bot.isAlive()) {
      bot.destroyForcibly();
    }
    api.close();
  }

  @Test
  void shutsDownPromptlyAndCleanlyOnSigterm() throws Exception {
    // given
    // Process.destroy() closes the pipes to the child, so its output goes to a file instead.
    Path output = folder.resolve("bot.log");
    bot =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TelegramShutdownMain.class.getName(),
                api.url().toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    api.take("getUpdates");

    // when: a process that waited for the held poll would need a minute; 45 s leaves a loaded
    // machine plenty of time for a prompt exit while still telling the two apart
    bot.destroy();
    boolean exited = bot.waitFor(45, TimeUnit.SECONDS);

    // then
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(exited).as("exited after SIGTERM; output:%n%s", String.join("\n", lines)).isTrue();
    assertThat(bot.exitValue()).isEqualTo(143);
    assertThat(lines).containsSubsequence("ADAPTER STARTED", "ADAPTER CLOSING", "ADAPTER CLOSED");
    assertThat(lines).anyMatch(line -> line.endsWith("Telegram bot @NetworkerasBot stopped"));
    assertThat(lines).noneMatch(line -> line.contains(FakeBotApi.TOKEN));
    assertThat(lines)
        .noneMatch(line -> line.contains("did not stop") || line.contains("still being handled"));
  }
}
