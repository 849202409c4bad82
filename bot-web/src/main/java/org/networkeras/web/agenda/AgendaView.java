package org.networkeras.web.agenda;

import java.util.List;

/**
 * The agenda page: the filters as chosen, then the events grouped by local day.
 *
 * @param chrome the page around
 * @param heading the page's first heading
 * @param range the period shown, in words
 * @param count how many events, in words
 * @param refusal why the time phrase was not used, or {@code null}
 * @param families the family filter's options
 * @param slots the moment filter's options
 * @param cities the city filter's options
 * @param when the time phrase as typed
 * @param resetHref the agenda without filters
 * @param days the days that have events, in order
 * @param feedHref the agenda's calendar feed, or {@code null} when none is served
 */
public record AgendaView(
    Chrome chrome,
    String heading,
    String range,
    String count,
    String refusal,
    List<Option> families,
    List<Option> slots,
    List<Option> cities,
    String when,
    String resetHref,
    List<Day> days,
    String feedHref) {

  /** One choice of a filter. */
  public record Option(String value, String label, boolean selected) {}

  /** A day and its events. */
  public record Day(String title, String isoDate, List<Item> items) {}

  /**
   * One event in the list.
   *
   * @param time its local start time
   * @param isoStart its start, ISO-8601 with offset, for {@code <time datetime>}
   * @param family its family's name
   * @param place city and venue, possibly empty
   * @param href its page
   */
  public record Item(
      String time,
      String isoStart,
      String title,
      String family,
      String place,
      String href,
      boolean cancelled) {}
}
