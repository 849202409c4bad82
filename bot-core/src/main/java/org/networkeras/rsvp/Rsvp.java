package org.networkeras.rsvp;

import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.i18n.Language;

/**
 * A member's answer to one event occurrence.
 *
 * @param communityId the community whose catalog holds the event
 * @param eventId the event or series
 * @param ref the occurrence's reference ({@code 42}, or {@code 42-1127} for a series date)
 * @param member who answered
 * @param group the group conversation they last answered from, if any (where the bot tells them
 *     something when their direct messages are closed)
 * @param language the language they were answered in, for the messages sent to them later
 * @param status their answer
 * @param guests how many guests they bring (0 unless going or waiting)
 * @param queuePosition orders the waiting list: smaller waited longer
 * @param remindOffsets their reminder offsets for this occurrence ({@code 1d,2h} or {@code off}),
 *     or empty to follow their defaults
 */
public record Rsvp(
    long communityId,
    long eventId,
    String ref,
    ChatUser member,
    Optional<Conversation> group,
    Language language,
    Status status,
    int guests,
    long queuePosition,
    Optional<String> remindOffsets) {

  /** A member's answer. */
  public enum Status {
    GOING,
    INTERESTED,
    /** Going, but the event is full: waiting for a seat. */
    WAITING,
    NOT_GOING;

    /** Whether the member is reminded of the event. */
    public boolean reminded() {
      return this == GOING || this == INTERESTED;
    }
  }

  public Rsvp {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(remindOffsets, "remindOffsets");
    if (guests < 0) {
      throw new IllegalArgumentException("guests must not be negative");
    }
  }

  /** The member's key ({@link ChatUser#key()}). */
  public String memberKey() {
    return member.key();
  }

  /** How many seats the answer takes: the member and their guests when going, else none. */
  public int seats() {
    return status == Status.GOING ? 1 + guests : 0;
  }

  Rsvp with(Status newStatus, int newGuests, long newQueuePosition) {
    return new Rsvp(
        communityId,
        eventId,
        ref,
        member,
        group,
        language,
        newStatus,
        newGuests,
        newQueuePosition,
        remindOffsets);
  }

  /** The same answer with the member's own reminder offsets for it (empty to follow defaults). */
  public Rsvp withRemindOffsets(Optional<String> offsets) {
    return new Rsvp(
        communityId, eventId, ref, member, group, language, status, guests, queuePosition, offsets);
  }
}
