package org.networkeras.suggestion;

import org.networkeras.catalog.Event;
import org.networkeras.community.Community;

/**
 * Told each time an event becomes published: a moderator's own suggestion, a member's in an open
 * community, an approved one. Called on the publishing thread after the event is stored and
 * announced; implementations return quickly and never throw.
 */
@FunctionalInterface
public interface PublicationListener {

  /** A listener that does nothing. */
  PublicationListener NONE = (community, event) -> {};

  /**
   * @param community the community whose catalog now lists the event
   * @param event the event as published
   */
  void published(Community community, Event event);
}
