package org.networkeras.catalog;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.networkeras.command.Words;

/**
 * A kind of event narrower than a family, which members name with a word of its own: {@code /events
 * barcamp} wants barcamps, not the whole common-interest family with its breakfasts. An event is of
 * a kind when a word of its title or one of its tags names it ({@link CatalogWords#kindWords}); a
 * breakfast is also any event of the breakfast slot, since the scene calls every weekday-morning
 * event a "petit-déj".
 */
public enum Kind {
  BARCAMP(null),
  AFTERWORK(null),
  APERO(null),
  BREAKFAST(Slot.BREAKFAST),
  MEETUP(null),
  WORKSHOP(null),
  HACKATHON(null),
  CONFERENCE(null);

  /** What separates the words of a title: anything but letters, digits, hyphens and apostrophes. */
  private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{N}'-]+");

  private final Slot slot;

  Kind(Slot slot) {
    this.slot = slot;
  }

  /** The key used in message keys ({@code kind.barcamp}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code event} is of this kind: its slot, a word of its title or a tag says so. */
  public boolean matches(Event event) {
    if (slot != null && event.slot() == slot) {
      return true;
    }
    Set<String> words = CatalogWords.kindWords(this);
    for (String word : BETWEEN_WORDS.split(Words.fold(event.title()))) {
      if (words.contains(word)) {
        return true;
      }
    }
    for (String tag : event.tags()) {
      for (String word : BETWEEN_WORDS.split(Words.fold(tag))) {
        if (words.contains(word)) {
          return true;
        }
      }
    }
    return false;
  }
}
