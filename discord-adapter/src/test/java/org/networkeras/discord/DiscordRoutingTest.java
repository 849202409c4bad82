package org.networkeras.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import mockwebserver3.RecordedRequest;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.delivery.Delivery;
import org.networkeras.delivery.DeliveryListener;
import org.networkeras.delivery.OutboxEntry;
import org.networkeras.delivery.OutgoingMessage;
import org.networkeras.delivery.Target;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/**
 * Two instances of one bot, each running one of two shards, share one outbox: each instance's
 * outbox worker claims messages for guilds on both shards, and every message goes out once, from
 * whichever instance claimed it (by REST when its guild is on the other instance's shard), with no
 * retry in between. The clock stands still: a message put back for a later try would never be due
 * again, so a retry would show as a message never delivered.
 */
final class DiscordRoutingTest {

  private static final int PER_CHANNEL =
      20; // 40 in all: under the 50 a second Discord's limiter grants while the clock stands still
  private static final Duration GENEROUS = Duration.ofSeconds(60);

  /** Well under the 30 s a message for another instance's shard used to wait. */
  private static final Duration PROMPTLY = Duration.ofSeconds(20);

  @TempDir Path tempDir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
  private final BotCore core = mock(BotCore.class);
  private final List<AutoCloseable> running = new ArrayList<>();
  private FakeDiscord discord;

  @BeforeEach
  void startDiscord() throws Exception {
    discord = new FakeDiscord();
    when(core.commandSpecs()).thenReturn(SampleSpecs.representative());
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    discord.close();
  }

  @Test
  void twoInstancesOnSqliteDeliverMessagesForBothShardsOnceEachWithoutWaiting() throws Exception {
    Database first = TestDatabases.sqlite(tempDir);
    running.add(first);
    Database second = TestDatabases.sqlite(tempDir);
    running.add(second);
    deliverForBothShards(first, second);
  }

  @Test
  void twoInstancesOnPostgresDeliverMessagesForBothShardsOnceEachWithoutWaiting() throws Exception {
    Optional<List<Database>> databases = TestDatabases.postgresInstances(2);
    Assumptions.assumeTrue(databases.isPresent(), TestDatabases.POSTGRES_SKIPPED);
    running.addAll(databases.get());
    deliverForBothShards(databases.get().get(0), databases.get().get(1));
  }

  private void deliverForBothShards(Database firstDatabase, Database secondDatabase) {
    // given: the first instance runs shard 0 of 2 (the other guild), the second shard 1 (the
    // first guild); both instances' workers share one outbox
    DiscordAdapter first = instance("first", "0/2");
    DiscordAdapter second = instance("second", "1/2");
    eventually(() -> connected(first, 0) && connected(second, 1));
    Delivery a = delivery(firstDatabase, first);
    Delivery b = delivery(secondDatabase, second);
    List<OutgoingMessage> messages = new ArrayList<>();
    for (int i = 0; i < PER_CHANNEL; i++) {
      messages.add(message("first-guild:" + i, FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID));
      messages.add(
          message("other-guild:" + i, FakeDiscord.OTHER_GUILD_ID, FakeDiscord.OTHER_CHANNEL_ID));
    }
    assertThat(a.outbox().enqueueAll(messages)).isEqualTo(2 * PER_CHANNEL);

    // when: both instances' workers take turns at delivery rounds, the first one first (so it
    // claims messages for both guilds)
    Awaitility.await()
        .atMost(PROMPTLY)
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              a.deliverDueNow();
              b.deliverDueNow();
              return sent(FakeDiscord.CHANNEL_ID).size() + sent(FakeDiscord.OTHER_CHANNEL_ID).size()
                  >= 2 * PER_CHANNEL;
            });

    // then: each message went out once, with its nonce, and is recorded as delivered
    assertThat(sent(FakeDiscord.CHANNEL_ID)).hasSize(PER_CHANNEL);
    assertThat(sent(FakeDiscord.OTHER_CHANNEL_ID)).hasSize(PER_CHANNEL);
    Set<String> nonces = new HashSet<>();
    for (String channel : List.of(FakeDiscord.CHANNEL_ID, FakeDiscord.OTHER_CHANNEL_ID)) {
      for (DataObject sent : sent(channel)) {
        assertThat(sent.getBoolean("enforce_nonce")).isTrue();
        nonces.add(sent.getString("nonce"));
      }
    }
    Set<String> expected = new HashSet<>();
    for (OutgoingMessage message : messages) {
      expected.add(DiscordChatGateway.nonce(message.key()));
      assertThat(a.outbox().find(message.key()).orElseThrow().status())
          .as(message.key())
          .isEqualTo(OutboxEntry.Status.DELIVERED);
    }
    assertThat(nonces).isEqualTo(expected);
  }

  private OutgoingMessage message(String key, String guildId, String channelId) {
    Conversation channel = Conversation.group(Platform.DISCORD, channelId, guildId);
    return OutgoingMessage.of(
        key,
        Target.conversation(channel),
        Reply.text(Locale.ENGLISH, "reminder " + key),
        clock.instant(),
        clock.instant().plus(Duration.ofHours(1)));
  }

  private Delivery delivery(Database database, DiscordAdapter adapter) {
    Delivery delivery =
        new Delivery(
            database,
            platform ->
                platform == Platform.DISCORD ? Optional.of(adapter.gateway()) : Optional.empty(),
            clock,
            DeliveryListener.NONE);
    running.add(delivery);
    return delivery;
  }

  private DiscordAdapter instance(String name, String shards) {
    DiscordSettings settings =
        new DiscordSettings(
            FakeDiscord.TOKEN,
            Optional.empty(),
            Optional.of(URI.create(discord.apiUrl())),
            false,
            tempDir.resolve(name));
    DiscordAdapter adapter =
        DiscordAdapter.startSharded(settings, DiscordShards.parse(shards), core, null, clock);
    running.add(adapter);
    return adapter;
  }

  private static boolean connected(DiscordAdapter adapter, int shard) {
    return adapter.runningShards().equals(List.of(shard))
        && adapter.status().connected()
        && !adapter.status().detail().contains("none runs here");
  }

  /** The bodies of the messages posted in {@code channelId}. */
  private List<DataObject> sent(String channelId) {
    List<DataObject> bodies = new ArrayList<>();
    for (RecordedRequest request :
        discord.requests("POST", "/api/v10/channels/" + channelId + "/messages")) {
      bodies.add(DataObject.fromJson(request.getBody().utf8()));
    }
    return bodies;
  }

  private static void eventually(BooleanSupplier condition) {
    Awaitility.await()
        .atMost(GENEROUS)
        .pollInterval(Duration.ofMillis(20))
        .until(condition::getAsBoolean);
  }
}
