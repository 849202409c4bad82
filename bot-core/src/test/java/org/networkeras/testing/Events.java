package org.networkeras.testing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.networkeras.catalog.Admission;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Slot;
import org.networkeras.community.Community;

/**
 * Published events added straight to a chat's catalog, for tests about what happens around them.
 */
public final class Events {

  private Events() {}

  /**
   * A published series of one-hour dates, not stored: its first date starts at {@code first} and
   * repeats under {@code rule}, for tests of how the catalog expands rules.
   */
  public static Event series(String title, Instant first, String rule) {
    return new Event(
        1,
        1,
        title,
        Family.NETWORKING,
        Slot.EVENING,
        null,
        null,
        null,
        first,
        first.plusSeconds(3_600),
        null,
        null,
        null,
        List.of(),
        Admission.UNKNOWN,
        EventStatus.PUBLISHED,
        "suggestion",
        rule,
        null,
        first,
        first);
  }

  /**
   * Publishes a two-hour event starting at a Paris local time in the community of {@code chatName}.
   *
   * @return the stored event (its id is its ref)
   */
  public static Event publish(Chat chat, String chatName, String title, String localStart) {
    return publish(chat, chatName, title, localStart, null);
  }

  /** As {@link #publish(Chat, String, String, String)}, repeating by an RRULE. */
  public static Event publish(
      Chat chat, String chatName, String title, String localStart, String recurrence) {
    Community community = chat.community(chatName);
    Instant start = LocalDateTime.parse(localStart).atZone(Chat.PARIS).toInstant();
    Instant end = start.plusSeconds(2 * 3600);
    Instant now = chat.clock().instant();
    return chat.wiring()
        .catalog()
        .add(
            new Event(
                0,
                community.id(),
                title,
                Family.BLOGGERS,
                Slot.derive(start, end, Chat.PARIS),
                "Paris",
                "La Cantine",
                null,
                start,
                end,
                null,
                null,
                null,
                List.of(),
                Admission.FREE,
                EventStatus.PUBLISHED,
                "suggestion",
                recurrence,
                null,
                now,
                now));
  }
}
