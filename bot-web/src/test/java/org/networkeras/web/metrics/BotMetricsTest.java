package org.networkeras.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Capabilities;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.ConnectionStatus;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.SendLimits;
import org.networkeras.delivery.OutgoingMessage;
import org.networkeras.delivery.Target;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.web.Http;
import org.networkeras.web.MetricsRoutes;
import org.networkeras.web.WebServer;
import org.networkeras.web.WebSettings;

/**
 * {@code /metrics} scraped after members used the real core: the series an operator's dashboard
 * reads are there, with the values the commands and deliveries produced.
 */
final class BotMetricsTest {

  @TempDir Path tempDir;
  private Database database;
  private WebServer server;
  private BotMetrics metrics;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (metrics != null) {
      metrics.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Backend.class)
  void countsAndTimesCommandsByNameOutcomeAndPlatform(TestDatabases.Backend backend) {
    // given
    Chat chat = Chat.on(open(backend)).withStarterCatalog("paris-tech");
    bind(chat);

    // when
    chat.as("alice").in("paris-tech").send("/events tonight");
    chat.as("bob").in("paris-tech").send("/events tomorrow");
    chat.as("alice").in("paris-tech").send("/event nonsense-ref");
    chat.as("alice").in("paris-tech").send("/evnts tonight");
    chat.as("alice").in("paris-tech").send("/no_such_thing_ever");
    String scrape = scrape();

    // then
    assertThat(value(scrape, "networkeras_commands_seconds_count", "events", "ok", "console"))
        .isEqualTo(2.0);
    assertThat(value(scrape, "networkeras_commands_seconds_count", "event", "refused", "console"))
        .isEqualTo(1.0);
    // misspelt or invented names all count as "unknown": members cannot add series
    assertThat(value(scrape, "networkeras_commands_seconds_count", "unknown", "refused", "console"))
        .isEqualTo(2.0);
    assertThat(scrape).doesNotContain("evnts").doesNotContain("no_such_thing_ever");
    assertThat(
            sample(
                scrape,
                "networkeras_commands_seconds_bucket\\{command=\"events\",outcome=\"ok\","
                    + "platform=\"console\",le=\"\\+Inf\"\\}"))
        .isEqualTo(2.0);
    assertThat(
            sample(
                scrape,
                "networkeras_commands_seconds_bucket\\{command=\"events\",outcome=\"ok\","
                    + "platform=\"console\",le=\"0\\.1\"\\}"))
        .isBetween(0.0, 2.0);
    assertThat(value(scrape, "networkeras_commands_seconds_sum", "events", "ok", "console"))
        .isGreaterThan(0.0);
  }

  @Test
  void reportsCacheHitsTheCommandsCaused() {
    // given
    Chat chat = Chat.on(open(TestDatabases.Backend.SQLITE)).withStarterCatalog("paris-tech");
    bind(chat);

    // when
    chat.as("alice").in("paris-tech").send("/events tonight");
    chat.as("alice").in("paris-tech").send("/events tonight");
    String scrape = scrape();

    // then
    assertThat(sample(scrape, "cache_gets_total\\{cache=\"communities\",result=\"hit\"\\}"))
        .isGreaterThanOrEqualTo(1.0);
    assertThat(sample(scrape, "cache_gets_total\\{cache=\"catalog-days\",result=\"hit\"\\}"))
        .isGreaterThanOrEqualTo(1.0);
    assertThat(sample(scrape, "cache_gets_total\\{cache=\"community-settings\",result=\"miss\"\\}"))
        .isGreaterThanOrEqualTo(1.0);
    assertThat(scrape).contains("cache_size{cache=\"catalog-days\"}");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Backend.class)
  void readsTheOutboxBacklogAtScrapeTimeAndCountsDeliveriesByOutcome(
      TestDatabases.Backend backend) {
    // given
    Chat chat = Chat.on(open(backend));
    Instant now = chat.clock().instant();
    LimitedTelegram telegram = new LimitedTelegram();
    chat.wiring().gateways().register(telegram);
    bind(chat);
    var outbox = chat.wiring().delivery().outbox();
    outbox.enqueue(message("late-1", "42", now.minus(Duration.ofMinutes(10))));
    outbox.enqueue(message("late-2", "42", now.minus(Duration.ofMinutes(4))));
    outbox.enqueue(message("later", "43", now.plus(Duration.ofHours(1))));

    // when
    String before = scrape();
    chat.wiring().delivery().deliverDueNow();
    String after = scrape();

    // then
    assertThat(sample(before, "networkeras_outbox_pending_messages")).isEqualTo(3.0);
    assertThat(sample(before, "networkeras_outbox_due_messages")).isEqualTo(2.0);
    assertThat(sample(before, "networkeras_outbox_oldest_due_age_seconds")).isEqualTo(600.0);
    // one per second per chat: the first goes, the second waits for a permit
    assertThat(
            sample(
                after,
                "networkeras_deliveries_total\\{outcome=\"delivered\",platform=\"telegram\"\\}"))
        .isEqualTo(1.0);
    assertThat(
            sample(after, "networkeras_delivery_rate_limit_waits_total\\{platform=\"telegram\"\\}"))
        .isEqualTo(1.0);
    assertThat(sample(after, "networkeras_outbox_pending_messages")).isEqualTo(2.0);
  }

  @Test
  void showsEachPlatformsConnectionAndReconnectsTheJvmAndThePool() {
    // given
    Chat chat = Chat.on(open(TestDatabases.Backend.SQLITE));
    bind(chat);
    metrics
        .bindPlatform(Platform.DISCORD, () -> new ConnectionStatus(true, "CONNECTED", 2))
        .bindPlatform(Platform.TELEGRAM, () -> new ConnectionStatus(false, "no answer", 5))
        .bindPool(database.dataSource());

    // when
    String scrape = scrape();

    // then
    assertThat(sample(scrape, "networkeras_platform_connected\\{platform=\"discord\"\\}"))
        .isEqualTo(1.0);
    assertThat(sample(scrape, "networkeras_platform_connected\\{platform=\"telegram\"\\}"))
        .isEqualTo(0.0);
    assertThat(sample(scrape, "networkeras_platform_reconnects_total\\{platform=\"telegram\"\\}"))
        .isEqualTo(5.0);
    assertThat(sample(scrape, "networkeras_db_connections_max")).isEqualTo(4.0);
    assertThat(scrape)
        .contains("networkeras_db_connections{state=\"active\"}")
        .contains("jvm_memory_used_bytes{")
        .contains("jvm_gc_")
        .contains("jvm_threads_live_threads")
        .contains("process_uptime_seconds")
        .contains("process_cpu_usage");
  }

  private Database open(TestDatabases.Backend backend) {
    database = backend.open(tempDir);
    return database;
  }

  private void bind(Chat chat) {
    PrometheusMeterRegistry registry = BotMetrics.prometheus();
    metrics =
        new BotMetrics(registry, chat.clock(), Duration.ZERO).bindJvm().bindCore(chat.wiring());
    server = WebServer.start(new WebSettings("127.0.0.1", 0), List.of(new MetricsRoutes(registry)));
  }

  private String scrape() {
    HttpResponse<String> response = Http.get(server.port(), "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    return response.body();
  }

  private static OutgoingMessage message(String key, String chatId, Instant due) {
    return OutgoingMessage.unexpiring(
        key,
        Target.member(ChatUser.member(Platform.TELEGRAM, chatId, "Member " + chatId)),
        Reply.text(Locale.ENGLISH, "reminder " + key),
        due);
  }

  private static double value(
      String scrape, String name, String command, String outcome, String platform) {
    return sample(
        scrape,
        name
            + "\\{command=\""
            + command
            + "\",outcome=\""
            + outcome
            + "\",platform=\""
            + platform
            + "\"\\}");
  }

  /** The value of the one sample whose name and labels match {@code series} (a regex). */
  private static double sample(String scrape, String series) {
    Matcher matcher = Pattern.compile("(?m)^" + series + " ([-+0-9.eE]+|NaN)$").matcher(scrape);
    assertThat(matcher.find()).as("a sample %s in:%n%s", series, scrape).isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  /** A Telegram that accepts everything, one message per second per chat. */
  private static final class LimitedTelegram implements ChatGateway {
    @Override
    public Platform platform() {
      return Platform.TELEGRAM;
    }

    @Override
    public Capabilities capabilities() {
      return new Capabilities(
          false,
          false,
          false,
          true,
          new SendLimits(
              java.util.Optional.empty(),
              java.util.Optional.of(new SendLimits.Limit(1, Duration.ofSeconds(1))),
              java.util.Optional.empty()));
    }

    @Override
    public DeliveryResult send(Conversation to, Reply reply, String deliveryKey) {
      return new DeliveryResult.Delivered(deliveryKey);
    }

    @Override
    public DeliveryResult sendDirect(ChatUser to, Reply reply, String deliveryKey) {
      return new DeliveryResult.Delivered(deliveryKey);
    }
  }
}
