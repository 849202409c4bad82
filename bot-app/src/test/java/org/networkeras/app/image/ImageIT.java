package org.networkeras.app.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image the build wrote ({@code bot-app/target/networkeras-image.tar}, for {@code
 * docker load}), read as a container engine reads it: its manifest and configuration (entrypoint,
 * user, port, volume), the files its layers hold, and, where this machine allows it (root and
 * {@code chroot}), its layers unpacked into a folder and its entrypoint run there as the image's
 * user: {@code --version}, then a console answering {@code /events tonight}.
 */
final class ImageIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path image;
  private static JsonNode manifest;
  private static JsonNode config;

  @TempDir Path tempDir;

  @BeforeAll
  static void readTheImage() throws Exception {
    image = Path.of(System.getProperty("networkeras.image", "target/networkeras-image.tar"));
    assertThat(image).as("the build writes the image tarball").isRegularFile();
    manifest = JSON.readTree(run(List.of("tar", "-xOf", image.toString(), "manifest.json"))).get(0);
    config =
        JSON.readTree(
            run(List.of("tar", "-xOf", image.toString(), manifest.get("Config").asText())));
  }

  @Test
  void runsTheBotAsAnUnprivilegedUserWithItsDataOnAVolumeAndHttpExposed() {
    // then
    JsonNode container = config.get("config");
    assertThat(manifest.get("RepoTags").get(0).asText()).startsWith("networkeras:");
    assertThat(texts(container.get("Entrypoint")))
        .startsWith("/opt/java/bin/java")
        .contains("-cp", "@/app/jib-classpath-file", "-Djava.io.tmpdir=/tmp")
        .endsWith("org.networkeras.app.Main");
    assertThat(container.get("User").asText()).isEqualTo("10001:10001");
    assertThat(container.get("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(container.get("Volumes").has("/data")).isTrue();
    assertThat(container.get("WorkingDir").asText()).isEqualTo("/data");
    assertThat(texts(container.get("Env")))
        .contains(
            "NETWORKERAS_DATA_DIR=/data",
            "NETWORKERAS_HTTP_HOST=0.0.0.0",
            "NETWORKERAS_HTTP_PORT=8080");
    assertThat(config.get("os").asText()).isEqualTo("linux");
  }

  @Test
  void holdsAJavaRuntimeItsLibrariesTheAppAndWritableFolders() throws Exception {
    // when
    List<String> entries = new ArrayList<>();
    for (String layer : layers()) {
      Path file = tempDir.resolve("layer.tar.gz");
      Files.write(file, runBytes(List.of("tar", "-xOf", image.toString(), layer)));
      entries.addAll(
          run(List.of("tar", "--warning=no-unknown-keyword", "-tvzf", file.toString()))
              .lines()
              .toList());
    }

    // then
    assertThat(entries)
        .anyMatch(line -> line.startsWith("-rwxr-xr-x") && line.endsWith(" opt/java/bin/java"))
        .anyMatch(line -> line.startsWith("drwxrwxrwx") && line.matches(".* /?tmp/?$"))
        .anyMatch(line -> line.startsWith("drwxrwxrwx") && line.matches(".* /?data/?$"))
        .anyMatch(
            line -> line.startsWith("-rwxr-xr-x") && line.endsWith("lib64/ld-linux-x86-64.so.2"))
        .anyMatch(line -> line.endsWith("libc.so.6"))
        .anyMatch(line -> line.endsWith("opt/java/lib/security/cacerts"))
        .anyMatch(line -> line.endsWith("app/jib-classpath-file"))
        .anyMatch(line -> line.matches(".*app/libs/bot-core-.*\\.jar$"))
        .anyMatch(line -> line.matches(".*app/classpath/bot-app-.*\\.jar$"))
        .noneMatch(line -> line.endsWith(".stamp"));
  }

  @Test
  void itsEntrypointStartsTheBotFromTheUnpackedLayers() throws Exception {
    // given: the layers unpacked into a folder, as a container engine does
    Assumptions.assumeTrue(
        "0".equals(run(List.of("id", "-u")).strip())
            && Files.isExecutable(Path.of("/usr/sbin/chroot")),
        "running the image's entrypoint needs root and chroot on this machine: skipped");
    Path root = tempDir.resolve("root");
    Files.createDirectories(root);
    for (String layer : layers()) {
      Path file = tempDir.resolve("layer.tar.gz");
      Files.write(file, runBytes(List.of("tar", "-xOf", image.toString(), layer)));
      run(
          List.of(
              "tar",
              "--warning=no-unknown-keyword",
              "-xzf",
              file.toString(),
              "-C",
              root.toString()));
    }
    // what the engine provides besides the layers: device nodes and /proc
    Files.createDirectories(root.resolve("dev"));
    Files.createDirectories(root.resolve("proc"));
    run(List.of("mknod", "-m", "666", root.resolve("dev/null").toString(), "c", "1", "3"));
    run(List.of("mknod", "-m", "666", root.resolve("dev/zero").toString(), "c", "1", "5"));
    run(List.of("mknod", "-m", "666", root.resolve("dev/random").toString(), "c", "1", "8"));
    run(List.of("mknod", "-m", "666", root.resolve("dev/urandom").toString(), "c", "1", "9"));
    List<String> entrypoint = texts(config.get("config").get("Entrypoint"));
    List<String> chroot =
        new ArrayList<>(List.of("chroot", "--userspec=10001:10001", root.toString()));
    chroot.addAll(entrypoint);

    // when
    List<String> version = new ArrayList<>(chroot);
    version.add("--version");
    List<String> console = new ArrayList<>(chroot);
    console.addAll(List.of("--now", "2026-11-26T10:00", "--iso-times"));
    String printed;
    String answered;
    run(List.of("mount", "-t", "proc", "proc", root.resolve("proc").toString()));
    try {
      printed = run(version, "", "/data");
      answered = run(console, "/events tonight\n", "/data");
    } finally {
      run(List.of("umount", root.resolve("proc").toString()));
    }

    // then
    assertThat(printed).startsWith("Networkeras 0.");
    assertThat(answered).contains("(sample)");
    assertThat(root.resolve("data/networkeras.db")).isRegularFile();
  }

  private static List<String> layers() {
    return texts(manifest.get("Layers"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    return new String(runBytes(command), StandardCharsets.UTF_8);
  }

  private static String run(List<String> command, String input, String dataDir)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("NETWORKERAS_DATA_DIR", dataDir);
    Process process = builder.start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    return text;
  }

  private static byte[] runBytes(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    return output;
  }
}
