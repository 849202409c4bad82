package org.networkeras.suggestion;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.networkeras.catalog.CatalogWords;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Slot;
import org.networkeras.command.CommandException;
import org.networkeras.command.Words;
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
  static final Duration DEFAULT_LENGTH = Duration.ofHours(2);
  static final Duration CAMP_LENGTH = Duration.ofHours(8);

  /** The longest an event lasts, from start to end. */
  static final Duration LONGEST = Duration.ofDays(14);

  /** Between a start and an end: {@code 19h - 22h}, {@code 7pm to 10pm}, {@code jusqu’à 23h}. */
  private static final Pattern RANGE =
      Pattern.compile(
          "\\s+(?:-|–|—|→|to|until|till|jusqu['’]à|jusqu['’]a)\\s+",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern LOCAL_TIME =
      Pattern.compile(
          "(\\d{1,2})(?:\\s*(?:h|:)\\s*(\\d{2})?)?\\s*(am|pm)?", Pattern.CASE_INSENSITIVE);

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Answers meaning "none" in the guided conversation. */
  private static final List<String> NONE =
      List.of("-", "skip", "none", "no", "non", "aucun", "aucune", "passer");

  /** Where an event is: the city (as known, or as typed when confirmed) and the venue. */
  record Place(String city, String venue, boolean unknownCity, String candidate) {}

  /** When an event is. */
  record Times(Instant start, Instant end, boolean endGiven) {}

  private SuggestionRules() {}

  static String title(String raw) {
    String title = raw == null ? "" : raw.strip();
    if (title.length() < TITLE_MIN || title.length() > TITLE_MAX) {
      throw new CommandException("suggest.title_length", TITLE_MIN, TITLE_MAX, title.length());
    }
    return title;
  }

  static Times times(String raw, ZoneId zone, Instant now, TimePhraseResolver resolver) {
    if (raw == null || raw.isBlank()) {
      throw new CommandException("suggest.when_missing");
    }
    String[] parts = RANGE.split(raw.strip(), 2);
    Instant start = resolver.instant(parts[0].strip(), zone);
    if (start.isAfter(now.plus(HORIZON))) {
      throw new CommandException("suggest.too_far");
    }
    Instant end;
    if (parts.length == 1) {
      end = start.plus(DEFAULT_LENGTH);
    } else {
      end =
          localTime(parts[1].strip(), start, zone)
              .orElseGet(() -> resolver.instant(parts[1].strip(), zone));
      if (!end.isAfter(start)) {
        throw new CommandException("suggest.end_before_start");
      }
      if (Duration.between(start, end).compareTo(LONGEST) > 0) {
        throw new CommandException("suggest.too_long", LONGEST.toDays());
      }
    }
    return new Times(start, end, parts.length > 1);
  }

  /**
   * An end given as a time of day ({@code 22h}, {@code 22:30}, {@code 10pm}) on the start's day.
   */
  private static Optional<Instant> localTime(String text, Instant start, ZoneId zone) {
    Matcher m = LOCAL_TIME.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    if (m.group(3) != null) {
      if (hour < 1 || hour > 12) {
        return Optional.empty();
      }
      hour = hour % 12 + (m.group(3).equalsIgnoreCase("pm") ? 12 : 0);
    }
    if (hour > 24 || minute > 59 || (hour == 24 && minute > 0)) {
      return Optional.empty();
    }
    ZonedDateTime day = start.atZone(zone);
    if (hour == 24) {
      return Optional.of(day.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
    }
    return Optional.of(day.with(LocalTime.of(hour, minute)).toInstant());
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
