package org.networkeras.catalog;

import org.networkeras.community.Community;

/**
 * Told when a published event changes in a way others depend on: the reminders move when its time
 * changes and are cancelled with it. Called after the change is stored, on the thread that made it;
 * implementations must be thread-safe.
 */
public interface EventChanges {

  /** Ignores every change. */
  EventChanges NONE = new EventChanges() {};

  /**
   * {@code after} is {@code before} with another start or end: the reminders of every date move.
   * Edits of one event or one date use {@link #occurrenceChanged}, which also tells those going.
   */
  default void timesChanged(Community community, Event before, Event after) {}

  /** {@code event} (as it was before) has just been cancelled. */
  default void cancelled(Community community, Event event) {}

  /**
   * One occurrence changed its time, place or title: a single event, or a date of a series (its
   * reference may change too, when the whole series moved to another weekday). The answers to
   * {@code before} now belong to {@code after}; those going are told what changed.
   */
  default void occurrenceChanged(Community community, Occurrence before, Occurrence after) {}

  /** One date of a series (as it was before) has just been cancelled, the other dates not. */
  default void dateCancelled(Community community, Occurrence date) {}

  /**
   * {@code after} is {@code before} with another title, description or link, for every date it has:
   * nobody is told, but copies of the event kept elsewhere (Discord's scheduled events) follow.
   */
  default void detailsChanged(Community community, Event before, Event after) {}

  /** This listener, then {@code next}, for every change. */
  default EventChanges andThen(EventChanges next) {
    EventChanges first = this;
    return new EventChanges() {
      @Override
      public void timesChanged(Community community, Event before, Event after) {
        first.timesChanged(community, before, after);
        next.timesChanged(community, before, after);
      }

      @Override
      public void cancelled(Community community, Event event) {
        first.cancelled(community, event);
        next.cancelled(community, event);
      }

      @Override
      public void occurrenceChanged(Community community, Occurrence before, Occurrence after) {
        first.occurrenceChanged(community, before, after);
        next.occurrenceChanged(community, before, after);
      }

      @Override
      public void dateCancelled(Community community, Occurrence date) {
        first.dateCancelled(community, date);
        next.dateCancelled(community, date);
      }

      @Override
      public void detailsChanged(Community community, Event before, Event after) {
        first.detailsChanged(community, before, after);
        next.detailsChanged(community, before, after);
      }
    };
  }
}
