package org.networkeras.app.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started the way the README starts it: {@code java -jar networkeras.jar}. Runs
 * after {@code package} (failsafe), so a mistake in the shaded jar fails the build.
 */
final class JarStartsIT {

  @TempDir Path tempDir;

  @Test
  void theJarAnswersTheConsoleWithNoToken() throws Exception {
    // given
    Path jar = Path.of(System.getProperty("networkeras.jar"));
    assertThat(jar).exists();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--now",
                "2026-11-26T10:00",
                "--iso-times",
                "--data",
                tempDir.resolve("data").toString())
            .redirectErrorStream(true)
            .redirectOutput(tempDir.resolve("output.txt").toFile());
    builder.environment().remove("DISCORD_TOKEN");
    builder.environment().remove("TELEGRAM_BOT_TOKEN");

    // when
    Process process = builder.start();
    process.getOutputStream().write("/events tonight\n:quit\n".getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    boolean ended = process.waitFor(120, TimeUnit.SECONDS);
    String output = Files.readString(tempDir.resolve("output.txt"), StandardCharsets.UTF_8);

    // then
    assertThat(ended).as("the console ends after :quit").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("Meetup Java");
  }
}
