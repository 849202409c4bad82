package org.networkeras.reminder;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityService;
import org.networkeras.delivery.Premise;
import org.networkeras.delivery.Premises;
import org.networkeras.rsvp.Rsvp;
import org.networkeras.rsvp.RsvpService;
import org.networkeras.store.Database;

/**
 * Checks what reminders and answer notices are about, just before the delivery worker sends them:
 * the occurrence is still published and starts when it did, and the member, if the message names
 * one, still goes or is interested. Reads the catalog and the answers as they are now. Thread-safe.
 */
public final class OccurrencePremises implements Premises {

  private final Database database;
  private final CatalogService catalog;
  private final CommunityService communities;
  private final RsvpService rsvps;

  public OccurrencePremises(
      Database database, CatalogService catalog, CommunityService communities, RsvpService rsvps) {
    this.database = Objects.requireNonNull(database, "database");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.communities = Objects.requireNonNull(communities, "communities");
    this.rsvps = Objects.requireNonNull(rsvps, "rsvps");
  }

  @Override
  public Optional<String> broken(Premise premise, Instant now) {
    Optional<EventRef> ref = EventRef.tryParse(premise.ref());
    if (ref.isEmpty()) {
      return Optional.of(premise.ref() + " names no event");
    }
    Optional<Event> event = database.events().find(ref.get().eventId());
    if (event.isEmpty()) {
      return Optional.of("event " + ref.get().eventId() + " no longer exists");
    }
    if (event.get().status() != EventStatus.PUBLISHED) {
      return Optional.of(
          "event "
              + event.get().id()
              + " is "
              + event.get().status().name().toLowerCase(Locale.ROOT));
    }
    Optional<Community> community = communities.find(event.get().communityId());
    Optional<Occurrence> occurrence = community.flatMap(c -> catalog.occurrence(c, ref.get(), now));
    if (occurrence.isEmpty()) {
      return Optional.of(premise.ref() + " names no occurrence any more");
    }
    if (!occurrence.get().start().equals(premise.start())) {
      return Optional.of(
          premise.ref() + " moved from " + premise.start() + " to " + occurrence.get().start());
    }
    if (premise.memberKey().isPresent()) {
      String member = premise.memberKey().get();
      Optional<Rsvp> answer = rsvps.find(premise.ref(), member);
      if (answer.isEmpty() || !answer.get().status().reminded()) {
        return Optional.of(
            member
                + " no longer goes to "
                + premise.ref()
                + answer
                    .map(a -> " (" + a.status().name().toLowerCase(Locale.ROOT) + ")")
                    .orElse(""));
      }
    }
    return Optional.empty();
  }
}
