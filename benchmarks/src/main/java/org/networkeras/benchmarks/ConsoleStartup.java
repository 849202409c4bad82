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
 *
 * <p>System properties: {@code -Dstartup.jvm="OPTIONS"} passes JVM options to the console (for
 * instance what {@code ./networkeras} passes: {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
 * -XX:SharedArchiveFile=bot-app/target/networkeras.jsa}); {@code -Dstartup.line="/events tonight"}
 * changes the line sent; {@code -Dstartup.sample=true} keeps the starter catalog (loaded into a new
 * folder before the answer). Each run also prints the console's processor time (user + system, from
 * {@code /proc}) up to the first line, which a loaded machine inflates much less than the wall
 * time.
 */
public final class ConsoleStartup {

  private ConsoleStartup() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ConsoleStartup path/to/networkeras.jar [runs] [data folder]");
      System.exit(2);
    }
    // as given: an AppCDS archive names the jar by the path it was made with
    Path jar = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path data = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : null;
    List<Long> millis = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      Path folder = data != null ? data : Files.createTempDirectory("networkeras-start");
      Measurement m = firstReply(jar, folder, data != null);
      if (data == null) {
        BenchCatalog.deleteRecursively(folder);
      }
      millis.add(m.millis());
      cpu.add(m.cpuMillis());
      System.out.printf(
          Locale.ROOT,
          "run %d: %d ms to the first reply (%d ms processor time): %s%n",
          run,
          m.millis(),
          m.cpuMillis(),
          m.firstLine());
    }
    System.out.printf(
        Locale.ROOT,
        "console start to first reply (%s): median %d ms (min %d, max %d), processor time median"
            + " %d ms, over %d runs%n",
        data == null ? "new data folder" : "data folder " + data,
        median(millis),
        Collections.min(millis),
        Collections.max(millis),
        median(cpu),
        runs);
  }

  /** The time to the first line of output, the processor time spent until then, and that line. */
  record Measurement(long millis, long cpuMillis, String firstLine) {}

  static Measurement firstReply(Path jar, Path data, boolean catalog)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    for (String option : System.getProperty("startup.jvm", "").split(" ")) {
      if (!option.isBlank()) {
        command.add(option);
      }
    }
    Collections.addAll(command, "-jar", jar.toString(), "--data", data.toAbsolutePath().toString());
    if (!Boolean.getBoolean("startup.sample")) {
      command.add("--no-sample");
    }
    if (catalog) {
      Collections.addAll(command, "--chat", "c1", "--now", "2026-11-26T17:00");
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(Path.of("").toAbsolutePath().toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    long started = System.nanoTime();
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(
          (System.getProperty("startup.line", "/events") + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String first;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      first = out.readLine();
      long elapsed = (System.nanoTime() - started) / 1_000_000;
      long cpuMillis = cpuMillis(process.pid());
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
      return new Measurement(elapsed, cpuMillis, first);
    }
  }

  /** User and system time of a process so far, from {@code /proc/PID/stat}; -1 elsewhere. */
  static long cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields after the name: state is [0], utime is [11], stime is [12], in clock ticks (100/s)
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
