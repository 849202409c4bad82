package org.networkeras.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Measures the time from launching the console to its first reply: starts {@code java -jar
 * networkeras.jar --no-sample --data DIR} as a new process with {@code /events} on its standard
 * input and stops the watch when the first line of the answer arrives on its standard output. The
 * time covers JVM start, the command line, opening and migrating the database, wiring the core and
 * answering.
 *
 * <p>{@code java -cp benchmarks.jar org.networkeras.benchmarks.ConsoleStartup JAR [runs] [DATA]}:
 * without {@code DATA} every run gets a new, empty data folder (a first start: the schema is
 * created); with it, every run opens that folder (for instance the generated 100,000-event catalog)
 * in chat {@code c1}. Prints each time and the median.
 */
public final class ConsoleStartup {

  private ConsoleStartup() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ConsoleStartup path/to/networkeras.jar [runs] [data folder]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]).toAbsolutePath();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path data = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : null;
    List<Long> millis = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      Path folder = data != null ? data : Files.createTempDirectory("networkeras-start");
      Measurement m = firstReply(jar, folder, data != null);
      if (data == null) {
        BenchCatalog.deleteRecursively(folder);
      }
      millis.add(m.millis());
      System.out.printf(
          Locale.ROOT, "run %d: %d ms to the first reply: %s%n", run, m.millis(), m.firstLine());
    }
    System.out.printf(
        Locale.ROOT,
        "console start to first reply (%s): median %d ms over %d runs%n",
        data == null ? "new data folder" : "data folder " + data,
        median(millis),
        runs);
  }

  /** The time to the first line of output, and that line. */
  record Measurement(long millis, String firstLine) {}

  static Measurement firstReply(Path jar, Path data, boolean catalog)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    Collections.addAll(
        command,
        java.toString(),
        "-jar",
        jar.toAbsolutePath().toString(),
        "--no-sample",
        "--data",
        data.toAbsolutePath().toString());
    if (catalog) {
      Collections.addAll(command, "--chat", "c1", "--now", "2026-11-26T17:00");
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(data.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    long started = System.nanoTime();
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write("/events\n".getBytes(StandardCharsets.UTF_8));
    }
    String first;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      first = out.readLine();
      long elapsed = (System.nanoTime() - started) / 1_000_000;
      while (out.readLine() != null) {
        // drain the rest of the answer so that the console can exit
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the console did not stop after its input ended");
      }
      if (first == null) {
        throw new IllegalStateException(
            "the console answered nothing (exit " + process.exitValue() + ")");
      }
      return new Measurement(elapsed, first);
    }
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
