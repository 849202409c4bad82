package org.networkeras.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An event, or a recurring series when {@link #recurrence} is set. User-supplied strings are stored
 * exactly as typed and are never markup.
 *
 * @param id the catalog id, 0 before it is stored
 * @param communityId the community whose catalog holds it
 * @param title 3–100 characters
 * @param family what kind of event it is; {@code null} only while a suggestion waits for it (or was
 *     turned down without one): a listed event always has one
 * @param slot the moment of the week, derived from the start unless set
 * @param city the city, or {@code null}
 * @param venue the venue's name, or {@code null}
 * @param address the street address, or {@code null}
 * @param start when it starts (the first occurrence's start for a series)
 * @param end when it ends, after {@code start}
 * @param description free text, or {@code null}
 * @param link an http(s) address, or {@code null}
 * @param organiser who runs it, or {@code null}
 * @param tags lower-case words
 * @param admission whether entry is free, paid, or not said
 * @param status where it stands
 * @param source where it came from ({@code sample}, {@code suggestion}, {@code import})
 * @param recurrence an RFC 5545 {@code RRULE} value ({@code FREQ=WEEKLY;BYDAY=TH}), or {@code null}
 *     for a single event; occurrences keep the local wall-clock time of {@code start} in the
 *     community's zone
 * @param author the key of the member who suggested it ({@link
 *     org.networkeras.chat.ChatUser#key()}), or {@code null}
 * @param createdAt when it entered the catalog
 * @param updatedAt when it last changed
 */
public record Event(
    long id,
    long communityId,
    String title,
    Family family,
    Slot slot,
    String city,
    String venue,
    String address,
    Instant start,
    Instant end,
    String description,
    String link,
    String organiser,
    List<String> tags,
    Admission admission,
    EventStatus status,
    String source,
    String recurrence,
    String author,
    Instant createdAt,
    Instant updatedAt) {

  public Event {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    if (family == null && status != EventStatus.SUGGESTED && status != EventStatus.REJECTED) {
      throw new IllegalArgumentException("a " + status + " event has a family");
    }
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("an event ends after it starts");
    }
    tags = List.copyOf(tags);
    Objects.requireNonNull(admission, "admission");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public boolean isSeries() {
    return recurrence != null;
  }

  public Event withId(long newId) {
    return new Event(
        newId,
        communityId,
        title,
        family,
        slot,
        city,
        venue,
        address,
        start,
        end,
        description,
        link,
        organiser,
        tags,
        admission,
        status,
        source,
        recurrence,
        author,
        createdAt,
        updatedAt);
  }

  public Event withStatus(EventStatus newStatus, Instant at) {
    return new Event(
        id,
        communityId,
        title,
        family,
        slot,
        city,
        venue,
        address,
        start,
        end,
        description,
        link,
        organiser,
        tags,
        admission,
        newStatus,
        source,
        recurrence,
        author,
        createdAt,
        at);
  }
}
