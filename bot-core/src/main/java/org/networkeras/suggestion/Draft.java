package org.networkeras.suggestion;

import org.networkeras.catalog.Family;

/**
 * A suggestion as the member typed it, before it is checked. Strings are user-supplied text.
 *
 * @param title the title
 * @param when a time phrase, optionally with an end ({@code friday 19h - 22h})
 * @param where a city, a venue, or both ({@code La Cantine, Paris})
 * @param family the family the member chose, or {@code null} to infer it from the words
 * @param link an http(s) address, or {@code null}
 * @param description free text, or {@code null}
 * @param cityConfirmed the member confirmed a city the bot does not know
 * @param placeIsVenue the member said {@code where} names a venue, not a city
 * @param twinAccepted the member saw the likely duplicate and submits anyway
 */
record Draft(
    String title,
    String when,
    String where,
    Family family,
    String link,
    String description,
    boolean cityConfirmed,
    boolean placeIsVenue,
    boolean twinAccepted) {

  static Draft of(String title, String when, String where, String link, String description) {
    return new Draft(title, when, where, null, link, description, false, false, false);
  }

  Draft withFamily(Family newFamily) {
    return new Draft(
        title,
        when,
        where,
        newFamily,
        link,
        description,
        cityConfirmed,
        placeIsVenue,
        twinAccepted);
  }

  Draft withCityConfirmed() {
    return new Draft(
        title, when, where, family, link, description, true, placeIsVenue, twinAccepted);
  }

  Draft withPlaceIsVenue() {
    return new Draft(
        title, when, where, family, link, description, cityConfirmed, true, twinAccepted);
  }

  Draft withTwinAccepted() {
    return new Draft(
        title, when, where, family, link, description, cityConfirmed, placeIsVenue, true);
  }
}
