package org.networkeras.suggestion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.networkeras.catalog.CatalogWords;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventChanges;
import org.networkeras.catalog.EventStatus;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.community.Community;
import org.networkeras.moderation.ModerationLog.Action;
import org.networkeras.time.TimePhraseResolver;

/**
 * Changes to an event after it was suggested: {@code /edit} of one field and {@code /cancel_event}.
 * Moderators may change any event; an author, their own suggestion while it is pending. A change to
 * a published event's time moves its reminders and a cancellation drops them and tells the people
 * going, in the change's transaction. Thread-safe.
 */
public final class Edits {

  static final int EDIT_HOURLY_LIMIT = 20;

  private final SuggestionStore store;
  private final Notices notices;
  private final TimePhraseResolver resolver;
  private final EventChanges changes;

  /**
   * @param changes told, in the change's transaction, when a published event's time changes or it
   *     is cancelled
   */
  public Edits(
      SuggestionStore store, Notices notices, TimePhraseResolver resolver, EventChanges changes) {
    this.store = Objects.requireNonNull(store, "store");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.changes = Objects.requireNonNull(changes, "changes");
  }

  /** Changes one field of an event: moderators always, the author while it is pending. */
  Event edit(long id, String field, String value, CommandContext context) {
    Event event = store.event(context, id);
    SuggestionStore.requireModeratorOrPendingAuthor(event, context);
    checkEditLimit(context);
    String key = SuggestionRules.lower(field.strip());
    Event stamped =
        copy(changed(event, key, field, value, context)).updatedAt(context.now()).build();
    Community community = context.community();
    store.change(
        "edit event " + id,
        event.communityId(),
        () -> {
          if (!store.suggestions().edit(stamped, event.status())) {
            throw new CommandException("review.already_handled", Long.toString(id));
          }
          store.record(context, Action.EDITED, id, key);
          if (event.status() == EventStatus.PUBLISHED
              && (!event.start().equals(stamped.start()) || !event.end().equals(stamped.end()))) {
            // The reminders move with the event, in the same transaction.
            store.catalog().changed(event.communityId());
            changes.timesChanged(community, event, stamped);
          }
          return stamped;
        });
    notices.deliverNow();
    return stamped;
  }

  /**
   * Checks that a member (not a moderator) has changed suggestions fewer than {@value
   * #EDIT_HOURLY_LIMIT} times in the last hour: each change drops the community's cached listings.
   */
  private void checkEditLimit(CommandContext context) {
    if (context.role().atLeast(Role.MODERATOR)) {
      return;
    }
    Instant now = context.now();
    List<Instant> recent =
        store
            .log()
            .timesSince(
                context.community().id(),
                context.command().user().key(),
                Action.EDITED,
                now.minus(Duration.ofHours(1)));
    if (recent.size() >= EDIT_HOURLY_LIMIT) {
      Instant freed = recent.get(recent.size() - EDIT_HOURLY_LIMIT).plus(Duration.ofHours(1));
      long minutes = Math.max(1, (Duration.between(now, freed).toSeconds() + 59) / 60);
      throw new CommandException("edit.hourly_limit", EDIT_HOURLY_LIMIT, minutes);
    }
  }

  /**
   * Cancels an event: a published one stays listed as cancelled (moderators only); a pending one is
   * withdrawn (its author or a moderator).
   */
  Event cancel(long id, CommandContext context) {
    Event event = store.event(context, id);
    SuggestionStore.requireModeratorOrPendingAuthor(event, context);
    EventStatus to;
    Action action;
    if (event.status() == EventStatus.PUBLISHED) {
      to = EventStatus.CANCELLED;
      action = Action.CANCELLED;
    } else if (event.status() == EventStatus.SUGGESTED) {
      to = EventStatus.REJECTED;
      action = Action.WITHDRAWN;
    } else {
      throw new CommandException("cancel_event.not_active", Long.toString(id));
    }
    store.change(
        "cancel event " + id,
        event.communityId(),
        () -> {
          if (!store.suggestions().transition(id, event.status(), to, context.now())) {
            throw new CommandException("review.already_handled", Long.toString(id));
          }
          store.record(context, action, id, null);
          if (to == EventStatus.CANCELLED) {
            // The reminders are dropped and the people going told, in the same transaction.
            store.catalog().changed(event.communityId());
            changes.cancelled(context.community(), event);
          }
          return null;
        });
    notices.deliverNow();
    return event.withStatus(to, context.now());
  }

  private Event changed(
      Event event, String key, String field, String value, CommandContext context) {
    Community community = context.community();
    return switch (key) {
      case "title", "titre" -> copy(event).title(SuggestionRules.title(value)).build();
      case "when", "quand", "date" -> {
        SuggestionRules.Times times =
            SuggestionRules.times(value, community.zone(), context.now(), resolver);
        yield copy(event)
            .times(times.start(), times.end())
            .slot(SuggestionRules.slot(event.title(), times.start(), times.end(), community.zone()))
            .build();
      }
      case "where", "ou", "où", "lieu" -> {
        SuggestionRules.Place place =
            SuggestionRules.place(
                value,
                Draft.of("", "", value, null, null).withCityConfirmed(),
                community.defaultCity(),
                store.knownCities(community, context.now()));
        yield copy(event).place(place.city(), place.venue()).build();
      }
      case "link", "lien" -> copy(event).link(SuggestionRules.link(value)).build();
      case "description" -> copy(event).description(SuggestionRules.description(value)).build();
      case "family", "famille" ->
          copy(event)
              .family(
                  CatalogWords.family(value.strip())
                      .orElseThrow(
                          () -> new CommandException("events.unknown_family", value.strip())))
              .build();
      default -> throw new CommandException("edit.unknown_field", field.strip());
    };
  }

  private static EventCopy copy(Event event) {
    return new EventCopy(event);
  }
}
