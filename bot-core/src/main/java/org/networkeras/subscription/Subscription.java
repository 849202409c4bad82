package org.networkeras.subscription;

import java.util.Locale;
import java.util.Objects;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Slot;
import org.networkeras.command.Words;

/**
 * One thing a member asked to hear about.
 *
 * @param kind what the value names
 * @param value a family or slot key ({@code bloggers}, {@code evening}), a city as the catalog
 *     spells it ({@code Lyon}), or a tag folded to lower case without accents ({@code kotlin})
 */
record Subscription(Kind kind, String value) {

  /** What a subscription names. */
  enum Kind {
    FAMILY,
    SLOT,
    CITY,
    TAG;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind fromKey(String key) {
      return valueOf(key.toUpperCase(Locale.ROOT));
    }
  }

  Subscription {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a subscription names something");
    }
  }

  static Subscription family(Family family) {
    return new Subscription(Kind.FAMILY, family.key());
  }

  static Subscription slot(Slot slot) {
    return new Subscription(Kind.SLOT, slot.key());
  }

  static Subscription city(String city) {
    return new Subscription(Kind.CITY, city);
  }

  static Subscription tag(String tag) {
    return new Subscription(Kind.TAG, Words.fold(tag));
  }

  /**
   * Whether {@code event} is what this subscription asks for. A city compares without case or
   * accents; a tag matches one of the event's tags or a word of its title (suggestions from chat
   * carry no tags, and {@code /subscribe kotlin} should still find "Afterwork Kotlin").
   */
  boolean matches(Event event) {
    return switch (kind) {
      case FAMILY -> event.family() != null && event.family().key().equals(value);
      case SLOT -> event.slot().key().equals(value);
      case CITY -> event.city() != null && Words.fold(event.city()).equals(Words.fold(value));
      case TAG ->
          event.tags().stream().anyMatch(t -> Words.fold(t).equals(value))
              || java.util.Arrays.stream(Words.fold(event.title()).split("[^\\p{L}\\p{N}+#.-]+"))
                  .anyMatch(value::equals);
    };
  }

  /** Whether two subscriptions name the same thing (cities compare without case or accents). */
  boolean sameAs(Subscription other) {
    return kind == other.kind && Words.fold(value).equals(Words.fold(other.value));
  }
}
