package org.networkeras.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.Platform;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.community.CommunityService;
import org.networkeras.core.CoreWiring;
import org.networkeras.core.SimulatedClock;
import org.networkeras.discord.FakeDiscord;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.telegram.FakeBotApi;

/**
 * The real launcher in a JVM of its own, configured only through its command line and environment
 * as an operator would, with both platform tokens set: it logs in to a fake Discord and a fake Bot
 * API running in this JVM, answers a Telegram command, and stops cleanly on SIGTERM.
 */
final class LauncherEndToEndTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String NOW = "2026-11-26T10:00";
  private static final String TELEGRAM_GROUP = "-1001234567890";
  private static final Duration START_UP = Duration.ofSeconds(60);

  /**
   * A warning or an error logged by our code, in the launcher's log layout (level, thread, logger
   * shortened to 36 characters). TelegramBots logs an error of its own when closing cuts its long
   * poll short; that one is the library's, not ours.
   */
  private static final Pattern OUR_WARNING_OR_ERROR =
      Pattern.compile(
          "^\\S+ (WARN|ERROR) +\\[[^\\]]*\\] (org\\.networkeras|o\\.networkeras|o\\.n)\\.");

  @TempDir Path tempDir;
  private FakeDiscord discord;
  private FakeBotApi botApi;
  private Process launcher;

  @BeforeEach
  void startFakes() throws IOException {
    discord = new FakeDiscord();
    botApi = new FakeBotApi(200);
  }

  @AfterEach
  void stopEverything() {
    if (launcher != null && launcher.isAlive()) {
      launcher.destroyForcibly();
    }
    if (botApi != null) {
      botApi.close();
    }
    if (discord != null) {
      discord.close();
    }
  }

  @Test
  void servesDiscordAndTelegramFromOneProcessAndStopsCleanlyOnSigterm() throws Exception {
    // given
    Path data = tempDir.resolve("data");
    giveTheTelegramGroupTheStarterCatalog(data);
    Path out = tempDir.resolve("launcher.out");
    Path err = tempDir.resolve("launcher.err");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // starts in half the time on a busy machine; the bot behaves the same
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--data",
                data.toString(),
                "--now",
                NOW)
            .directory(tempDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(Config.VARIABLES::containsKey);
    environment.put("DISCORD_TOKEN", FakeDiscord.TOKEN);
    environment.put("DISCORD_API_URL", discord.apiUrl());
    environment.put("DISCORD_GATEWAY_COMPRESSION", "none");
    environment.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
    environment.put("TELEGRAM_API_URL", botApi.url().toString());
    launcher = builder.start();
    discord.awaitRequest(
        "PUT", "/api/v10/applications/" + FakeDiscord.APPLICATION_ID + "/commands", START_UP);
    botApi.take("setMyCommands");

    // when
    botApi.queueUpdates("{\"ok\":true,\"result\":[" + eventsTonightInTheGroup() + "]}");
    String answer = botApi.take("sendMessage").body().get("text").asText();
    launcher.destroy();
    boolean exited = launcher.waitFor(1, TimeUnit.MINUTES);

    // then
    List<String> errors = Files.readAllLines(err, StandardCharsets.UTF_8);
    List<String> output = Files.readAllLines(out, StandardCharsets.UTF_8);
    String logs = String.join("\n", errors);
    assertThat(answer)
        .contains("Meetup Java &amp; Café (sample)")
        .contains("Showroom Launch Party (sample)");
    assertThat(exited).as("exited after SIGTERM; its log:%n%s", logs).isTrue();
    assertThat(launcher.exitValue()).as(logs).isIn(0, 143);
    assertThat(errors)
        .as(logs)
        .anyMatch(line -> line.contains("Discord adapter started"))
        .anyMatch(line -> line.contains("Telegram adapter started"))
        .anyMatch(line -> line.endsWith("Telegram bot @NetworkerasBot stopped"))
        .noneMatch(line -> OUR_WARNING_OR_ERROR.matcher(line).find())
        .noneMatch(line -> line.startsWith("networkeras:"));
    assertThat(String.join("\n", output) + logs)
        .doesNotContain(FakeDiscord.TOKEN)
        .doesNotContain(FakeBotApi.TOKEN)
        .doesNotContain("secret-token");
  }

  /**
   * The launcher loads the starter catalog into its console chat only; the Telegram group gets it
   * here, in the data folder the launcher will open, so the answer has events to list.
   */
  private static void giveTheTelegramGroupTheStarterCatalog(Path data) {
    try (Database database = TestDatabases.sqlite(data)) {
      SimulatedClock clock =
          new SimulatedClock(LocalDateTime.parse(NOW).atZone(PARIS).toInstant(), PARIS);
      CoreWiring core =
          new CoreWiring(database, clock, new CommunityDefaults(PARIS, null, Language.EN, null));
      core.loadStarterCatalog(
          core.communities()
              .byGroup(CommunityService.groupKey(Platform.TELEGRAM, TELEGRAM_GROUP), "Paris Tech"));
    }
  }

  private static String eventsTonightInTheGroup() {
    return """
        {"update_id":900,"message":{"message_id":1900,\
        "from":{"id":111111111,"is_bot":false,"first_name":"Alice","language_code":"en"},\
        "chat":{"id":%s,"title":"Paris Tech","type":"supergroup"},"date":1795683600,\
        "text":"/events tonight","entities":[{"offset":0,"length":7,"type":"bot_command"}]}}"""
        .formatted(TELEGRAM_GROUP);
  }
}
