package org.networkeras.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.store.Database;
import org.networkeras.store.Faults;
import org.networkeras.store.StoreException;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.RecordingGateway;

/**
 * The notices a change causes are part of it: a notice that cannot be written fails the change
 * (which rolls back instead of being stored without it), and a notice is sent only once the change
 * is stored.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class NotifierTransactionTest {

  private static final Conversation GROUP =
      Conversation.group(Platform.CONSOLE, "paris-tech", "paris-tech");

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Notifier notifier;

  @BeforeEach
  void open() {
    database = backend.open(tempDir);
    chat = Chat.on(database);
    notifier = new Notifier(chat.wiring().delivery(), chat.clock());
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aNoticeThatCannotBeWrittenFailsTheChangeWhichRollsBack() {
    // given the change writes a row, then its notice fails to be written
    Faults faults = Faults.install(database);
    faults.failAt(2);

    // when
    assertThatThrownBy(
            () ->
                database.useTransaction(
                    "a change",
                    handle -> {
                      storeCommunity(handle, 99);
                      notifier.post(GROUP, Reply.text(Locale.ENGLISH, "Approved"), "notice:1");
                    }))
        .isInstanceOf(StoreException.class)
        .rootCause()
        .hasMessageContaining("fault injected");
    faults.disarm();

    // then
    assertThat(faults.fired()).isTrue();
    assertThat(communityCount(99)).isZero();
    assertThat(chat.wiring().delivery().outbox().find("notice:1")).isEmpty();
    assertThat(chat.sent()).isEmpty();
  }

  @Test
  void sendsANoticeOnlyOnceTheChangeIsStored() {
    // given
    List<RecordingGateway.Sent> sentDuringTheChange = new ArrayList<>();

    // when
    database.useTransaction(
        "a change",
        handle -> {
          storeCommunity(handle, 99);
          notifier.post(GROUP, Reply.text(Locale.ENGLISH, "Approved"), "notice:2");
          sentDuringTheChange.addAll(chat.sent());
        });

    // then
    assertThat(sentDuringTheChange).isEmpty();
    assertThat(chat.sent())
        .singleElement()
        .satisfies(sent -> assertThat(sent.text()).contains("Approved"));
  }

  @Test
  void sendsNothingForAChangeThatRollsBack() {
    // when
    assertThatThrownBy(
            () ->
                database.useTransaction(
                    "a change",
                    handle -> {
                      storeCommunity(handle, 99);
                      notifier.post(GROUP, Reply.text(Locale.ENGLISH, "Approved"), "notice:3");
                      throw new IllegalStateException("a later step of the change failed");
                    }))
        .isInstanceOf(IllegalStateException.class);
    chat.wiring().delivery().deliverDueNow();

    // then
    assertThat(chat.sent()).isEmpty();
    assertThat(chat.wiring().delivery().outbox().find("notice:3")).isEmpty();
    assertThat(communityCount(99)).isZero();
  }

  private static void storeCommunity(org.jdbi.v3.core.Handle handle, long id) {
    handle
        .createUpdate(
            "INSERT INTO communities (id, name, zone, language, default_city, created_ms)"
                + " VALUES (:id, 'Lille', 'Europe/Paris', NULL, NULL, 0)")
        .bind("id", id)
        .execute();
  }

  private int communityCount(long id) {
    return database.withHandle(
        "count communities",
        handle ->
            handle
                .createQuery("SELECT COUNT(*) FROM communities WHERE id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one());
  }
}
