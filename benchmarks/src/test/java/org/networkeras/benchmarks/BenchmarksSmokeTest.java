package org.networkeras.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Smoke mode: every benchmark runs once, briefly, on a small catalog, so that CI notices when one
 * stops compiling or working. The figures it prints are not results.
 */
final class BenchmarksSmokeTest {

  /** Each run generates its small catalog here, apart from any other build on the machine. */
  @TempDir static Path catalogs;

  private static final String SMALL_EVENTS = "2000";
  private static final String SMALL_COMMUNITIES = "20";

  @Test
  void everyBenchmarkRunsAndMeasuresSomething() throws Exception {
    // given
    Options options =
        new OptionsBuilder()
            .include(WarmCommandBenchmark.class.getName())
            .include(ColdCommandBenchmark.class.getName())
            .include(TimePhraseBenchmark.class.getName())
            .param("events", SMALL_EVENTS)
            .param("communities", SMALL_COMMUNITIES)
            .forks(1)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(300))
            .jvmArgsAppend("-D" + BenchCatalog.BASE_PROPERTY + "=" + catalogs)
            .shouldFailOnError(true)
            .build();

    // when
    Collection<RunResult> results = new Runner(options).run();

    // then
    assertThat(results).hasSize(9);
    for (RunResult result : results) {
      assertThat(result.getPrimaryResult().getSampleCount())
          .as(result.getParams().getBenchmark())
          .isPositive();
      assertThat(result.getPrimaryResult().getScore())
          .as(result.getParams().getBenchmark())
          .isPositive();
    }
  }

  @Test
  void footprintProbeReportsTheCachedCatalog() {
    // given
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;

    // when
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    System.setProperty(BenchCatalog.BASE_PROPERTY, catalogs.toString());
    try {
      Footprint.main(new String[] {SMALL_EVENTS, SMALL_COMMUNITIES, "5000"});
    } finally {
      System.setOut(out);
      System.clearProperty(BenchCatalog.BASE_PROPERTY);
    }

    // then
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("catalog: 2000 events over 20 communities")
        .contains("heap, whole catalog cached:")
        .contains("reminders: 5,000 accepted")
        .contains("50 due ones delivered (50 sends); 4,950 pending")
        .contains("4,950 reminders pending:");
  }

  @Test
  void webAgendaLatencyMeasuresFirstRenderingsAndWarmPagesApart() throws Exception {
    // given
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;

    // when: 20 communities (2 warm the JIT, 18 asked cold), then 200 warm requests
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    System.setProperty(BenchCatalog.BASE_PROPERTY, catalogs.toString());
    try {
      WebAgendaLatency.main(new String[] {SMALL_EVENTS, SMALL_COMMUNITIES, "200"});
    } finally {
      System.setOut(out);
      System.clearProperty(BenchCatalog.BASE_PROPERTY);
    }

    // then
    String report = printed.toString(StandardCharsets.UTF_8);
    assertThat(report)
        .containsPattern("cold \\(first rendering\\) +(1[89]|[23]\\d) requests: p50 .* p99 ")
        .containsPattern("warm \\(20 busy communities\\) +200 requests: p50 .* p99 ")
        .contains("server CPU");
  }

  @Test
  void soakProbeSuggestsEditsAndListsWithinTheCachesBound() throws Exception {
    // given
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;

    // when: 500 events; 20 members make 60 suggestions and edits, each followed by a listing
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      Soak.main(new String[] {"500", "60", "20"});
    } finally {
      System.setOut(out);
    }

    // then
    String report = printed.toString(StandardCharsets.UTF_8);
    assertThat(report)
        .contains("soak: 500 events in one community")
        .containsPattern("edited=[1-9]")
        .containsPattern("suggested=[1-9]")
        // 60 attempts in 30 simulated minutes, 20 an hour allowed
        .contains("the determined member's edits: {edited=20, refused by the hourly limits=40}")
        .doesNotContain("other:")
        .contains("heap after GC at the end:")
        .containsPattern("listing cache: [\\d,]+ days, weight [\\d,]+ of at most 500,000")
        .contains("no OutOfMemoryError");
  }

  @Test
  void reminderProbeSchedulesDeliversAndRateLimits() throws Exception {
    // given
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;

    // when: 2,000 reminders, 200 due at once, 2 seconds of rate-limited delivery
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      ReminderDelivery.main(new String[] {"2000", "200", "2"});
    } finally {
      System.setOut(out);
    }

    // then
    String report = printed.toString(StandardCharsets.UTF_8);
    out.print(report);
    assertThat(report)
        .contains("sqlite: scheduled 2,000 reminders")
        .contains("sqlite: delivered 200 of 200 due at once (200 sends)")
        .contains("sqlite: lateness after due: first")
        .contains("sqlite (repeats shown): delivered 200 of 200 due at once (200 sends)")
        .contains("paced (telegram, 30/s overall) on sqlite: delivered 60 of 60 due at once")
        .contains("paced (discord, 50/s overall) on sqlite: delivered 100 of 100 due at once")
        .contains("actual − ideal (i-th at due + i/30 s): p50")
        .containsPattern(
            "rate-limited \\(telegram.*most in any 1-second window: ([1-9]|[12][0-9]|30);");
  }

  @Test
  void consoleStartupProbeSeesTheFirstReply() throws Exception {
    // given the launcher, which the reactor builds before this module
    Path jar = Path.of("..", "bot-app", "target", "networkeras.jar");
    assumeTrue(Files.isRegularFile(jar), "bot-app/target/networkeras.jar is not built");
    Path data = Files.createTempDirectory("networkeras-start");

    // when
    ConsoleStartup.Measurement first = ConsoleStartup.firstReply(jar, data, false);

    // then
    BenchCatalog.deleteRecursively(data);
    assertThat(first.millis()).isPositive();
    assertThat(first.firstLine()).isNotBlank();
    assertThat(first.cpuMillis()).isNotNegative();
  }
}
