package org.networkeras.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.networkeras.command.Words;

/**
 * What a member asked {@code /events} for: the time phrase (what is left once family, slot and city
 * words are taken out, in any order) and the filter.
 *
 * @param timePhrase the words that name the time, or empty for the default (the next 7 days)
 * @param filter the family, slot and city named
 */
record EventsQuery(String timePhrase, EventFilter filter) {

  EventsQuery {
    Objects.requireNonNull(timePhrase, "timePhrase");
    Objects.requireNonNull(filter, "filter");
  }

  /**
   * Splits free text such as {@code samedi networking paris} or {@code ce soir à Lille}.
   *
   * @param cities the city names to recognise (one word or several)
   */
  static EventsQuery parse(String text, List<String> cities) {
    List<String> words = new ArrayList<>(List.of(text.strip().split("\\s+")));
    words.removeIf(String::isEmpty);
    Family family = null;
    Slot slot = null;
    String city = null;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = trimPunctuation(words.get(i));
      String matchedCity = cityAt(words, i, cities);
      if (matchedCity != null && city == null) {
        city = matchedCity;
        i += matchedCity.split("\\s+").length - 1;
        dropDanglingPreposition(rest);
        continue;
      }
      if (i + 1 < words.size() && isCommonInterest(word, trimPunctuation(words.get(i + 1)))) {
        family = Family.COMMON_INTEREST;
        i++;
        continue;
      }
      var f = CatalogWords.family(word);
      if (f.isPresent() && family == null) {
        family = f.get();
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
    return new EventsQuery(String.join(" ", rest), new EventFilter(family, slot, city));
  }

  private static boolean isCommonInterest(String first, String second) {
    String a = Words.fold(first);
    String b = Words.fold(second);
    return (a.equals("common") && (b.equals("interest") || b.equals("interests")))
        || ((a.equals("interets") || a.equals("interet"))
            && (b.equals("communs") || b.equals("commun")));
  }

  private static String cityAt(List<String> words, int index, List<String> cities) {
    for (String city : cities) {
      String[] parts = city.split("\\s+");
      if (index + parts.length > words.size()) {
        continue;
      }
      boolean match = true;
      for (int k = 0; k < parts.length && match; k++) {
        match =
            Words.fold(trimPunctuation(words.get(index + k)))
                .equals(Words.fold(parts[k]).replace('’', '\''));
      }
      if (match) {
        return city;
      }
    }
    return null;
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
