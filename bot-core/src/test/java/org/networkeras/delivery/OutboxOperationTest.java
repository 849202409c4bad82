package org.networkeras.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.networkeras.delivery.OutgoingMessages.toGroup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.core.SimulatedClock;
import org.networkeras.delivery.OutboxEntry.Status;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/** Outbox items that are operations rather than chat messages, performed under the same rules. */
final class OutboxOperationTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Instant LATER = NOW.plus(Duration.ofDays(1));

  @TempDir Path tempDir;
  private Database database;
  private SimulatedClock clock;
  private RecordingGateway gateway;
  private Delivery delivery;

  @BeforeEach
  void open() {
    database = TestDatabases.sqlite(tempDir);
    clock = new SimulatedClock(NOW, ZoneOffset.UTC);
    gateway = new RecordingGateway(Platform.TELEGRAM);
    delivery = new Delivery(database, gateway.asLookup(), clock, DeliveryListener.NONE);
  }

  @AfterEach
  void close() {
    delivery.close();
    database.close();
  }

  /** An operation that records the keys it performed and answers as told. */
  private static final class Recording implements OutboxOperation {
    final List<String> performed = new CopyOnWriteArrayList<>();
    private final Function<String, DeliveryResult> answer;

    Recording(Function<String, DeliveryResult> answer) {
      this.answer = answer;
    }

    @Override
    public String keyPrefix() {
      return "op:";
    }

    @Override
    public DeliveryResult perform(OutgoingMessage item) {
      performed.add(item.key());
      return answer.apply(item.key());
    }
  }

  @Test
  void performsTheItemsWithItsPrefixInsteadOfSendingThemAndSendsTheOthers() {
    // given
    Recording operation = new Recording(key -> new DeliveryResult.Delivered("done"));
    delivery.performWith(operation);
    delivery.outbox().enqueue(toGroup("op:42", NOW, LATER));
    delivery.outbox().enqueue(toGroup("starting-soon:42", NOW, LATER));

    // when
    delivery.deliverDueNow();
    delivery.outbox().enqueue(toGroup("op:42", NOW, LATER));
    delivery.deliverDueNow();

    // then once, and never through the chat gateway
    assertThat(operation.performed).containsExactly("op:42");
    assertThat(gateway.keys()).containsExactly("starting-soon:42");
    assertThat(delivery.outbox().find("op:42").orElseThrow().status()).isEqualTo(Status.DELIVERED);
  }

  @Test
  void retriesAnOperationThatThrowsAndSettlesOneThatFailsForGood() {
    // given
    Recording operation =
        new Recording(
            key -> {
              if (key.equals("op:throws")) {
                throw new IllegalStateException("the platform went away");
              }
              return DeliveryResult.Failed.permanent("refused");
            });
    delivery.performWith(operation);
    delivery.outbox().enqueue(toGroup("op:throws", NOW, LATER));
    delivery.outbox().enqueue(toGroup("op:refused", NOW, LATER));

    // when
    delivery.deliverDueNow();
    clock.advance(Duration.ofMinutes(1));
    delivery.deliverDueNow();

    // then
    OutboxEntry thrown = delivery.outbox().find("op:throws").orElseThrow();
    assertThat(thrown.status()).isEqualTo(Status.PENDING);
    assertThat(thrown.attempts()).isEqualTo(2);
    assertThat(thrown.lastError()).get().asString().contains("the platform went away");
    assertThat(delivery.outbox().find("op:refused").orElseThrow().status())
        .isEqualTo(Status.FAILED);
    assertThat(operation.performed).containsExactly("op:throws", "op:refused", "op:throws");
  }

  @Test
  void refusesTwoOperationsWhoseKeysOverlap() {
    // given
    delivery.performWith(new Recording(key -> new DeliveryResult.Delivered("done")));

    // when / then
    assertThatThrownBy(
            () ->
                delivery.performWith(
                    new OutboxOperation() {
                      @Override
                      public String keyPrefix() {
                        return "op:x";
                      }

                      @Override
                      public DeliveryResult perform(OutgoingMessage item) {
                        return new DeliveryResult.Delivered("done");
                      }
                    }))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
