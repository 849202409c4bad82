package org.networkeras.suggestion;

import java.time.Instant;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Slot;

/** A copy of an event with some fields changed, for edits. Not thread-safe. */
final class EventCopy {

  private final Event e;
  private String title;
  private Family family;
  private Slot slot;
  private String city;
  private String venue;
  private Instant start;
  private Instant end;
  private String description;
  private String link;
  private String recurrence;
  private Instant updatedAt;

  EventCopy(Event event) {
    this.e = event;
    this.title = event.title();
    this.family = event.family();
    this.slot = event.slot();
    this.city = event.city();
    this.venue = event.venue();
    this.start = event.start();
    this.end = event.end();
    this.description = event.description();
    this.link = event.link();
    this.recurrence = event.recurrence();
    this.updatedAt = event.updatedAt();
  }

  EventCopy title(String value) {
    title = value;
    return this;
  }

  EventCopy family(Family value) {
    family = value;
    return this;
  }

  EventCopy slot(Slot value) {
    slot = value;
    return this;
  }

  EventCopy place(String newCity, String newVenue) {
    city = newCity;
    venue = newVenue;
    return this;
  }

  EventCopy times(Instant newStart, Instant newEnd) {
    start = newStart;
    end = newEnd;
    return this;
  }

  EventCopy description(String value) {
    description = value;
    return this;
  }

  EventCopy link(String value) {
    link = value;
    return this;
  }

  EventCopy recurrence(String value) {
    recurrence = value;
    return this;
  }

  EventCopy updatedAt(Instant value) {
    updatedAt = value;
    return this;
  }

  Event build() {
    return new Event(
        e.id(),
        e.communityId(),
        title,
        family,
        slot,
        city,
        venue,
        e.address(),
        start,
        end,
        description,
        link,
        e.organiser(),
        e.tags(),
        e.admission(),
        e.status(),
        e.source(),
        recurrence,
        e.author(),
        e.createdAt(),
        updatedAt);
  }
}
