package org.networkeras.suggestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.community.Community;
import org.networkeras.moderation.ModerationLog.Action;

/**
 * The review of pending suggestions: the queue, approvals, rejections, and the family a moderator
 * or the author picks for a suggestion filed without one. Each decision is one transaction with the
 * messages it causes. Of several concurrent decisions on one suggestion, exactly one succeeds; the
 * others are told it was already handled. Thread-safe.
 */
public final class Moderation {

  private final SuggestionStore store;
  private final Notices notices;
  private final PublicationListener publications;

  /**
   * @param publications told of every event published here, after it is stored and announced
   */
  public Moderation(SuggestionStore store, Notices notices, PublicationListener publications) {
    this.store = Objects.requireNonNull(store, "store");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.publications = Objects.requireNonNull(publications, "publications");
  }

  /** The oldest pending suggestions of a community. */
  List<Event> queue(Community community, int limit) {
    List<Event> queue = new ArrayList<>();
    for (long id : store.suggestions().pending(community.id(), limit)) {
      store.events().find(id).ifPresent(queue::add);
    }
    return queue;
  }

  long queueSize(Community community) {
    return store.suggestions().pendingCount(community.id());
  }

  /** An event of the context's community, in any status. */
  Event event(CommandContext context, long id) {
    return store.event(context, id);
  }

  /** Publishes a pending suggestion that has a family. */
  Event approve(long id, CommandContext context) {
    SuggestionStore.requireModerator(context);
    Event event = store.event(context, id);
    if (event.status() == EventStatus.SUGGESTED && event.family() == null) {
      throw new CommandException("review.family_needed", Long.toString(id));
    }
    Event published = event.withStatus(EventStatus.PUBLISHED, context.now());
    store.change(
        "approve suggestion " + id,
        event.communityId(),
        () -> {
          if (!store.suggestions().publish(id, context.now())) {
            throw new CommandException("review.already_handled", Long.toString(id));
          }
          store.record(context, Action.APPROVED, id, null);
          notices.tellAuthor(context.community(), published, "review.told_approved", null);
          notices.announce(context.community(), published);
          return published;
        });
    published(context.community(), published);
    return published;
  }

  /** Rejects a pending suggestion with a reason the author is told. */
  Event reject(long id, String reason, CommandContext context) {
    SuggestionStore.requireModerator(context);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new CommandException("review.reason_missing");
    }
    if (why.length() > 500) {
      throw new CommandException("review.reason_too_long", 500);
    }
    Event event = store.event(context, id);
    Event rejected = event.withStatus(EventStatus.REJECTED, context.now());
    store.change(
        "reject suggestion " + id,
        event.communityId(),
        () -> {
          if (!store
              .suggestions()
              .transition(id, EventStatus.SUGGESTED, EventStatus.REJECTED, context.now())) {
            throw new CommandException("review.already_handled", Long.toString(id));
          }
          store.record(context, Action.REJECTED, id, why);
          notices.tellAuthor(context.community(), rejected, "review.told_rejected", why);
          return rejected;
        });
    notices.deliverNow();
    return rejected;
  }

  /** A moderator picks the family of a pending suggestion on its review card. */
  Event pickFamily(long id, Family family, CommandContext context) {
    SuggestionStore.requireModerator(context);
    Event event = store.event(context, id);
    return store.change(
        "set the family of suggestion " + id,
        event.communityId(),
        () -> setFamily(event, family, context));
  }

  /**
   * The author's answer to "what kind of event is it?" about their stored suggestion, however late:
   * sets the family and, when the author may publish, lists it.
   */
  Event answerFamily(long id, Family family, CommandContext context) {
    Event event = store.event(context, id);
    boolean moderator = context.role().atLeast(Role.MODERATOR);
    if (!moderator && !context.command().user().key().equals(event.author())) {
      throw new CommandException("edit.not_allowed", Long.toString(id));
    }
    boolean publish = moderator || notices.isOpen(context.community());
    Event answered =
        store.change(
            "set the family of suggestion " + id,
            event.communityId(),
            () -> {
              Event chosen = setFamily(event, family, context);
              if (!publish) {
                return chosen;
              }
              if (!store.suggestions().publish(id, context.now())) {
                throw new CommandException("review.already_handled", Long.toString(id));
              }
              Event listed = chosen.withStatus(EventStatus.PUBLISHED, context.now());
              store.record(context, Action.PUBLISHED, id, null);
              notices.announce(context.community(), listed);
              return listed;
            });
    if (publish) {
      published(context.community(), answered);
    }
    return answered;
  }

  /** After a publication committed: sends its messages and tells the listener. */
  private void published(Community community, Event event) {
    notices.deliverNow();
    publications.published(community, event);
  }

  private Event setFamily(Event event, Family family, CommandContext context) {
    if (event.status() != EventStatus.SUGGESTED) {
      throw new CommandException("review.already_handled", Long.toString(event.id()));
    }
    Event chosen = new EventCopy(event).family(family).updatedAt(context.now()).build();
    if (!store.suggestions().edit(chosen, EventStatus.SUGGESTED)) {
      throw new CommandException("review.already_handled", Long.toString(event.id()));
    }
    store.record(context, Action.EDITED, event.id(), "family");
    return chosen;
  }
}
