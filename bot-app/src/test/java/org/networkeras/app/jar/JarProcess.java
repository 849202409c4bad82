package org.networkeras.app.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar started as an operator starts it, {@code java -jar networkeras.jar}, with its
 * platform tokens and API addresses in the environment, on a simulated clock ({@code --now}) and
 * with its console open ({@code --console}). The console is the one honest way to move that clock:
 * {@code :advance 7h} moves it and delivers whatever fell due (reminders), as an operator trying
 * the bot would. Closing writes {@code :quit} and waits for the process to end.
 */
final class JarProcess implements AutoCloseable {

  private final Process process;
  private final OutputStream console;
  private final Path log;

  private JarProcess(Process process, Path log) {
    this.process = process;
    this.console = process.getOutputStream();
    this.log = log;
  }

  /**
   * Starts the jar in {@code workDir} with a fresh data folder.
   *
   * @param now the simulated clock's start, local to the default zone (Europe/Paris)
   * @param environment the variables to set (tokens, API addresses); others of the bot's are
   *     removed
   */
  static JarProcess start(Path workDir, String now, Map<String, String> environment)
      throws IOException {
    Path jar = Path.of(System.getProperty("networkeras.jar"));
    assertThat(jar).as("the jar is built before the scenarios run (package)").exists();
    Path log = workDir.resolve("jar.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "--console",
                "--iso-times",
                "--no-sample",
                "--now",
                now,
                "--data",
                workDir.resolve("data").toString())
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("DISCORD_"));
    builder.environment().keySet().removeIf(name -> name.startsWith("TELEGRAM_"));
    builder.environment().keySet().removeIf(name -> name.startsWith("NETWORKERAS_"));
    builder.environment().putAll(environment);
    return new JarProcess(builder.start(), log);
  }

  /** Moves the simulated clock and delivers what fell due, as {@code :advance} in the console. */
  void advance(String duration) throws IOException {
    console.write((":advance " + duration + "\n").getBytes(StandardCharsets.UTF_8));
    console.flush();
  }

  /** Everything the jar printed and logged so far. */
  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /**
   * The lines the jar logged at ERROR, or at WARN from our own code. TelegramBots logs an error of
   * its own when closing cuts its long poll short: that one is the library's, at shutdown.
   */
  java.util.List<String> problems() throws IOException {
    return log()
        .lines()
        .filter(
            line ->
                (line.contains(" ERROR ") && !line.contains("o.t.t.longpolling.BotSession"))
                    || (line.contains(" WARN ") && line.contains(" o.n")))
        .toList();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      try {
        console.write(":quit\n".getBytes(StandardCharsets.UTF_8));
        console.close();
      } catch (IOException alreadyGone) {
        // the process ended meanwhile
      }
      try {
        if (!process.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
