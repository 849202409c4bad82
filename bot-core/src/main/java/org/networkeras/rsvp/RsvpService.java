package org.networkeras.rsvp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandException;
import org.networkeras.community.Community;
import org.networkeras.delivery.Outbox;
import org.networkeras.delivery.OutgoingMessage;
import org.networkeras.delivery.Premise;
import org.networkeras.delivery.Target;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.store.Database;

/**
 * Records members' answers to event occurrences and keeps each one's seats: a member going to a
 * full event waits, and when a seat frees the first waiting member whose party fits is promoted and
 * told so by direct message (through the outbox). Every change is passed to a {@link Listener} (the
 * reminders) in the transaction that stores it, so that an answer, the reminders it plans and the
 * notice of a promotion commit together or not at all. Answers to one occurrence are serialized
 * within a process; thread-safe.
 */
public final class RsvpService {

  /**
   * Told of every answer within the transaction that stores it (the reminders follow them): what it
   * writes through the same {@link Database} commits or rolls back with the answer, and a failure
   * it throws rolls the answer back.
   */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = (community, occurrence, rsvp) -> {};

    void answered(Community community, Occurrence occurrence, Rsvp rsvp);
  }

  /** An occurrence's answers, as its card shows them. */
  public record Counts(
      int going,
      int guests,
      int interested,
      int waiting,
      Optional<Integer> seats,
      List<String> visibleGoing) {}

  /** How many members are going to and interested in an occurrence. */
  public record Popularity(int going, int interested) {}

  private final Database database;
  private final RsvpRepository repository;
  private final Outbox outbox;
  private final Messages messages;
  private final Clock clock;
  private volatile Listener listener = Listener.NONE;
  private volatile java.util.function.LongConsumer changed = communityId -> {};

  public RsvpService(Database database, Outbox outbox, Messages messages, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.repository = new RsvpRepository(database);
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Sets who is told of every answer; call once while wiring. */
  public void listen(Listener newListener) {
    this.listener = Objects.requireNonNull(newListener, "listener");
  }

  /**
   * Sets who is told, with the community's id, after an answer, a capacity or a member's visibility
   * has been stored (public pages forget what they rendered); call once while wiring.
   */
  public void onChange(java.util.function.LongConsumer newChanged) {
    this.changed = Objects.requireNonNull(newChanged, "changed");
  }

  /**
   * Records {@code member}'s answer to {@code occurrence}. Going to a full event puts the member on
   * the waiting list (keeping their place if they were on it); leaving frees seats for those
   * waiting.
   *
   * @param from where the member answered (a group is remembered for notices)
   * @param guests how many guests they bring (ignored unless going)
   * @return the stored answer (its status says whether the member got a seat)
   * @throws CommandException if the occurrence is cancelled, started, or too many guests are asked
   */
  public synchronized Rsvp answer(
      Community community,
      Occurrence occurrence,
      ChatUser member,
      Conversation from,
      Language language,
      Rsvp.Status status,
      int guests) {
    Event event = occurrence.event();
    if (event.status() != EventStatus.PUBLISHED) {
      throw new CommandException("rsvp.not_open", occurrence.ref());
    }
    if (!occurrence.start().isAfter(clock.instant())) {
      throw new CommandException("rsvp.started", occurrence.ref());
    }
    if (status == Rsvp.Status.WAITING) {
      throw new IllegalArgumentException("members answer going; the service decides who waits");
    }
    Rsvp stored =
        database.inTransaction(
            "answer " + occurrence.ref() + " for " + member.key(),
            handle -> {
              lock(handle, occurrence.ref());
              Capacity capacity = repository.capacity(handle, event.id());
              int party = status == Rsvp.Status.GOING ? guests : 0;
              if (party > capacity.guestLimit()) {
                throw new CommandException("rsvp.too_many_guests", capacity.guestLimit());
              }
              Optional<Rsvp> before = repository.find(handle, occurrence.ref(), member.key());
              List<Rsvp> all = repository.forOccurrence(handle, occurrence.ref());
              int taken =
                  all.stream()
                      .filter(r -> !r.memberKey().equals(member.key()))
                      .mapToInt(Rsvp::seats)
                      .sum();
              Rsvp.Status decided = status;
              long position = before.map(Rsvp::queuePosition).orElse(0L);
              if (status == Rsvp.Status.GOING
                  && capacity.seats().isPresent()
                  && taken + 1 + party > capacity.seats().get()) {
                decided = Rsvp.Status.WAITING;
              }
              boolean wasWaiting = before.map(r -> r.status() == Rsvp.Status.WAITING).orElse(false);
              if (decided == Rsvp.Status.WAITING && !wasWaiting) {
                position = repository.nextQueuePosition(handle, occurrence.ref());
              }
              Optional<Conversation> group = from.isDirect() ? Optional.empty() : Optional.of(from);
              Rsvp answer =
                  new Rsvp(
                      community.id(),
                      event.id(),
                      occurrence.ref(),
                      member,
                      group,
                      language,
                      decided,
                      party,
                      position,
                      before.flatMap(Rsvp::remindOffsets));
              repository.save(handle, answer, clock.millis());
              List<Rsvp> promoted = promote(handle, occurrence, capacity);
              listener.answered(community, occurrence, answer);
              tellPromoted(community, occurrence, promoted);
              return answer;
            });
    changed.accept(community.id());
    return stored;
  }

  /**
   * Sets an event's seats and guest limit, seating whoever now fits from the waiting list of each
   * of its upcoming occurrences the caller names.
   */
  public synchronized void setCapacity(
      Community community, Occurrence occurrence, Capacity capacity) {
    database.useTransaction(
        "set the capacity of event " + occurrence.event().id(),
        handle -> {
          lock(handle, occurrence.ref());
          repository.saveCapacity(handle, occurrence.event().id(), capacity);
          tellPromoted(community, occurrence, promote(handle, occurrence, capacity));
        });
    changed.accept(community.id());
  }

  /** An event's seats and guest limit. */
  public Capacity capacity(long eventId) {
    return database.withHandle(
        "read the capacity of event " + eventId, handle -> repository.capacity(handle, eventId));
  }

  /** The member's answer to an occurrence, if any. */
  public Optional<Rsvp> find(String ref, String memberKey) {
    return database.withHandle(
        "read the RSVP of " + memberKey + " to " + ref,
        handle -> repository.find(handle, ref, memberKey));
  }

  /**
   * Stores the member's own reminder offsets for an answer they gave, in the transaction that moves
   * their reminders.
   */
  public Rsvp setRemindOffsets(
      Community community, Occurrence occurrence, Rsvp rsvp, Optional<String> offsets) {
    Rsvp changed = rsvp.withRemindOffsets(offsets);
    database.useTransaction(
        "set the reminders of " + rsvp.memberKey() + " for " + rsvp.ref(),
        handle -> {
          repository.save(handle, changed, clock.millis());
          listener.answered(community, occurrence, changed);
        });
    return changed;
  }

  /** The answers to one occurrence, in waiting-list order. */
  public List<Rsvp> forOccurrence(String ref) {
    return database.withHandle(
        "read the answers to " + ref, handle -> repository.forOccurrence(handle, ref));
  }

  /**
   * Gives the answers to occurrence {@code fromRef} to {@code toRef} (a series date that moved to
   * another day keeps its answers), in the caller's transaction if one is open.
   */
  public void move(String fromRef, String toRef) {
    if (!fromRef.equals(toRef)) {
      database.useHandle(
          "move the answers to " + fromRef + " to " + toRef,
          handle -> repository.move(handle, fromRef, toRef));
    }
  }

  /** Every answer to an event's occurrences. */
  public List<Rsvp> forEvent(long eventId) {
    return repository.forEvent(eventId);
  }

  /** A member's answers in a community. */
  public List<Rsvp> forMember(Community community, String memberKey) {
    return repository.forMember(community.id(), memberKey);
  }

  /** The member's latest answer given in a group conversation, if any (where to tell them). */
  public Optional<Rsvp> lastAnsweredInAGroup(String memberKey) {
    return repository.inGroups(memberKey).stream().findFirst();
  }

  /**
   * Members going and interested, by occurrence ref, for every occurrence of the community anyone
   * answered (one query).
   */
  public java.util.Map<String, Popularity> popularity(Community community) {
    return repository.popularity(community.id());
  }

  /** The counts a card shows. */
  public Counts counts(Community community, Occurrence occurrence) {
    return database.withHandle(
        "count the answers to " + occurrence.ref(),
        handle -> {
          List<Rsvp> all = repository.forOccurrence(handle, occurrence.ref());
          Set<String> visible = new HashSet<>(repository.visibleAmong(handle, community.id()));
          int going = 0;
          int guests = 0;
          int interested = 0;
          int waiting = 0;
          List<String> names = new ArrayList<>();
          for (Rsvp rsvp : all) {
            switch (rsvp.status()) {
              case GOING -> {
                going++;
                guests += rsvp.guests();
                if (visible.contains(rsvp.memberKey())) {
                  names.add(rsvp.member().displayName());
                }
              }
              case INTERESTED -> interested++;
              case WAITING -> waiting++;
              case NOT_GOING -> {}
            }
          }
          names.sort(String.CASE_INSENSITIVE_ORDER);
          return new Counts(
              going,
              guests,
              interested,
              waiting,
              repository.capacity(handle, occurrence.event().id()).seats(),
              List.copyOf(names));
        });
  }

  /** Whether a member shows in "who is going" (no, until they say so). */
  public boolean visible(Community community, String memberKey) {
    return repository.visible(community.id(), memberKey);
  }

  public void setVisible(Community community, String memberKey, boolean visible) {
    repository.setVisible(community.id(), memberKey, visible);
    changed.accept(community.id());
  }

  /**
   * On PostgreSQL, serializes the seat counting of one occurrence across instances until the
   * transaction ends (within one process, the methods are synchronized; SQLite serves one process).
   */
  private void lock(org.jdbi.v3.core.Handle handle, String ref) {
    if (database.isPostgres()) {
      handle
          .createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) AS locked")
          .bind("key", "rsvp:" + ref)
          .mapTo(Integer.class)
          .one();
    }
  }

  private List<Rsvp> promote(
      org.jdbi.v3.core.Handle handle, Occurrence occurrence, Capacity capacity) {
    List<Rsvp> promoted = new ArrayList<>();
    List<Rsvp> all = repository.forOccurrence(handle, occurrence.ref());
    int taken = all.stream().mapToInt(Rsvp::seats).sum();
    for (Rsvp rsvp : all) {
      if (rsvp.status() != Rsvp.Status.WAITING) {
        continue;
      }
      int party = 1 + rsvp.guests();
      if (capacity.seats().isPresent() && taken + party > capacity.seats().get()) {
        break; // first come, first served: nobody overtakes the first in line
      }
      Rsvp seated = rsvp.with(Rsvp.Status.GOING, rsvp.guests(), rsvp.queuePosition());
      repository.save(handle, seated, clock.millis());
      taken += party;
      promoted.add(seated);
    }
    return promoted;
  }

  /** Follows each promotion with its reminders and a notice, in the caller's transaction. */
  private void tellPromoted(Community community, Occurrence occurrence, List<Rsvp> promoted) {
    for (Rsvp seated : promoted) {
      tellPromoted(community, occurrence, seated);
      listener.answered(community, occurrence, seated);
    }
  }

  private void tellPromoted(Community community, Occurrence occurrence, Rsvp seated) {
    Language language = seated.language();
    Reply reply =
        Reply.builder(language.locale())
            .line(
                Piece.text(
                    messages.get(language, "rsvp.promoted", occurrence.event().title()) + " "),
                Piece.time(occurrence.start(), community.zone(), Piece.TimeStyle.FULL))
            .line(
                Line.of(
                    Piece.text(messages.get(language, "rsvp.ref") + " "),
                    Piece.eventRef(occurrence.ref())))
            .build();
    // One notice per stint on the waiting list: the queue position is new each time.
    outbox.enqueue(
        OutgoingMessage.of(
                "promoted:"
                    + occurrence.ref()
                    + ":"
                    + seated.memberKey()
                    + ":"
                    + seated.queuePosition(),
                Target.member(seated.member()),
                reply,
                clock.instant(),
                occurrence.start())
            .about(Premise.attendance(occurrence.ref(), occurrence.start(), seated.memberKey())));
  }
}
