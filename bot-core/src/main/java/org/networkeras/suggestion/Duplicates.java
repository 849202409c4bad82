package org.networkeras.suggestion;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.community.Community;

/**
 * Finds the event a new suggestion most likely repeats: one with the same link, or a similar title
 * within {@link #TWIN_WINDOW} of its start, listed or pending. Thread-safe.
 */
final class Duplicates {

  static final Duration TWIN_WINDOW = Duration.ofHours(2);

  private final SuggestionStore store;

  Duplicates(SuggestionStore store) {
    this.store = store;
  }

  Optional<Event> twin(Community community, String title, Instant start, String link) {
    if (link != null) {
      for (long id : store.suggestions().withLink(community.id(), link)) {
        Optional<Event> same = store.events().find(id);
        if (same.isPresent()) {
          return same;
        }
      }
    }
    return store
        .events()
        .findSingles(
            community.id(),
            start.minus(TWIN_WINDOW),
            start.plus(TWIN_WINDOW).plusMillis(1),
            EnumSet.of(EventStatus.SUGGESTED, EventStatus.PUBLISHED))
        .stream()
        .filter(e -> SuggestionRules.similarTitles(e.title(), title))
        .findFirst();
  }
}
