package org.networkeras.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.networkeras.delivery.OutgoingMessages.toAlice;
import static org.networkeras.delivery.OutgoingMessages.toGroup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Reply;
import org.networkeras.core.SimulatedClock;
import org.networkeras.delivery.OutboxEntry.Status;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class OutboxTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Instant EVENT = NOW.plus(Duration.ofDays(1));

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private SimulatedClock clock;
  private Outbox outbox;

  @BeforeEach
  void openOutbox() {
    database = backend.open(tempDir);
    clock = new SimulatedClock(NOW, ZoneOffset.UTC);
    outbox = new Outbox(database, clock);
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void enqueueingTheSameKeyTwiceKeepsTheFirstMessage() {
    // given
    OutgoingMessage first = toAlice("reminder:42:telegram:4242:PT2H", NOW, EVENT);
    OutgoingMessage second =
        new OutgoingMessage(
            first.key(),
            first.target(),
            Reply.text(Locale.ENGLISH, "a different text"),
            NOW.plusSeconds(60),
            first.expiresAt());

    // when
    boolean added = outbox.enqueue(first);
    boolean addedAgain = outbox.enqueue(second);

    // then
    assertThat(added).isTrue();
    assertThat(addedAgain).isFalse();
    OutboxEntry entry = outbox.find(first.key()).orElseThrow();
    assertThat(entry.message()).isEqualTo(first);
    assertThat(entry.status()).isEqualTo(Status.PENDING);
    assertThat(entry.attempts()).isZero();
  }

  @Test
  void enqueuesManyInOneGoAddingOnlyTheNewKeys() {
    // given
    outbox.enqueue(toAlice("reminder:42:a:P1D", NOW, EVENT));

    // when
    int added =
        outbox.enqueueAll(
            List.of(
                toAlice("reminder:42:a:P1D", NOW, EVENT),
                toAlice("reminder:42:b:P1D", NOW, EVENT),
                toGroup("starting-soon:42", NOW, EVENT),
                toGroup("starting-soon:42", NOW, EVENT)));

    // then
    assertThat(added).isEqualTo(2);
    assertThat(outbox.find("reminder:42:b:P1D")).isPresent();
    assertThat(outbox.find("starting-soon:42")).isPresent();
    assertThat(outbox.enqueueAll(List.of())).isZero();
  }

  @Test
  void keepsConversationAndMemberTargetsAsGiven() {
    // given
    OutgoingMessage toGroup = toGroup("post:1", NOW, EVENT);
    OutgoingMessage toMember =
        OutgoingMessage.unexpiring(
            "dm:1", toAlice("x", NOW, EVENT).target(), Reply.text(Locale.ENGLISH, "hi"), NOW);

    // when
    outbox.enqueue(toGroup);
    outbox.enqueue(toMember);

    // then
    assertThat(outbox.find("post:1").orElseThrow().message()).isEqualTo(toGroup);
    assertThat(outbox.find("dm:1").orElseThrow().message()).isEqualTo(toMember);
    assertThat(outbox.find("dm:2")).isEmpty();
  }

  @Test
  void cancelDropsPendingMessagesWithThePrefixOnly() {
    // given
    outbox.enqueue(toAlice("reminder:42:a:P1D", NOW, EVENT));
    outbox.enqueue(toAlice("reminder:42:a:PT2H", NOW, EVENT));
    outbox.enqueue(toAlice("reminder:421:a:P1D", NOW, EVENT));
    outbox.enqueue(toAlice("REMINDER:42:a:P1D", NOW, EVENT));
    outbox.enqueue(toAlice("reminder%42:a:P1D", NOW, EVENT));

    // when
    int cancelled = outbox.cancel("reminder:42:");

    // then
    assertThat(cancelled).isEqualTo(2);
    assertThat(outbox.find("reminder:42:a:P1D")).isEmpty();
    assertThat(outbox.find("reminder:42:a:PT2H")).isEmpty();
    assertThat(outbox.find("reminder:421:a:P1D")).isPresent();
    assertThat(outbox.find("REMINDER:42:a:P1D")).isPresent();
    assertThat(outbox.find("reminder%42:a:P1D")).isPresent();
  }

  @Test
  void aCancelledKeyCanBeEnqueuedAgainButADeliveredOneCannot() {
    // given
    RecordingGateway gateway = new RecordingGateway(OutgoingMessages.ALICE.platform());
    OutboxWorker worker = Workers.unlimited(outbox, gateway, clock, "w1");
    outbox.enqueue(toAlice("reminder:42:a:P1D", NOW, EVENT));
    outbox.enqueue(toAlice("reminder:42:a:PT2H", NOW.plusSeconds(3600), EVENT));
    worker.deliverDue();

    // when
    outbox.cancel("reminder:42:");
    boolean delivered = outbox.enqueue(toAlice("reminder:42:a:P1D", NOW, EVENT));
    boolean cancelled = outbox.enqueue(toAlice("reminder:42:a:PT2H", NOW.plusSeconds(600), EVENT));

    // then
    assertThat(delivered).isFalse();
    assertThat(outbox.find("reminder:42:a:P1D").orElseThrow().status()).isEqualTo(Status.DELIVERED);
    assertThat(cancelled).isTrue();
    assertThat(outbox.find("reminder:42:a:PT2H").orElseThrow().message().notBefore())
        .isEqualTo(NOW.plusSeconds(600));
  }

  @Test
  void purgesSettledMessagesOnlyOnceTheyAreOldEnough() {
    // given
    RecordingGateway gateway = new RecordingGateway(OutgoingMessages.ALICE.platform());
    OutboxWorker worker = Workers.unlimited(outbox, gateway, clock, "w1");
    outbox.enqueue(toAlice("sent", NOW, EVENT));
    outbox.enqueue(toAlice("pending", NOW.plus(Duration.ofHours(1)), EVENT));
    worker.deliverDue();
    clock.advance(Duration.ofDays(30));

    // when
    int purged = outbox.purgeSettledBefore(NOW.plus(Duration.ofDays(7)));

    // then
    assertThat(purged).isEqualTo(1);
    assertThat(outbox.find("sent")).isEmpty();
    assertThat(outbox.find("pending")).isPresent();
  }
}
