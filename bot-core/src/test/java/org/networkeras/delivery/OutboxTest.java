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

  private static final String ALICE_KEY = OutgoingMessages.ALICE.key();

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
  void namesTheNextMomentAPendingMessageFallsDue() {
    // given one message due now, one in 30 minutes, one in 2 hours
    outbox.enqueue(toAlice("due:now", NOW, EVENT));
    outbox.enqueue(toAlice("due:soon", NOW.plus(Duration.ofMinutes(30)), EVENT));
    outbox.enqueue(toAlice("due:later", NOW.plus(Duration.ofHours(2)), EVENT));

    // then
    assertThat(outbox.nextDueAfter(NOW)).contains(NOW.plus(Duration.ofMinutes(30)));
    assertThat(outbox.nextDueAfter(NOW.plus(Duration.ofMinutes(30))))
        .contains(NOW.plus(Duration.ofHours(2)));
    assertThat(outbox.nextDueAfter(NOW.plus(Duration.ofHours(2)))).isEmpty();
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
  void keepsWhatAMessageIsAbout() {
    // given
    OutgoingMessage reminder =
        toAlice("reminder:42:telegram:4242:1d@1", NOW, EVENT)
            .about(Premise.attendance("42", EVENT, "telegram:4242"));
    OutgoingMessage post =
        toGroup("starting-soon:42", NOW, EVENT).about(Premise.occurrence("42-1127", EVENT));

    // when
    outbox.enqueueAll(List.of(reminder, post));

    // then
    assertThat(outbox.find(reminder.key()).orElseThrow().message()).isEqualTo(reminder);
    assertThat(outbox.find(post.key()).orElseThrow().message()).isEqualTo(post);
  }

  @Test
  void cancelDropsTheMembersPendingMessagesAboutTheOccurrenceWithThePrefixOnly() {
    // given
    outbox.enqueue(aboutAlice("reminder:42:a:P1D", "42"));
    outbox.enqueue(aboutAlice("reminder:42:a:PT2H", "42"));
    outbox.enqueue(aboutAlice("reminder:421:a:P1D", "421"));
    outbox.enqueue(aboutAlice("promoted:42:a:1", "42"));
    outbox.enqueue(aboutAlice("REMINDER:42:a:P1D", "42"));
    outbox.enqueue(aboutAlice("reminder%42:a:P1D", "42"));
    outbox.enqueue(
        toAlice("reminder:42:b:P1D", NOW, EVENT).about(Premise.attendance("42", EVENT, "b")));
    outbox.enqueue(toAlice("reminder:42:a:legacy", NOW, EVENT));

    // when
    int cancelled = outbox.cancel("reminder:", "42", ALICE_KEY);

    // then
    assertThat(cancelled).isEqualTo(2);
    assertThat(outbox.find("reminder:42:a:P1D")).isEmpty();
    assertThat(outbox.find("reminder:42:a:PT2H")).isEmpty();
    assertThat(outbox.find("reminder:421:a:P1D")).isPresent();
    assertThat(outbox.find("promoted:42:a:1")).isPresent();
    assertThat(outbox.find("REMINDER:42:a:P1D")).isPresent();
    assertThat(outbox.find("reminder%42:a:P1D")).isPresent();
    assertThat(outbox.find("reminder:42:b:P1D")).isPresent();
  }

  @Test
  void aCancelledKeyCanBeEnqueuedAgainButADeliveredOneCannot() {
    // given
    RecordingGateway gateway = new RecordingGateway(OutgoingMessages.ALICE.platform());
    OutboxWorker worker = Workers.unlimited(outbox, gateway, clock, "w1");
    outbox.enqueue(aboutAlice("reminder:42:a:P1D", "42"));
    outbox.enqueue(
        toAlice("reminder:42:a:PT2H", NOW.plusSeconds(3600), EVENT)
            .about(Premise.attendance("42", EVENT, ALICE_KEY)));
    worker.deliverDue();

    // when
    outbox.cancel("reminder:", "42", ALICE_KEY);
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
  void droppingAMembersRemindersReadsAnIndexNotEveryPendingRow() {
    // given an outbox with pending messages about many members
    for (int i = 0; i < 200; i++) {
      outbox.enqueue(
          toAlice("reminder:42:m" + i + ":P1D", NOW, EVENT)
              .about(Premise.attendance("42", EVENT, "m" + i)));
    }
    String explain = database.isPostgres() ? "EXPLAIN (FORMAT TEXT) " : "EXPLAIN QUERY PLAN ";
    if (database.isPostgres()) {
      database.useHandle("analyze", handle -> handle.execute("ANALYZE outbox"));
    }

    // when
    String plan =
        database.inTransaction(
            "explain the cancel",
            handle -> {
              if (database.isPostgres()) {
                handle.execute("SET LOCAL enable_seqscan = off");
              }
              return String.join(
                  "\n",
                  handle
                      .createQuery(explain + Outbox.CANCEL_ABOUT)
                      .bind("member", "m7")
                      .bind("ref", "42")
                      .bind("length", 9)
                      .bind("prefix", "reminder:")
                      .map((rs, ctx) -> rs.getString(database.isPostgres() ? 1 : 4))
                      .list());
            });

    // then
    System.out.printf("query plan of the cancel on %s:%n%s%n", backend, plan);
    assertThat(plan).contains("outbox_pending_about");
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

  private static OutgoingMessage aboutAlice(String key, String ref) {
    return toAlice(key, NOW, EVENT).about(Premise.attendance(ref, EVENT, ALICE_KEY));
  }
}
