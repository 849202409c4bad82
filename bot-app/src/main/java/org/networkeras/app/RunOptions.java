package org.networkeras.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of {@code run}, the default command. */
final class RunOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: ./networkeras.yml when it exists).")
  Path config;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data folder for the embedded database (default: ./data).")
  Path data;

  @Option(
      names = "--http",
      paramLabel = "PORT",
      description =
          "Serve health checks, metrics and public agendas over HTTP on PORT (default: http.port;"
              + " off).")
  Integer http;

  @Option(names = "--console", description = "Open the console even when a platform token is set.")
  boolean console;

  @Option(
      names = "--now",
      paramLabel = "DATE_TIME",
      description =
          "Simulated clock start, e.g. 2026-11-26T10:00 (local to --zone); it moves only with"
              + " :advance.")
  String now;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "Time zone of the console community (default: the configured one).")
  String zone;

  @Option(
      names = "--lang",
      paramLabel = "en|fr",
      description = "Language of the console community.")
  String language;

  @Option(names = "--iso-times", description = "Print every time as ISO-8601 with offset.")
  boolean isoTimes;

  @Option(
      names = "--debug",
      description = "On a start-up failure, print the stack trace after the one-line cause.")
  boolean debug;

  @Option(names = "--no-sample", description = "Do not load the starter catalog.")
  boolean noSample;

  @Option(
      names = "--chat",
      paramLabel = "NAME",
      description = "Console group chat to start in (default: general).")
  String chat = "general";
}
