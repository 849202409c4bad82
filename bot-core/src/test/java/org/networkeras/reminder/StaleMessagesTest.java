package org.networkeras.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.chat.Role;
import org.networkeras.delivery.DeliveryAttempt;
import org.networkeras.delivery.OutboxEntry;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;
import org.networkeras.testing.RecordingGateway;

/**
 * Just before sending a reminder or a "you got a seat" notice, the delivery worker checks that what
 * it is about still holds, and drops it, saying why, when the event was cancelled or moved or the
 * member no longer goes: here the catalog and the answers change behind the reminders' back (as a
 * crash between a change and its messages left them before changes and messages shared one
 * transaction, or a row written by an older version).
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class StaleMessagesTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;
  private Chat.Member bob;
  private Chat.Member mona;
  private Event event;
  private String ref;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    chat = Chat.on(database).at("2026-11-26T10:00");
    alice = chat.as("alice").in("paris-tech");
    bob = chat.as("bob").in("paris-tech");
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
    event = Events.publish(chat, "paris-tech", "Apéro web", "2026-12-03T19:00");
    ref = Long.toString(event.id());
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void sendsAReminderWhoseEventAndMemberAreAsTheyWere() {
    // given
    alice.send("/going " + ref);

    // when
    List<RecordingGateway.Sent> sent = deliverAt("2026-12-02T19:00");

    // then
    assertThat(sent).extracting(RecordingGateway.Sent::to).containsExactly("console:alice");
  }

  @Test
  void dropsTheRemindersOfAnEventCancelledBehindTheirBack() {
    // given
    alice.send("/going " + ref);
    chat.wiring().catalog().update(event.withStatus(EventStatus.CANCELLED, chat.clock().instant()));

    // when
    List<RecordingGateway.Sent> sent = deliverAt("2026-12-02T19:00");

    // then
    assertThat(sent).isEmpty();
    assertThat(reminder("1d"))
        .satisfies(
            entry -> {
              assertThat(entry.status()).isEqualTo(OutboxEntry.Status.DROPPED);
              assertThat(entry.lastError()).contains("event " + ref + " is cancelled");
            });
  }

  @Test
  void dropsTheRemindersOfAnEventMovedBehindTheirBack() {
    // given
    alice.send("/going " + ref);
    chat.wiring().catalog().update(movedBy(event, Duration.ofHours(1)));

    // when
    List<RecordingGateway.Sent> sent = deliverAt("2026-12-02T19:00");

    // then
    assertThat(sent).isEmpty();
    assertThat(reminder("1d").status()).isEqualTo(OutboxEntry.Status.DROPPED);
    assertThat(reminder("1d").lastError())
        .hasValueSatisfying(why -> assertThat(why).contains(ref + " moved from"));
  }

  @Test
  void dropsTheRemindersOfAMemberWhoNoLongerGoes() {
    // given
    alice.send("/going " + ref);
    setAnswerBehindTheirBack("console:alice", "NOT_GOING");

    // when
    List<DeliveryAttempt> attempts = deliverAttemptsAt("2026-12-02T19:00");

    // then
    assertThat(attempts)
        .extracting(DeliveryAttempt::outcome)
        .containsExactly(DeliveryAttempt.Outcome.DROPPED);
    assertThat(attempts.get(0).detail()).contains("console:alice no longer goes to " + ref);
    assertThat(chat.sent()).isEmpty();
  }

  @Test
  void dropsTheSeatNoticeOfAMemberWhoLeftBeforeItWasSent() {
    // given bob waits, then gets alice's seat, then leaves before the notice goes
    mona.send("/capacity " + ref + " 1");
    alice.send("/going " + ref);
    bob.send("/going " + ref);
    alice.send("/notgoing " + ref);
    setAnswerBehindTheirBack("console:bob", "NOT_GOING");

    // when
    List<DeliveryAttempt> attempts = chat.wiring().delivery().deliverDueNow();

    // then
    assertThat(attempts)
        .singleElement()
        .satisfies(
            attempt -> {
              assertThat(attempt.message().key()).startsWith("promoted:" + ref + ":console:bob");
              assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.DROPPED);
            });
    assertThat(chat.sent()).isEmpty();
  }

  private void setAnswerBehindTheirBack(String memberKey, String status) {
    database.useHandle(
        "change an answer",
        handle ->
            handle
                .createUpdate(
                    "UPDATE rsvps SET status = :status"
                        + " WHERE occurrence_ref = :ref AND member_key = :member")
                .bind("status", status)
                .bind("ref", ref)
                .bind("member", memberKey)
                .execute());
  }

  private OutboxEntry reminder(String offset) {
    String key =
        ReminderService.prefix(ref, "console:alice")
            + offset
            + "@"
            + event.start().getEpochSecond();
    return chat.wiring().delivery().outbox().find(key).orElseThrow();
  }

  private List<RecordingGateway.Sent> deliverAt(String localDateTime) {
    int before = chat.sent().size();
    deliverAttemptsAt(localDateTime);
    List<RecordingGateway.Sent> all = chat.sent();
    return all.subList(before, all.size());
  }

  private List<DeliveryAttempt> deliverAttemptsAt(String localDateTime) {
    chat.advance(
        Duration.between(
            chat.clock().instant(),
            LocalDateTime.parse(localDateTime).atZone(Chat.PARIS).toInstant()));
    return chat.wiring().delivery().deliverDueNow();
  }

  private static Event movedBy(Event event, Duration by) {
    return new Event(
        event.id(),
        event.communityId(),
        event.title(),
        event.family(),
        event.slot(),
        event.city(),
        event.venue(),
        event.address(),
        event.start().plus(by),
        event.end().plus(by),
        event.description(),
        event.link(),
        event.organiser(),
        event.tags(),
        event.admission(),
        event.status(),
        event.source(),
        event.recurrence(),
        event.author(),
        event.createdAt(),
        event.updatedAt());
  }
}
