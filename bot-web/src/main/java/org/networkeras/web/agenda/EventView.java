package org.networkeras.web.agenda;

import java.util.List;

/**
 * An event's page.
 *
 * @param chrome the page around
 * @param title the event's title
 * @param cancelled whether it was called off
 * @param when its local date and time, and end, in words
 * @param isoStart its start, ISO-8601 with offset
 * @param family its family's name
 * @param place venue, address and city, or {@code null}
 * @param mapHref an OpenStreetMap search for the place, or {@code null}
 * @param description the organiser's words, or {@code null}
 * @param organiser who runs it, in words, or {@code null}
 * @param link the event's own http(s) page, or {@code null}
 * @param going how many are going, in words
 * @param interested how many are interested, in words
 * @param visible the names of members going who chose to be shown, in words, or {@code null}
 * @param icsHref its calendar file, or {@code null} when none is served
 * @param backHref the agenda
 * @param guides the four families' upsides and downsides, the event's own family first
 */
public record EventView(
    Chrome chrome,
    String title,
    boolean cancelled,
    String when,
    String isoStart,
    String family,
    String place,
    String mapHref,
    String description,
    String organiser,
    String link,
    String going,
    String interested,
    String visible,
    String icsHref,
    String backHref,
    List<Guide> guides) {

  /** One family as {@code /guide} tells it. */
  public record Guide(String name, String what, String upsides, String downsides) {}
}
