package org.networkeras.catalog;

import org.networkeras.command.Words;

/**
 * What a listing keeps: a family, a slot and a city, each optional ({@code null} keeps all).
 *
 * @param city compared without case or accents
 */
public record EventFilter(Family family, Slot slot, String city) {

  public static final EventFilter ALL = new EventFilter(null, null, null);

  public boolean isEmpty() {
    return family == null && slot == null && city == null;
  }

  public boolean matches(Event event) {
    return (family == null || event.family() == family)
        && (slot == null || event.slot() == slot)
        && (city == null
            || (event.city() != null && Words.fold(event.city()).equals(Words.fold(city))));
  }
}
