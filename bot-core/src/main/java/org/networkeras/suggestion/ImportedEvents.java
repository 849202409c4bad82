package org.networkeras.suggestion;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.catalog.Admission;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventChanges;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Occurrence;
import org.networkeras.catalog.SeriesDate;
import org.networkeras.catalog.Slot;
import org.networkeras.chat.ChatUser;
import org.networkeras.command.CommandException;
import org.networkeras.command.Words;
import org.networkeras.community.Community;
import org.networkeras.moderation.ModerationLog.Action;

/**
 * What a followed calendar feed does to the catalog, with the same rules and notices as members'
 * suggestions and moderators' edits: an entry is read like a suggestion (its family from its words,
 * its city from its place), arrives for review in a moderated community and is published in an open
 * one; a change of time or place tells those going, as {@code /edit} does, and a cancellation tells
 * them as {@code /cancel_event} does. Thread-safe.
 */
public final class ImportedEvents {

  /** The source of an imported event. */
  public static final String SOURCE = "import";

  /** How far apart two starts may be for two entries of the same title to be the same event. */
  static final Duration SAME_START = Duration.ofHours(1);

  private final SuggestionStore store;
  private final Notices notices;
  private final EventChanges changes;
  private final PublicationListener publications;

  public ImportedEvents(
      SuggestionStore store,
      Notices notices,
      EventChanges changes,
      PublicationListener publications) {
    this.store = Objects.requireNonNull(store, "store");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.changes = Objects.requireNonNull(changes, "changes");
    this.publications = Objects.requireNonNull(publications, "publications");
  }

  /** Where an entry takes place: its city (if one is known) and its venue. */
  public record Place(String city, String venue) {}

  /**
   * Reads a {@code LOCATION} as a suggestion's place is read: the part that names a known city (a
   * postal code beside it ignored) is the city, the first part the venue; without a known city, the
   * community's city.
   */
  public Place place(Community community, String location, Instant now) {
    if (location == null
        || location.isBlank()
        || location.strip().toLowerCase(java.util.Locale.ROOT).matches("https?://\\S*")) {
      return new Place(community.defaultCity(), null); // online, or not said
    }
    Collection<String> cities = store.knownCities(community, now);
    // "Venue (12 rue X, 75002 Paris, France)": the parentheses hold the address.
    String[] parts = location.strip().replace('(', ',').replace(")", "").split("\\s*,\\s*");
    for (int i = parts.length - 1; i >= 0; i--) {
      String words = parts[i].replaceAll("\\d{4,5}", "").strip();
      if (words.isEmpty()) {
        continue;
      }
      Optional<String> city = SuggestionRules.knownCity(words, cities);
      if (city.isPresent()) {
        String venue = i == 0 ? null : parts[0];
        return new Place(city.get(), clip(venue, 100));
      }
    }
    return new Place(community.defaultCity(), clip(parts[0], 100));
  }

  /**
   * An entry as an event of {@code community}, not stored yet; empty when its title cannot be one.
   *
   * @param status {@link EventStatus#PUBLISHED} or {@link EventStatus#SUGGESTED} as the community
   *     takes it (see {@link #statusFor}); a published entry without a family waits for one
   */
  public Optional<Event> candidate(
      Community community,
      String rawTitle,
      Instant start,
      Instant end,
      Place place,
      String rawDescription,
      String rawLink,
      String recurrence,
      String author,
      Instant now) {
    String title;
    try {
      title = SuggestionRules.title(clip(rawTitle, 100));
    } catch (CommandException tooShort) {
      return Optional.empty();
    }
    String description = clip(rawDescription, 1000);
    String link;
    try {
      link = rawLink == null ? null : SuggestionRules.link(rawLink);
    } catch (CommandException bad) {
      link = null;
    }
    Optional<Family> family = SuggestionRules.family(title, description);
    Slot slot = SuggestionRules.slot(title, start, end, community.zone());
    EventStatus status =
        notices.isOpen(community) && family.isPresent()
            ? EventStatus.PUBLISHED
            : EventStatus.SUGGESTED;
    return Optional.of(
        new Event(
            0,
            community.id(),
            title,
            family.orElse(null),
            slot,
            place.city(),
            place.venue(),
            null,
            start,
            end,
            description,
            link,
            null,
            List.of(),
            Admission.UNKNOWN,
            status,
            SOURCE,
            recurrence,
            author,
            now,
            now));
  }

  /**
   * The event of the catalog that is already this one: the same title once case, accents and
   * punctuation are left out, starting within an hour of it, in the same city.
   */
  public Optional<Event> same(Community community, Event candidate) {
    String title = SuggestionRules.squeezed(candidate.title());
    return store
        .events()
        .findSingles(
            community.id(),
            candidate.start().minus(SAME_START),
            candidate.start().plus(SAME_START).plusMillis(1),
            EnumSet.of(EventStatus.SUGGESTED, EventStatus.PUBLISHED))
        .stream()
        .filter(e -> SuggestionRules.squeezed(e.title()).equals(title))
        .filter(e -> sameCity(e.city(), candidate.city()))
        .findFirst();
  }

  private static boolean sameCity(String a, String b) {
    return a == null || b == null ? Objects.equals(a, b) : Words.fold(a).equals(Words.fold(b));
  }

  /**
   * Stores a new entry: published (and announced) or for review (moderators told, as for a member's
   * suggestion), as its status says.
   *
   * @param feed who the entry comes from, as moderators see it
   * @param announce whether a published event is announced in the community's announcement chats (a
   *     whole agenda arriving at once is published quietly rather than posted event by event)
   */
  public Event add(Community community, Event candidate, ChatUser feed, boolean announce) {
    boolean publish = candidate.status() == EventStatus.PUBLISHED;
    Event stored =
        store.change(
            "import an event",
            community.id(),
            () -> {
              Event added = store.catalog().add(candidate);
              store
                  .log()
                  .record(
                      community.id(),
                      feed,
                      publish ? Action.PUBLISHED : Action.SUGGESTED,
                      added.id(),
                      "import",
                      candidate.updatedAt());
              if (publish && announce) {
                notices.announce(community, added);
              } else if (!publish) {
                notices.notifyModerators(community, added, feed);
              }
              return added;
            });
    notices.deliverNow();
    if (publish) {
      publications.published(community, stored);
    }
    return stored;
  }

  /**
   * Changes an event as its feed now says (title, times, place, description, link, rule); those
   * going to a published single event that moved are told, as after an {@code /edit}.
   *
   * @return whether anything changed
   */
  public boolean update(Community community, Event before, Event feedSays, ChatUser feed) {
    Event after =
        new EventCopy(before)
            .title(feedSays.title())
            .times(feedSays.start(), feedSays.end())
            .slot(feedSays.slot())
            .place(feedSays.city(), feedSays.venue())
            .description(feedSays.description())
            .link(feedSays.link())
            .recurrence(feedSays.recurrence())
            .updatedAt(feedSays.updatedAt())
            .build();
    if (sameFields(before, after)) {
      return false;
    }
    store.change(
        "update imported event " + before.id(),
        community.id(),
        () -> {
          if (!store.suggestions().edit(after, before.status())) {
            throw new IllegalStateException("event " + before.id() + " changed meanwhile");
          }
          store
              .log()
              .record(
                  community.id(), feed, Action.EDITED, before.id(), "import", after.updatedAt());
          store.catalog().changed(community.id());
          if (before.status() == EventStatus.PUBLISHED) {
            // As after /edit: those going are told of a new time or place, not of a new title.
            if (!before.isSeries() && movedOrRelocated(before, after)) {
              changes.occurrenceChanged(community, single(before), single(after));
            } else if (before.isSeries()
                && !(before.start().equals(after.start()) && before.end().equals(after.end()))) {
              changes.timesChanged(community, before, after);
            }
            if (Edits.detailsDiffer(before, after)) {
              changes.detailsChanged(community, before, after);
            }
          }
          return null;
        });
    notices.deliverNow();
    return true;
  }

  /**
   * Cancels an event its feed cancelled or no longer lists: a published one stays listed as
   * cancelled and those going are told; one waiting for review is withdrawn.
   *
   * @return whether it was still active
   */
  public boolean cancel(Community community, Event event, ChatUser feed, Instant now) {
    EventStatus to;
    if (event.status() == EventStatus.PUBLISHED) {
      to = EventStatus.CANCELLED;
    } else if (event.status() == EventStatus.SUGGESTED) {
      to = EventStatus.REJECTED;
    } else {
      return false;
    }
    store.change(
        "cancel imported event " + event.id(),
        community.id(),
        () -> {
          if (!store.suggestions().transition(event.id(), event.status(), to, now)) {
            return null;
          }
          store
              .log()
              .record(
                  community.id(),
                  feed,
                  to == EventStatus.CANCELLED ? Action.CANCELLED : Action.WITHDRAWN,
                  event.id(),
                  "import",
                  now);
          store.catalog().changed(community.id());
          if (to == EventStatus.CANCELLED) {
            changes.cancelled(community, event);
          }
          return null;
        });
    notices.deliverNow();
    return true;
  }

  /**
   * Sets one date of a series as its feed says (a {@code RECURRENCE-ID} override or an {@code
   * EXDATE}); those going to that date are told when it moved or was cancelled.
   *
   * @param before the date as it stood
   * @return whether anything changed
   */
  public boolean putDate(Community community, Occurrence before, SeriesDate date, ChatUser feed) {
    Occurrence after =
        date.occurrence(store.catalog().event(community, date.seriesId()).orElseThrow());
    boolean same =
        before.start().equals(after.start())
            && before.end().equals(after.end())
            && before.event().title().equals(after.event().title())
            && Objects.equals(before.event().city(), after.event().city())
            && Objects.equals(before.event().venue(), after.event().venue())
            && before.event().status() == after.event().status();
    if (same) {
      return false;
    }
    store.change(
        "import a date of series " + date.seriesId(),
        community.id(),
        () -> {
          store.catalog().putDate(date);
          store
              .log()
              .record(
                  community.id(),
                  feed,
                  date.cancelled() ? Action.CANCELLED : Action.EDITED,
                  date.seriesId(),
                  "import " + before.ref(),
                  date.updatedAt());
          if (before.event().status() == EventStatus.PUBLISHED) {
            if (date.cancelled()) {
              changes.dateCancelled(community, before);
            } else {
              changes.occurrenceChanged(community, before, after);
            }
          }
          return null;
        });
    notices.deliverNow();
    return true;
  }

  /**
   * Tells the moderators something about a feed (a fetch that failed), in the moderators' chat if
   * the community has one, else each in private: {@code messageKey} with {@code subject} and the
   * text of {@code reasonKey}.
   *
   * @param deliveryKey unique per message: the outbox sends each key once
   */
  public void tellModerators(
      Community community,
      String deliveryKey,
      String messageKey,
      String subject,
      String reasonKey,
      Object reasonArgument) {
    store.change(
        "tell the moderators about a feed",
        community.id(),
        () -> {
          notices.tellModerators(
              community, deliveryKey, messageKey, subject, reasonKey, reasonArgument);
          return null;
        });
    notices.deliverNow();
  }

  private static boolean movedOrRelocated(Event before, Event after) {
    return !before.start().equals(after.start())
        || !before.end().equals(after.end())
        || !Objects.equals(before.venue(), after.venue())
        || !Objects.equals(before.city(), after.city());
  }

  private static boolean moved(Event before, Event after) {
    return !before.start().equals(after.start())
        || !before.end().equals(after.end())
        || !Objects.equals(before.venue(), after.venue())
        || !Objects.equals(before.city(), after.city())
        || !before.title().equals(after.title());
  }

  private static boolean sameFields(Event a, Event b) {
    return !moved(a, b)
        && Objects.equals(a.description(), b.description())
        && Objects.equals(a.link(), b.link())
        && Objects.equals(a.recurrence(), b.recurrence());
  }

  private static Occurrence single(Event event) {
    return new Occurrence(event, event.start(), event.end(), EventRef.of(event.id()));
  }

  private static String clip(String text, int most) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    return stripped.length() <= most ? stripped : stripped.substring(0, most - 1).strip() + "…";
  }
}
