package org.networkeras.subscription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.networkeras.catalog.CatalogWords;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Slot;
import org.networkeras.command.CommandException;
import org.networkeras.command.Words;

/**
 * Reads what members type after {@code /subscribe} and {@code /unsubscribe}: words separated by
 * spaces or commas, each a family, a slot, a city (of up to three words, {@code Le Havre}) or else
 * a tag ({@code kotlin}, {@code #kotlin}), in English or French.
 */
final class SubscriptionWords {

  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+._-]{1,29}");
  private static final int LONGEST_CITY = 3;

  private SubscriptionWords() {}

  /**
   * The subscriptions {@code text} names, in order.
   *
   * @param cities the cities to recognize, as the catalog spells them
   * @throws CommandException if a word can be none of them (too short, punctuation)
   */
  static List<Subscription> parse(String text, Collection<String> cities) {
    List<String> words =
        Arrays.stream(text.strip().split("[\\s,;]+")).filter(w -> !w.isEmpty()).toList();
    List<Subscription> subscriptions = new ArrayList<>();
    for (int i = 0; i < words.size(); ) {
      int taken = 0;
      for (int n = Math.min(LONGEST_CITY, words.size() - i); n >= 1 && taken == 0; n--) {
        Optional<String> city = city(String.join(" ", words.subList(i, i + n)), cities);
        if (city.isPresent()) {
          subscriptions.add(Subscription.city(city.get()));
          taken = n;
        }
      }
      if (taken == 0) {
        subscriptions.add(word(words.get(i)));
        taken = 1;
      }
      i += taken;
    }
    return subscriptions;
  }

  private static Subscription word(String word) {
    Optional<Family> family = CatalogWords.family(word);
    if (family.isPresent()) {
      return Subscription.family(family.get());
    }
    Optional<Slot> slot = CatalogWords.slot(word).or(() -> slotKey(word));
    if (slot.isPresent()) {
      return Subscription.slot(slot.get());
    }
    String tag = word.startsWith("#") ? word.substring(1) : word;
    if (!TAG.matcher(tag).matches()) {
      throw new CommandException("subscribe.bad_word", word);
    }
    return Subscription.tag(tag);
  }

  /** {@code breakfast}, {@code evening}, {@code saturday} as slot keys (not {@code other}). */
  private static Optional<Slot> slotKey(String word) {
    String folded = Words.fold(word);
    return Arrays.stream(Slot.values())
        .filter(s -> s != Slot.OTHER && s.key().equals(folded))
        .findFirst();
  }

  private static Optional<String> city(String typed, Collection<String> cities) {
    String folded = Words.fold(typed);
    return cities.stream().filter(c -> Words.fold(c).equals(folded)).findFirst();
  }
}
