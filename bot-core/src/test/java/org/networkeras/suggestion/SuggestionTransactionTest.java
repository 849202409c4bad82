package org.networkeras.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
import org.networkeras.store.Database;
import org.networkeras.store.FailingStatements;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/**
 * Approving, editing and cancelling write the change and the messages it causes (the author's
 * notice, the announcement, the reminders moved or dropped, the notices to people going) in one
 * transaction: whichever statement fails, both or neither are stored.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class SuggestionTransactionTest {

  /**
   * More statements than any of these changes runs: each loop ends when the change is stored (the
   * statements after the commit, such as sending at once, may still fail: the outbox keeps).
   */
  private static final int ENOUGH = 60;

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member mona;
  private Chat.Member bob;
  private FailingStatements failing;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00");
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
    bob = chat.as("bob").in("paris-tech");
    chat.as("ada").withRole(Role.ADMIN).in("paris-tech").send("/settings announce here");
    failing = FailingStatements.on(database);
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void approvingStoresThePublicationTheAuthorsNoticeAndTheAnnouncementBothOrNeither() {
    int failed = 0;
    for (int n = 1; n < ENOUGH; n++) {
      // given a member's pending suggestion, each on its own day
      Chat.Member author = chat.as("member" + n).in("paris-tech");
      String said =
          author.send("/suggest Apéro blogueurs | %02d/12 19h | Paris".formatted(n)).text();
      long id = Long.parseLong(said.replaceAll("(?s).*Suggestion (\\d+) now.*", "$1"));

      // when the n-th statement of the approval fails
      failing.failOn(n);
      mona.pressToken("rv:a:" + id);
      boolean triggered = failing.off();

      // then
      boolean published = status(id) == EventStatus.PUBLISHED;
      assertThat(outboxKeys())
          .as("after failing statement %d", n)
          .satisfies(
              keys -> {
                assertThat(keys.contains("decision:" + id)).isEqualTo(published);
                assertThat(keys.contains("announce:" + id + ":console:paris-tech"))
                    .isEqualTo(published);
              });
      if (published) {
        break;
      }
      assertThat(triggered).as("not approved, statement %d did not fail", n).isTrue();
      failed++;
    }
    assertThat(failed).as("statements before the approval is stored").isGreaterThanOrEqualTo(3);
  }

  @Test
  void cancellingStoresTheCancellationAndTheNoticesToPeopleGoingBothOrNeither() {
    // given a published event bob is going to
    long id = published("Apéro blogueurs | jeudi 19h | Paris");
    bob.send("/going " + id);
    int failed = 0;
    for (int n = 1; n < ENOUGH; n++) {
      // when the n-th statement of the cancellation fails
      failing.failOn(n);
      mona.send("/cancel_event " + id);
      boolean triggered = failing.off();

      // then
      boolean cancelled = status(id) == EventStatus.CANCELLED;
      List<String> keys = outboxKeys();
      assertThat(keys.stream().anyMatch(k -> k.startsWith("cancelled:") && k.contains("bob")))
          .as("bob told after failing statement %d", n)
          .isEqualTo(cancelled);
      assertThat(pendingReminders().isEmpty()).isEqualTo(cancelled);
      if (cancelled) {
        break;
      }
      assertThat(triggered).as("not cancelled, statement %d did not fail", n).isTrue();
      failed++;
    }
    assertThat(failed).isGreaterThanOrEqualTo(3);
  }

  @Test
  void editingTheTimeStoresTheNewTimeAndTheMovedRemindersBothOrNeither() {
    // given a published event bob is going to, thursday 19:00
    long id = published("Apéro blogueurs | jeudi 19h | Paris");
    bob.send("/going " + id);
    Instant before = database.events().find(id).orElseThrow().start();
    int failed = 0;
    for (int n = 1; n < ENOUGH; n++) {
      // when the n-th statement of the edit fails
      failing.failOn(n);
      mona.send("/edit " + id + " when vendredi 20h");
      boolean triggered = failing.off();

      // then the reminders are planned for the start the catalog holds, and members see it
      Instant start = database.events().find(id).orElseThrow().start();
      assertThat(pendingReminders())
          .as("after failing statement %d", n)
          .isNotEmpty()
          .allMatch(key -> key.endsWith("@" + start.getEpochSecond()));
      assertThat(bob.send("/events this week").isoText())
          .as("listing after failing statement %d", n)
          .contains(ISO.format(start.atZone(Chat.PARIS)));
      if (!start.equals(before)) {
        break;
      }
      assertThat(triggered).as("not moved, statement %d did not fail", n).isTrue();
      failed++;
    }
    assertThat(failed).isGreaterThanOrEqualTo(3);
  }

  private long published(String line) {
    String said = mona.send("/suggest " + line).text();
    assertThat(said).contains("Published!");
    return Long.parseLong(said.replaceAll("(?s).*event (\\d+)\\..*", "$1"));
  }

  private EventStatus status(long id) {
    return database.events().find(id).map(Event::status).orElseThrow();
  }

  private List<String> outboxKeys() {
    return database.withHandle(
        "read the outbox",
        handle -> handle.createQuery("SELECT delivery_key FROM outbox").mapTo(String.class).list());
  }

  private List<String> pendingReminders() {
    return database.withHandle(
        "read the pending reminders",
        handle ->
            handle
                .createQuery(
                    "SELECT delivery_key FROM outbox WHERE status = 'PENDING'"
                        + " AND delivery_key LIKE 'reminder:%'")
                .mapTo(String.class)
                .list());
  }
}
