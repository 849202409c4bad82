package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

final class TelegramUpdateConsumerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final InMemoryStateStore store = new InMemoryStateStore();
  private final ExecutorService workers = Executors.newFixedThreadPool(3);
  private final List<Integer> handled = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  @Test
  void handlesADuplicateUpdateOnce() {
    // given
    TelegramUpdateConsumer consumer =
        consumer(ledger(), update -> handled.add(update.getUpdateId()));
    String first = BotApiJson.message(100, BotApiJson.group(), BotApiJson.alice(), "/events");

    // when
    consumer.consume(BotApiJson.parse(BotApiJson.batch(first, first)));
    consumer.consume(BotApiJson.parse(BotApiJson.batch(first)));

    // then
    assertThat(handled).containsExactly(100);
  }

  @Test
  void handlesOneChatsUpdatesInOrder() {
    // given
    TelegramUpdateConsumer consumer =
        consumer(ledger(), update -> handled.add(update.getUpdateId()));

    // when
    consumer.consume(
        BotApiJson.parse(
            BotApiJson.batch(
                BotApiJson.message(1, BotApiJson.group(), BotApiJson.alice(), "a"),
                BotApiJson.message(2, BotApiJson.privateChat(5), BotApiJson.alice(), "b"),
                BotApiJson.message(3, BotApiJson.group(), BotApiJson.bob(), "c"),
                BotApiJson.message(4, BotApiJson.group(), BotApiJson.alice(), "d"))));

    // then
    assertThat(handled).containsExactlyInAnyOrder(1, 2, 3, 4);
    assertThat(handled.stream().filter(id -> id != 2).toList()).containsExactly(1, 3, 4);
  }

  @Test
  void keepsHandlingUpdatesAfterOneFails() {
    // given
    TelegramUpdateConsumer consumer =
        consumer(
            ledger(),
            update -> {
              if (update.getUpdateId() == 11) {
                throw new IllegalStateException("core is having a bad day");
              }
              handled.add(update.getUpdateId());
            });

    // when
    consumer.consume(
        BotApiJson.parse(
            BotApiJson.batch(
                BotApiJson.message(10, BotApiJson.group(), BotApiJson.alice(), "a"),
                BotApiJson.message(11, BotApiJson.group(), BotApiJson.alice(), "b"),
                BotApiJson.message(12, BotApiJson.group(), BotApiJson.alice(), "c"))));

    // then
    assertThat(handled).containsExactly(10, 12);
    assertThat(ledger().nextOffset()).hasValue(13);
  }

  @Test
  void skipsAfterARestartWhatWasHandledBeforeIt() {
    // given
    consumer(ledger(), update -> handled.add(update.getUpdateId()))
        .consume(
            BotApiJson.parse(
                BotApiJson.batch(
                    BotApiJson.message(20, BotApiJson.group(), BotApiJson.alice(), "a"))));
    TelegramUpdateConsumer afterRestart =
        consumer(ledger(), update -> handled.add(update.getUpdateId()));

    // when
    afterRestart.consume(
        BotApiJson.parse(
            BotApiJson.batch(
                BotApiJson.message(20, BotApiJson.group(), BotApiJson.alice(), "a"),
                BotApiJson.message(21, BotApiJson.group(), BotApiJson.alice(), "b"))));

    // then
    assertThat(handled).containsExactly(20, 21);
  }

  @Test
  void resumesFromTheUpdateAfterTheLastBatchHandled() {
    // given
    consumer(ledger(), update -> handled.add(update.getUpdateId()))
        .consume(
            BotApiJson.parse(
                BotApiJson.batch(
                    BotApiJson.message(41, BotApiJson.group(), BotApiJson.alice(), "a"),
                    BotApiJson.message(42, BotApiJson.group(), BotApiJson.alice(), "b"))));

    // when
    TelegramUpdateLedger afterRestart = ledger();

    // then
    assertThat(afterRestart.nextOffset()).hasValue(43);
    assertThat(afterRestart.handled(41)).isTrue();
  }

  @Test
  void forgetsAStalePositionButStillRecognisesRecentIds() {
    // given
    consumer(ledger(), update -> handled.add(update.getUpdateId()))
        .consume(
            BotApiJson.parse(
                BotApiJson.batch(
                    BotApiJson.message(900, BotApiJson.group(), BotApiJson.alice(), "a"))));

    // when
    clock.advance(TelegramUpdateLedger.STALE_AFTER.plus(Duration.ofMinutes(1)));
    TelegramUpdateLedger afterLongSilence = ledger();

    // then
    assertThat(afterLongSilence.nextOffset()).isEmpty();
    assertThat(afterLongSilence.handled(900)).isTrue();
  }

  @Test
  void ignoresUnreadableSavedState() {
    // given
    store.put("telegram.test.updates", "garbage");

    // when
    TelegramUpdateLedger ledger = ledger();

    // then
    assertThat(ledger.nextOffset()).isEmpty();
  }

  private TelegramUpdateLedger ledger() {
    return new TelegramUpdateLedger(store, "telegram.test.updates", clock);
  }

  private TelegramUpdateConsumer consumer(
      TelegramUpdateLedger ledger, java.util.function.Consumer<Update> handler) {
    return new TelegramUpdateConsumer(ledger, handler, workers);
  }
}
