package org.networkeras.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.chat.Role;
import org.networkeras.community.Community;
import org.networkeras.core.CoreWiring;
import org.networkeras.store.Database;
import org.networkeras.store.Faults;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;

/**
 * A change and the messages it causes commit together, or not at all: each change below is run once
 * to count its SQL statements, then once per statement with a fault injected at that statement (as
 * if the database or the process failed right there), each time on a database set up the same way.
 * After each fault the database must hold the whole change with its messages, or none of it: never
 * an answer without its reminders, a promotion without its notice, a cancelled event with reminders
 * still pending.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class OneTransactionPerChangeTest {

  /** The tables a change and its messages write to. */
  private static final List<String> TABLES =
      List.of("events", "rsvps", "event_capacity", "member_preferences", "outbox");

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private final List<Database> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(Database::close);
  }

  @Test
  void anAnswerAndItsRemindersCommitTogether() {
    Outcome outcome =
        tryEveryFault("going", world -> {}, world -> world.alice.send("/going " + world.ref));

    assertThat(outcome.after.get("outbox")).hasSize(2);
    outcome.assertAtomic();
  }

  @Test
  void leavingAFullEventSeatsTheNextWithTheirNoticeAndRemindersTogether() {
    Outcome outcome =
        tryEveryFault(
            "leaving a full event",
            world -> {
              world.mona.send("/capacity " + world.ref + " 1");
              world.alice.send("/going " + world.ref);
              world.bob.send("/going " + world.ref);
            },
            world -> world.alice.send("/notgoing " + world.ref));

    assertThat(outcome.after.get("outbox"))
        .anySatisfy(row -> assertThat(row).contains("delivery_key=promoted:"))
        .noneSatisfy(row -> assertThat(row).contains("console:alice:1d"));
    outcome.assertAtomic();
  }

  @Test
  void raisingTheSeatsSeatsTheWaitingWithTheirNoticeTogether() {
    Outcome outcome =
        tryEveryFault(
            "raising the seats",
            world -> {
              world.mona.send("/capacity " + world.ref + " 1");
              world.alice.send("/going " + world.ref);
              world.bob.send("/going " + world.ref);
            },
            world -> world.mona.send("/capacity " + world.ref + " 2"));

    assertThat(outcome.after.get("outbox"))
        .anySatisfy(row -> assertThat(row).contains("delivery_key=promoted:"));
    outcome.assertAtomic();
  }

  @Test
  void choosingOnesOwnRemindersMovesThemTogether() {
    Outcome outcome =
        tryEveryFault(
            "/remind",
            world -> world.alice.send("/going " + world.ref),
            world -> world.alice.send("/remind " + world.ref + " 30m"));

    assertThat(outcome.after.get("outbox")).singleElement().asString().contains(":30m@");
    outcome.assertAtomic();
  }

  @Test
  void changingOnesDefaultRemindersMovesEveryAnswersRemindersTogether() {
    Outcome outcome =
        tryEveryFault(
            "/reminders",
            world -> {
              world.alice.send("/going " + world.ref);
              world.alice.send("/interested " + world.otherRef);
            },
            world -> world.alice.send("/reminders 3h"));

    assertThat(outcome.after.get("outbox")).hasSize(2).allMatch(row -> row.contains(":3h@"));
    outcome.assertAtomic();
  }

  @Test
  void quietHoursMoveTheRemindersTogether() {
    Outcome outcome =
        tryEveryFault(
            "quiet hours",
            world -> world.alice.send("/going " + world.ref),
            world -> world.alice.send("/reminders quiet 18:00-20:00"));

    outcome.assertAtomic();
  }

  @Test
  void cancellingAnEventDropsItsRemindersAndTellsThoseGoingInTheSameTransaction() {
    Outcome outcome =
        tryEveryFault(
            "cancelling an event",
            world -> {
              world.alice.send("/going " + world.ref);
              world.bob.send("/interested " + world.ref);
            },
            world -> {
              // What cancelling an event does: the new status and what follows, in one transaction.
              Event event = world.event();
              world.database.useTransaction(
                  "cancel event " + event.id(),
                  handle -> {
                    world
                        .wiring()
                        .catalog()
                        .update(
                            event.withStatus(EventStatus.CANCELLED, world.chat.clock().instant()));
                    world.reminders().cancelled(world.community(), event);
                  });
            });

    assertThat(outcome.after.get("outbox"))
        .singleElement()
        .asString()
        .contains("delivery_key=cancelled:");
    outcome.assertAtomic();
  }

  @Test
  void movingAnEventMovesItsRemindersInTheSameTransaction() {
    Outcome outcome =
        tryEveryFault(
            "moving an event",
            world -> {
              world.alice.send("/going " + world.ref);
              world.bob.send("/interested " + world.ref);
            },
            world -> {
              Event before = world.event();
              Event after = moved(before, Duration.ofDays(1));
              world.database.useTransaction(
                  "move event " + before.id(),
                  handle -> {
                    world.wiring().catalog().update(after);
                    world.reminders().timesChanged(world.community(), before, after);
                  });
            });

    assertThat(outcome.after.get("outbox")).hasSize(4);
    outcome.assertAtomic();
  }

  @Test
  void cancelEventThroughTheChatStoresTheCancellationItsDroppedRemindersAndNoticesTogether() {
    Outcome outcome =
        tryEveryFault(
            "/cancel_event",
            world -> {
              world.alice.send("/going " + world.ref);
              world.bob.send("/interested " + world.ref);
            },
            world -> world.mona.send("/cancel_event " + world.ref));

    assertThat(outcome.after.get("outbox").toString()).contains("delivery_key=cancelled:");
    outcome.assertAtomic();
  }

  @Test
  void editingTheTimeThroughTheChatMovesTheRemindersInTheSameTransaction() {
    Outcome outcome =
        tryEveryFault(
            "/edit when",
            world -> {
              world.alice.send("/going " + world.ref);
              world.bob.send("/interested " + world.ref);
            },
            world -> world.mona.send("/edit " + world.ref + " when 10/12/2026 19h"));

    outcome.assertAtomic();
  }

  /** A database with a chat on it: members, a moderator and two events a week ahead. */
  final class World {
    final Database database;
    final Faults faults;
    final Chat chat;
    final Chat.Member alice;
    final Chat.Member bob;
    final Chat.Member mona;
    final String ref;
    final String otherRef;

    World(Database database) {
      this.database = database;
      this.faults = Faults.install(database);
      this.chat = Chat.on(database).at("2026-11-26T10:00");
      this.alice = chat.as("alice").in("paris-tech");
      this.bob = chat.as("bob").in("paris-tech");
      this.mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
      this.ref =
          Long.toString(Events.publish(chat, "paris-tech", "Apéro web", "2026-12-03T19:00").id());
      this.otherRef =
          Long.toString(Events.publish(chat, "paris-tech", "Data brunch", "2026-12-05T11:00").id());
    }

    CoreWiring wiring() {
      return chat.wiring();
    }

    Community community() {
      return chat.community("paris-tech");
    }

    Event event() {
      return wiring().catalog().event(community(), Long.parseLong(ref)).orElseThrow();
    }

    ReminderService reminders() {
      CoreWiring wiring = wiring();
      return new ReminderService(
          database,
          wiring.rsvps(),
          wiring.catalog(),
          wiring.settings(),
          wiring.delivery().outbox(),
          wiring.messages(),
          chat.clock());
    }

    /** Starts afresh, as a restart would: no cache remembers a change that rolled back. */
    void restart() {
      chat.at("2026-11-26T10:00");
    }

    Map<String, List<String>> snapshot() {
      Map<String, List<String>> tables = new LinkedHashMap<>();
      for (String table : TABLES) {
        tables.put(
            table,
            database.withHandle(
                "read " + table,
                handle ->
                    handle
                        .createQuery("SELECT * FROM " + table)
                        .map(
                            (rs, ctx) -> {
                              StringBuilder row = new StringBuilder();
                              for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                String column =
                                    rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT);
                                // Identity values are not rolled back on PostgreSQL.
                                if (column.equals("id")
                                    || table.equals("outbox") && DELIVERY.contains(column)) {
                                  continue;
                                }
                                String value = rs.getString(i);
                                if (table.equals("outbox")
                                    && column.equals("status")
                                    && "DELIVERED".equals(value)) {
                                  // Sent after the commit or not yet: the change is the same.
                                  value = "PENDING";
                                }
                                row.append(column).append('=').append(value).append(' ');
                              }
                              return row.toString();
                            })
                        .list()
                        .stream()
                        .sorted()
                        .toList()));
      }
      return tables;
    }
  }

  /**
   * The outbox columns that record a message's delivery, which happens after the change committed
   * (a message the change wrote and the bot then sent is the same change as one not sent yet).
   */
  private static final Set<String> DELIVERY =
      Set.of(
          "attempts", "claimed_by", "claimed_until_ms", "last_error", "message_id", "updated_ms");

  /** What the faults did to one change. */
  private record Outcome(
      String change,
      Map<String, List<String>> before,
      Map<String, List<String>> after,
      int statements,
      int writes,
      int rolledBack,
      int committed,
      List<String> partial) {

    void assertAtomic() {
      System.out.printf(
          "fault injection, %s: %d statements (%d writes), a fault at each: %d rolled back"
              + " whole, %d failed after the commit, %d left part of the change%n",
          change, statements, writes, rolledBack, committed, partial.size());
      assertThat(after).as("the change changes something").isNotEqualTo(before);
      assertThat(partial).as("faults that left part of the change").isEmpty();
      assertThat(rolledBack + committed).isEqualTo(statements);
      assertThat(rolledBack).as("faults before the commit").isGreaterThanOrEqualTo(writes);
    }
  }

  private World open() {
    Database database = backend.open(tempDir.resolve("db" + opened.size()));
    opened.add(database);
    return new World(database);
  }

  /**
   * Runs {@code change} once without a fault, then once with a fault at each of its statements on a
   * world set up by {@code setUp}.
   */
  private Outcome tryEveryFault(String name, Consumer<World> setUp, Consumer<World> change) {
    World reference = open();
    setUp.accept(reference);
    reference.restart();
    Map<String, List<String>> before = reference.snapshot();
    reference.faults.count();
    change.accept(reference);
    reference.faults.disarm();
    int statements = reference.faults.statements();
    int writes = reference.faults.writes();
    Map<String, List<String>> after = reference.snapshot();

    int rolledBack = 0;
    int committed = 0;
    List<String> partial = new ArrayList<>();
    World world = null;
    for (int n = 1; n <= statements; n++) {
      if (world == null) {
        world = open();
        setUp.accept(world);
        assertThat(world.snapshot()).as("a world set up again").isEqualTo(before);
      }
      world.restart();
      world.faults.failAt(n);
      try {
        change.accept(world);
      } catch (RuntimeException expected) {
        // a service called directly fails with the fault; commands answer with an apology
      }
      boolean fired = world.faults.fired();
      world.faults.disarm();
      Map<String, List<String>> state = world.snapshot();
      assertThat(fired).as("the fault at statement %d fired", n).isTrue();
      if (state.equals(before)) {
        rolledBack++;
      } else if (state.equals(after)) {
        committed++;
        world = null; // the change is stored: the next fault needs a world without it
      } else {
        partial.add("statement " + n + ": " + state);
        world = null;
      }
    }
    return new Outcome(
        name + " (" + backend + ")",
        before,
        after,
        statements,
        writes,
        rolledBack,
        committed,
        partial);
  }

  private static Event moved(Event event, Duration by) {
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
