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

  /** {@code after} is {@code before} with another start or end. */
  default void timesChanged(Community community, Event before, Event after) {}

  /** {@code event} (as it was before) has just been cancelled. */
  default void cancelled(Community community, Event event) {}
}
