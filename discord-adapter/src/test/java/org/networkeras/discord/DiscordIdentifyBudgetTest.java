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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.BotCore;
import org.networkeras.cluster.IdentifyBudget;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/**
 * The session controller spends the token's login budget, shared through the database, before every
 * login to the fake Discord gateway (which says, in {@code /gateway/bot}, that 999 of 1,000 logins
 * remain), and holds logins back while the budget is spent, until its reset on the injected clock.
 */
final class DiscordIdentifyBudgetTest {

  private static final Duration GENEROUS = Duration.ofSeconds(60);
  private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");

  @TempDir Path tempDir;

  private final MutableClock clock = new MutableClock(NOW);
  private final BotCore core = mock(BotCore.class);
  private final List<AutoCloseable> running = new ArrayList<>();
  private final String hash = IdentifyBudget.tokenHash(FakeDiscord.TOKEN);
  private FakeDiscord discord;
  private IdentifyBudget budget;

  @BeforeEach
  void start() throws Exception {
    discord = new FakeDiscord();
    when(core.commandSpecs()).thenReturn(SampleSpecs.representative());
    Database database = TestDatabases.sqlite(tempDir);
    running.add(database);
    budget = new IdentifyBudget(database, clock);
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    discord.close();
  }

  @Test
  void aSingleSessionsLoginIsCountedAfterWhatDiscordSaysWasSpent() {
    // when
    DiscordAdapter adapter = DiscordAdapter.start(settings("single"), core, budget, clock);
    running.add(adapter);

    // then: one spent before (Discord says 999 of 1,000 remain), one by this login
    assertThat(discord.identifies()).hasSize(1);
    assertThat(budget.window(hash))
        .contains(new IdentifyBudget.Window(1_000, 2, NOW.plusMillis(14_400_000)));
  }

  @Test
  void eachShardsLoginIsCounted() {
    // when
    DiscordAdapter adapter = sharded("sharded", "0-1/2");

    // then
    eventually(() -> discord.identifies().size() == 2);
    eventually(() -> budget.window(hash).orElseThrow().spent() == 3);
    assertThat(adapter.budgetedSessions().waitingUntil()).isEmpty();
  }

  @Test
  void aSpentBudgetHoldsTheLoginBackUntilItResets() {
    // given another instance spent the whole budget; it resets in an hour
    Instant reset = NOW.plus(Duration.ofHours(1));
    budget.sync(hash, 1_000, 0, reset);

    // when
    DiscordAdapter adapter = sharded("spent", "0/1");

    // then the shard waits for the reset, without logging in
    eventually(() -> adapter.budgetedSessions().waitingUntil().equals(Optional.of(reset)));
    assertThat(discord.identifies()).isEmpty();
    assertThat(budget.window(hash)).contains(new IdentifyBudget.Window(1_000, 1_000, reset));

    // when the budget resets
    clock.advance(Duration.ofHours(1));

    // then it logs in, and a new window counts that login
    eventually(() -> discord.identifies().size() == 1);
    assertThat(budget.window(hash))
        .contains(new IdentifyBudget.Window(1_000, 1, reset.plus(IdentifyBudget.WINDOW)));
    eventually(() -> adapter.budgetedSessions().waitingUntil().isEmpty());
  }

  private DiscordAdapter sharded(String name, String shards) {
    DiscordAdapter adapter =
        DiscordAdapter.startSharded(
            settings(name), DiscordShards.parse(shards), core, null, budget, clock);
    running.add(adapter);
    return adapter;
  }

  private DiscordSettings settings(String name) {
    return new DiscordSettings(
        FakeDiscord.TOKEN,
        Optional.empty(),
        Optional.of(URI.create(discord.apiUrl())),
        false,
        tempDir.resolve(name));
  }

  private static void eventually(BooleanSupplier condition) {
    Awaitility.await()
        .atMost(GENEROUS)
        .pollInterval(Duration.ofMillis(20))
        .until(condition::getAsBoolean);
  }
}
