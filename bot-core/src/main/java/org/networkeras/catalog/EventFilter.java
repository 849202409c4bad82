package org.networkeras.catalog;

import org.networkeras.command.Words;

/**
 * What a listing keeps: a family, a slot, a city and a kind of event, each optional ({@code null}
 * keeps all).
 *
 * @param city compared without case or accents
 * @param kind narrower than a family: barcamps, afterworks… ({@link Kind#matches})
 */
public record EventFilter(Family family, Slot slot, String city, Kind kind) {

  public static final EventFilter ALL = new EventFilter(null, null, null, null);

  /** A filter on family, slot and city, of any kind. */
  public EventFilter(Family family, Slot slot, String city) {
    this(family, slot, city, null);
  }

  public boolean isEmpty() {
    return family == null && slot == null && city == null && kind == null;
  }

  public boolean matches(Event event) {
    return (family == null || event.family() == family)
        && (slot == null || event.slot() == slot)
        && (city == null
            || (event.city() != null && Words.fold(event.city()).equals(Words.fold(city))))
        && (kind == null || kind.matches(event));
  }
}
