package org.networkeras.suggestion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.community.Community;

/**
 * Finds the event a new suggestion most likely repeats: one with the same link, or, within {@link
 * #TWIN_WINDOW} of its start, listed or pending, one that scores at least {@link #THRESHOLD}.
 *
 * <p>The score weighs the title (the same words, or nearly), the start (the same instant) and the
 * place (the same venue or address, a different one, a different city). Titles that carry different
 * numbers ("Soirée networking numéro 1" and "… numéro 2") name different events, whatever else they
 * share. Thread-safe.
 */
final class Duplicates {

  static final Duration TWIN_WINDOW = Duration.ofHours(2);

  /** The lowest score of a likely twin: a similar title alone, with nothing said against it. */
  static final int THRESHOLD = 2;

  private static final int SAME_TITLE = 3;
  private static final int SIMILAR_TITLE = 2;
  private static final int SAME_START = 1;
  private static final int SAME_PLACE = 1;
  private static final int OTHER_PLACE = -2;
  private static final int OTHER_CITY = -3;

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** What a new suggestion says of itself, to weigh against the catalog. */
  record Candidate(String title, Instant start, String city, String venue, String link) {}

  private final SuggestionStore store;

  Duplicates(SuggestionStore store) {
    this.store = store;
  }

  Optional<Event> twin(Community community, Candidate candidate) {
    if (candidate.link() != null) {
      for (long id : store.suggestions().withLink(community.id(), candidate.link())) {
        Optional<Event> same = store.events().find(id);
        if (same.isPresent()) {
          return same;
        }
      }
    }
    Instant start = candidate.start();
    return store
        .events()
        .findSingles(
            community.id(),
            start.minus(TWIN_WINDOW),
            start.plus(TWIN_WINDOW).plusMillis(1),
            EnumSet.of(EventStatus.SUGGESTED, EventStatus.PUBLISHED))
        .stream()
        .filter(e -> score(e, candidate) >= THRESHOLD)
        .findFirst();
  }

  /**
   * How much {@code event} looks like {@code candidate}; {@link Integer#MIN_VALUE} when it cannot.
   */
  static int score(Event event, Candidate candidate) {
    if (!alike(event.title(), candidate.title())) {
      return Integer.MIN_VALUE;
    }
    int score =
        SuggestionRules.squeezed(event.title()).equals(SuggestionRules.squeezed(candidate.title()))
            ? SAME_TITLE
            : SIMILAR_TITLE;
    if (event.start().equals(candidate.start())) {
      score += SAME_START;
    }
    if (known(event.city()) && known(candidate.city()) && !alike(event.city(), candidate.city())) {
      return score + OTHER_CITY;
    }
    String place = known(event.venue()) ? event.venue() : event.address();
    if (known(place) && known(candidate.venue())) {
      score += alike(place, candidate.venue()) ? SAME_PLACE : OTHER_PLACE;
    }
    return score;
  }

  /** Nearly the same words, and the same numbers when both carry some. */
  private static boolean alike(String a, String b) {
    List<Long> x = numbers(a);
    List<Long> y = numbers(b);
    if (!x.isEmpty() && !y.isEmpty() && !x.equals(y)) {
      return false;
    }
    return SuggestionRules.similarTitles(a, b);
  }

  private static List<Long> numbers(String text) {
    List<Long> numbers = new ArrayList<>();
    Matcher matcher = NUMBER.matcher(text);
    while (matcher.find()) {
      String digits = matcher.group();
      // A number too long for a long is no ordinal anyone types; compare its last digits.
      numbers.add(Long.parseLong(digits.substring(Math.max(0, digits.length() - 18))));
    }
    return numbers;
  }

  private static boolean known(String text) {
    return text != null && !text.isBlank();
  }
}
