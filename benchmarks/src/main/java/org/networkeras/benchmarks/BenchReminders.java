package org.networkeras.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.delivery.Outbox;
import org.networkeras.delivery.OutgoingMessage;
import org.networkeras.delivery.Target;

/**
 * Generated reminders, written to the outbox exactly as a feature would write them: {@link
 * Outbox#enqueueAll} in batches (one transaction each), keys {@code
 * reminder:<occurrence>:<member>:<offset>}, a two-line French reply to the member's direct chat,
 * expiring when the event starts.
 */
final class BenchReminders {

  /** Reminders written per {@link Outbox#enqueueAll} call (one transaction). */
  static final int BATCH = 10_000;

  /** Members reminders go to: enough distinct direct chats that no per-chat limit binds. */
  static final int MEMBERS = 50_000;

  private BenchReminders() {}

  /**
   * The {@code i}-th reminder, due at {@code due}, for an event starting an hour later, to a member
   * on {@code platform}.
   */
  static OutgoingMessage reminder(int i, Platform platform, Instant due) {
    int member = i % MEMBERS;
    int occurrence = i / MEMBERS;
    ChatUser to = ChatUser.member(platform, String.valueOf(100_000 + member), "Membre " + member);
    Reply reply =
        Reply.text(
            Locale.FRENCH,
            "Rappel : Apéro networking des indépendants n°" + occurrence + ", dans une heure",
            "Le Comptoir, 12 rue de la Roquette, Paris 11e · /event " + occurrence);
    return OutgoingMessage.of(
        "reminder:" + occurrence + ":" + platform + ":" + to.id() + ":PT1H",
        Target.member(to),
        reply,
        due,
        due.plus(Duration.ofHours(1)));
  }

  /**
   * Enqueues {@code total} reminders on {@code platform}: the first {@code dueAtOnce} due at {@code
   * due}, the others spread from an hour to sixty days after it.
   *
   * @return how many the outbox accepted (all of them, unless keys repeat)
   */
  static long schedule(Outbox outbox, Platform platform, int total, int dueAtOnce, Instant due) {
    long accepted = 0;
    long spreadMs = Duration.ofDays(60).toMillis() - Duration.ofHours(1).toMillis();
    List<OutgoingMessage> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < total; i++) {
      Instant at =
          i < dueAtOnce
              ? due
              : due.plus(Duration.ofHours(1))
                  .plusMillis((long) (i - dueAtOnce) * spreadMs / Math.max(1, total - dueAtOnce));
      batch.add(reminder(i, platform, at));
      if (batch.size() == BATCH || i == total - 1) {
        accepted += outbox.enqueueAll(batch);
        batch.clear();
      }
    }
    return accepted;
  }
}
