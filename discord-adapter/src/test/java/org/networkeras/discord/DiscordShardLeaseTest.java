package org.networkeras.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.BotCore;
import org.networkeras.cluster.LeasedWork;
import org.networkeras.cluster.Leases;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/**
 * Two instances of one bot, each with JDA's shard manager, sharing one database (two connections to
 * one SQLite file: the lease SQL is the same on PostgreSQL), against the fake Discord gateway,
 * which records each IDENTIFY with its shard.
 */
final class DiscordShardLeaseTest {

  private static final Duration GENEROUS = Duration.ofSeconds(60);
  private static final LeasedWork.Timing FAST =
      new LeasedWork.Timing(Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(30));

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
  void twoInstancesNamingTheSameShardsNeverRunOneTwiceAndTheSecondTakesOverWhenTheFirstStops()
      throws Exception {
    // given both instances name both shards of two; the first starts first
    DiscordAdapter first = instance("first", "0-1/2");
    eventually(() -> first.runningShards().equals(List.of(0, 1)));
    DiscordAdapter second = instance("second", "0-1/2");
    eventually(() -> identified().size() == 2);

    // when the first stops
    first.close();

    // then the second runs both shards, and each shard identified once per instance
    eventually(() -> second.runningShards().equals(List.of(0, 1)));
    eventually(() -> identified().size() == 4);
    assertThat(identified()).containsExactlyInAnyOrder("0/2", "1/2", "0/2", "1/2");
    assertThat(
            discord.awaitRequest(
                "PUT",
                "/api/v10/applications/" + FakeDiscord.APPLICATION_ID + "/commands",
                GENEROUS))
        .as("core's commands registered through a shard")
        .isNotNull();
    assertThat(second.status().detail()).startsWith("shards 0-1/2: 0: ");
  }

  @Test
  void shardsNamedByOneInstanceOnlyRunThereWhileTheOthersRunElsewhere() throws Exception {
    // given
    DiscordAdapter first = instance("first", "0/2");
    eventually(() -> first.runningShards().equals(List.of(0)));

    // when
    DiscordAdapter second = instance("second", "0-1/2");

    // then
    eventually(() -> second.runningShards().equals(List.of(1)));
    eventually(() -> identified().size() == 2);
    assertThat(identified()).containsExactlyInAnyOrder("0/2", "1/2");
    assertThat(first.runningShards()).containsExactly(0);
  }

  private DiscordAdapter instance(String name, String shards) {
    Database database = TestDatabases.sqlite(tempDir);
    running.add(database);
    DiscordSettings settings =
        new DiscordSettings(
            FakeDiscord.TOKEN,
            Optional.empty(),
            Optional.of(URI.create(discord.apiUrl())),
            false,
            tempDir.resolve(name));
    DiscordAdapter adapter =
        DiscordAdapter.startSharded(
            settings, DiscordShards.parse(shards), core, new Leases(database, clock), FAST, clock);
    running.add(adapter);
    return adapter;
  }

  /** The shard of each IDENTIFY the gateway received, as {@code id/total}. */
  private List<String> identified() {
    List<String> shards = new ArrayList<>();
    for (DataObject identify : List.copyOf(discord.identifies())) {
      shards.add(identify.getArray("shard").getInt(0) + "/" + identify.getArray("shard").getInt(1));
    }
    return shards;
  }

  private static void eventually(BooleanSupplier condition) {
    Awaitility.await()
        .atMost(GENEROUS)
        .pollInterval(Duration.ofMillis(20))
        .until(condition::getAsBoolean);
  }
}
