package org.networkeras.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.networkeras.command.CommandException;
import org.networkeras.command.Words;

/**
 * What a member asked {@code /events} for: the time phrase (what is left once family, slot, city
 * and kind words are taken out, in any order) and the filter. A word naming a kind of event ({@code
 * barcamp}, {@code petit-déj}) is read as that kind even where it also names a family or a part of
 * the day: the member wants barcamps, not the whole family, and breakfasts, not one morning.
 *
 * @param timePhrase the words that name the time, or empty for the default (the next 7 days)
 * @param filter the family, slot, city and kind named
 */
record EventsQuery(String timePhrase, EventFilter filter) {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** The folded words of each known city (never modified: callers only read the arrays). */
  private static final Map<String, String[]> KNOWN_CITY_WORDS =
      CatalogWords.KNOWN_CITIES.stream()
          .collect(Collectors.toUnmodifiableMap(c -> c, EventsQuery::cityWords, (a, b) -> a));

  EventsQuery {
    Objects.requireNonNull(timePhrase, "timePhrase");
    Objects.requireNonNull(filter, "filter");
  }

  /**
   * Splits free text such as {@code samedi networking paris} or {@code ce soir à Lille}.
   *
   * @param cities the city names to recognise (one word or several)
   * @throws CommandException when it names two families, two kinds or two cities: a listing shows
   *     one of each
   */
  static EventsQuery parse(String text, List<String> cities) {
    List<String> words = new ArrayList<>(List.of(SPACES.split(text.strip())));
    words.removeIf(String::isEmpty);
    List<String> foldedWords = new ArrayList<>(words.size());
    for (String word : words) {
      foldedWords.add(Words.fold(trimPunctuation(word)));
    }
    List<String[]> cityWords = words.isEmpty() ? List.of() : foldCities(cities);
    Family family = null;
    Slot slot = null;
    String city = null;
    String familyTyped = null;
    Kind kind = null;
    String kindTyped = null;
    String cityTyped = null;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = trimPunctuation(words.get(i));
      int matched = cityAt(foldedWords, i, cityWords);
      if (matched >= 0) {
        String named = String.join(" ", words.subList(i, i + cityWords.get(matched).length));
        if (city != null && !city.equals(cities.get(matched))) {
          throw new CommandException("events.one_city", cityTyped, trimPunctuation(named));
        }
        city = cities.get(matched);
        cityTyped = trimPunctuation(named);
        i += cityWords.get(matched).length - 1;
        dropDanglingPreposition(rest);
        continue;
      }
      if (i + 1 < words.size() && isCommonInterest(word, trimPunctuation(words.get(i + 1)))) {
        family = Family.COMMON_INTEREST;
        i++;
        continue;
      }
      var k = CatalogWords.kind(word);
      if (k.isPresent()) {
        if (kind != null && kind != k.get()) {
          throw new CommandException("events.one_kind", kindTyped, word);
        }
        kind = k.get();
        kindTyped = word;
        continue;
      }
      var f = CatalogWords.family(word);
      if (f.isPresent()) {
        if (family != null && family != f.get()) {
          throw new CommandException("events.one_family", familyTyped, word);
        }
        family = f.get();
        familyTyped = word;
        continue;
      }
      var s = CatalogWords.slot(word);
      if (s.isPresent() && slot == null) {
        slot = s.get();
        continue;
      }
      rest.add(words.get(i));
    }
    dropDanglingPreposition(rest);
    return new EventsQuery(String.join(" ", rest), new EventFilter(family, slot, city, kind));
  }

  private static boolean isCommonInterest(String first, String second) {
    String a = Words.fold(first);
    String b = Words.fold(second);
    return (a.equals("common") && (b.equals("interest") || b.equals("interests")))
        || ((a.equals("interets") || a.equals("interet"))
            && (b.equals("communs") || b.equals("commun")));
  }

  /** The index in {@code cityWords} of the first city whose words start at {@code index}, or -1. */
  private static int cityAt(List<String> foldedWords, int index, List<String[]> cityWords) {
    for (int c = 0; c < cityWords.size(); c++) {
      String[] parts = cityWords.get(c);
      if (index + parts.length > foldedWords.size()) {
        continue;
      }
      boolean match = true;
      for (int k = 0; k < parts.length && match; k++) {
        match = foldedWords.get(index + k).equals(parts[k]);
      }
      if (match) {
        return c;
      }
    }
    return -1;
  }

  /**
   * Each city's words, folded: the known cities once for all, the catalog's own once per query
   * (splitting with a fresh regular expression for every word and city compared was once most of a
   * cached {@code /events}' cost).
   */
  private static List<String[]> foldCities(List<String> cities) {
    List<String[]> folded = new ArrayList<>(cities.size());
    for (String city : cities) {
      String[] known = KNOWN_CITY_WORDS.get(city);
      folded.add(known != null ? known : cityWords(city));
    }
    return folded;
  }

  private static String[] cityWords(String city) {
    String[] parts = SPACES.split(city.strip());
    for (int k = 0; k < parts.length; k++) {
      parts[k] = Words.fold(parts[k]).replace('’', '\'');
    }
    return parts;
  }

  /** {@code ce soir à Paris}: the {@code à} belonged to the city. */
  private static void dropDanglingPreposition(List<String> rest) {
    if (!rest.isEmpty()) {
      String last = Words.fold(rest.get(rest.size() - 1));
      if (last.equals("a") || last.equals("in") || last.equals("at") || last.equals("en")) {
        rest.remove(rest.size() - 1);
      }
    }
  }

  private static String trimPunctuation(String word) {
    int start = 0;
    int end = word.length();
    while (start < end && ",;.!?".indexOf(word.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && ",;.!?".indexOf(word.charAt(end - 1)) >= 0) {
      end--;
    }
    return word.substring(start, end);
  }
}
