package org.networkeras.suggestion;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.networkeras.catalog.CatalogWords;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Recurrences;
import org.networkeras.catalog.Slot;
import org.networkeras.command.CommandException;
import org.networkeras.command.Words;
import org.networkeras.time.EventTime;
import org.networkeras.time.TimePhraseResolver;

/**
 * The rules a suggestion's fields follow, each refusal a {@link CommandException} with its own
 * message. Stateless.
 */
final class SuggestionRules {

  static final int TITLE_MIN = 3;
  static final int TITLE_MAX = 100;
  static final int DESCRIPTION_MAX = 1000;

  /** Discord's limit on a link's bytes once non-ASCII characters are percent-encoded. */
  static final int LINK_MAX_BYTES = 512;

  static final int WHERE_MAX = 200;
  static final Duration HORIZON = Duration.ofDays(365);

  /** An event's length when no end is said and nothing sets another one. */
  static final Duration DEFAULT_LENGTH = Duration.ofHours(2);

  /** An evening's length when no end is said: an afterwork runs from after work to late. */
  static final Duration EVENING_LENGTH = Duration.ofHours(3);

  /** When a day-long event (a barcamp, a Saturday daytime event) ends when no end is said. */
  static final LocalTime DAY_LONG_END = LocalTime.of(18, 0);

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Answers meaning "none" in the guided conversation. */
  private static final List<String> NONE =
      List.of("-", "skip", "none", "no", "non", "aucun", "aucune", "passer");

  /** Where an event is: the city (as known, or as typed when confirmed) and the venue. */
  record Place(String city, String venue, boolean unknownCity, String candidate) {}

  /**
   * When an event is.
   *
   * @param start the start; for a repeat, its first date's start
   * @param end the end the phrase states, or {@code null}: the event then gets its default length
   *     ({@link #defaultEnd})
   * @param recurrence the repeat's {@code RRULE} value, or {@code null} for a single event
   */
  record Times(Instant start, Instant end, String recurrence) {

    boolean endGiven() {
      return end != null;
    }

    /** The stated end, or {@code otherwise}. */
    Instant endOr(Instant otherwise) {
      return end != null ? end : otherwise;
    }
  }

  private SuggestionRules() {}

  static String title(String raw) {
    String title = raw == null ? "" : raw.strip();
    if (title.length() < TITLE_MIN || title.length() > TITLE_MAX) {
      throw new CommandException("suggest.title_length", TITLE_MIN, TITLE_MAX, title.length());
    }
    return title;
  }

  /**
   * Reads a when phrase: a start, an end when it states one, a repeat when it recurs ({@link
   * TimePhraseResolver#event}: {@code jeudi 3/12 de 19h à 22h}, {@code un jeudi sur deux à 19h
   * jusqu’au 17 décembre}).
   *
   * @throws CommandException when the resolver refuses the phrase (an end it cannot place, an event
   *     of more than 14 days, a repeat it cannot state), or it starts more than a year ahead
   */
  static Times times(String raw, ZoneId zone, Instant now, TimePhraseResolver resolver) {
    if (raw == null || raw.isBlank()) {
      throw new CommandException("suggest.when_missing");
    }
    EventTime event = resolver.event(raw.strip(), zone);
    if (event.start().isAfter(now.plus(HORIZON))) {
      throw new CommandException("suggest.too_far");
    }
    return new Times(
        event.start(),
        event.end(),
        Recurrences.seeded(event.recurrence(), event.start(), event.wallTime(), zone));
  }

  /** The end of an event: the one its phrase states, else its default ({@link #defaultEnd}). */
  static Instant end(String title, Times times, ZoneId zone) {
    if (times.endGiven()) {
      return times.end();
    }
    Slot first = slot(title, times.start(), times.start().plus(DEFAULT_LENGTH), zone);
    return defaultEnd(title, first, times.start(), zone);
  }

  /**
   * When an event whose phrase states no end ends ({@code README.md}, "Suggesting"): a day-long
   * event (the {@link Slot#SATURDAY} slot, or a title word naming a camp: {@code barcamp}, {@code
   * WordCamp}) at {@link #DAY_LONG_END} when that leaves it two hours or more; an evening after
   * {@link #EVENING_LENGTH}; anything else (a breakfast) after {@link #DEFAULT_LENGTH}.
   */
  static Instant defaultEnd(String title, Slot slot, Instant start, ZoneId zone) {
    if (slot == Slot.SATURDAY || namesACamp(title)) {
      Instant dayEnd = start.atZone(zone).with(DAY_LONG_END).toInstant();
      Instant shortest = start.plus(DEFAULT_LENGTH);
      return dayEnd.isAfter(shortest) ? dayEnd : shortest;
    }
    return start.plus(slot == Slot.EVENING ? EVENING_LENGTH : DEFAULT_LENGTH);
  }

  /** Whether a title word names a camp, a day-long unconference ({@code barcamp}, {@code camp}). */
  private static boolean namesACamp(String title) {
    for (String word : NOT_WORD.split(title)) {
      String folded = Words.fold(word);
      if (folded.endsWith("camp")
          || folded.endsWith("camps")
          || CatalogWords.slot(word).filter(s -> s == Slot.SATURDAY).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads {@code where}: {@code venue, city}, a known city, or (when the member said so) a venue in
   * the default city.
   */
  static Place place(String raw, Draft draft, String defaultCity, Collection<String> knownCities) {
    String where = raw == null ? "" : raw.strip();
    if (where.isEmpty()) {
      throw new CommandException("suggest.where_missing");
    }
    if (where.length() > WHERE_MAX) {
      throw new CommandException("suggest.where_too_long", WHERE_MAX);
    }
    int comma = where.lastIndexOf(',');
    String venue = comma < 0 ? null : blankToNull(where.substring(0, comma));
    String candidate = comma < 0 ? where : where.substring(comma + 1).strip();
    if (candidate.isEmpty()) {
      candidate = where.substring(0, comma).strip();
      venue = null;
    }
    Optional<String> known = knownCity(candidate, knownCities);
    if (known.isPresent()) {
      return new Place(known.get(), venue, false, candidate);
    }
    if (comma < 0 && draft.placeIsVenue()) {
      return new Place(defaultCity, candidate, false, candidate);
    }
    if (draft.cityConfirmed()) {
      return new Place(candidate, venue, false, candidate);
    }
    return new Place(null, venue, true, candidate);
  }

  static Optional<String> knownCity(String typed, Collection<String> knownCities) {
    String folded = Words.fold(typed.strip());
    return knownCities.stream().filter(c -> Words.fold(c).equals(folded)).findFirst();
  }

  /** The link, or {@code null} when none was given. */
  static String link(String raw) {
    if (isNone(raw)) {
      return null;
    }
    String link = raw.strip();
    try {
      URI uri = new URI(link);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw new CommandException("suggest.bad_link");
      }
      int bytes = uri.toASCIIString().length();
      if (bytes > LINK_MAX_BYTES) {
        throw new CommandException("suggest.link_too_long", LINK_MAX_BYTES, bytes);
      }
    } catch (URISyntaxException e) {
      throw new CommandException("suggest.bad_link");
    }
    return link;
  }

  /** The description, or {@code null} when none was given. */
  static String description(String raw) {
    if (isNone(raw)) {
      return null;
    }
    String description = raw.strip();
    if (description.length() > DESCRIPTION_MAX) {
      throw new CommandException(
          "suggest.description_too_long", DESCRIPTION_MAX, description.length());
    }
    return description;
  }

  static boolean isNone(String raw) {
    return raw == null || raw.isBlank() || NONE.contains(Words.fold(raw.strip()));
  }

  /** The family the title's or description's words name, if they name exactly one. */
  static Optional<Family> family(String title, String description) {
    Family found = null;
    String text = title + " " + (description == null ? "" : description);
    for (String word : NOT_WORD.split(text)) {
      if (word.isEmpty()) {
        continue;
      }
      Optional<Family> family = CatalogWords.family(word);
      if (family.isPresent()) {
        if (found != null && found != family.get()) {
          return Optional.empty();
        }
        found = family.get();
      }
    }
    return Optional.ofNullable(found);
  }

  /** The slot from the time, or from the title's words when the time says nothing. */
  static Slot slot(String title, Instant start, Instant end, ZoneId zone) {
    Slot derived = Slot.derive(start, end, zone);
    if (derived != Slot.OTHER) {
      return derived;
    }
    for (String word : NOT_WORD.split(title)) {
      Optional<Slot> slot = word.isEmpty() ? Optional.empty() : CatalogWords.slot(word);
      if (slot.isPresent()) {
        return slot.get();
      }
    }
    return derived;
  }

  /** Whether two titles likely name the same event (accents, case and punctuation ignored). */
  static boolean similarTitles(String a, String b) {
    String x = squeezed(a);
    String y = squeezed(b);
    if (x.isEmpty() || y.isEmpty()) {
      return false;
    }
    if (x.equals(y)) {
      return true;
    }
    int shorter = Math.min(x.length(), y.length());
    if (shorter >= 6 && (x.contains(y) || y.contains(x))) {
      return true;
    }
    return Words.nearest(x, List.of(y), Math.max(1, shorter / 6)) != null;
  }

  /**
   * Folded, with everything but letters and digits left out: {@code Soirée #2} → {@code soiree2}.
   */
  static String squeezed(String text) {
    return NOT_WORD.matcher(Words.fold(text)).replaceAll("");
  }

  private static String blankToNull(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
