package org.networkeras.subscription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.networkeras.catalog.CatalogWords;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Slot;
import org.networkeras.command.CommandException;
import org.networkeras.command.Words;

/**
 * Reads what members type after {@code /subscribe} and {@code /unsubscribe}: words separated by
 * spaces or commas, each a family, a slot, a city (of up to three words, {@code Le Havre}), {@code
 * all} ({@code tout}: every family) or else a tag ({@code kotlin}, {@code #kotlin}), in English or
 * French. A word a typo away from a known one ({@code networkng}) is not taken for a tag: it is
 * read as a {@link Guess} for the member to confirm. A word written {@code #word} is always a tag.
 */
final class SubscriptionWords {

  /** The words for everything: every family at once, or every subscription to drop. */
  static final List<String> ALL = List.of("all", "everything", "tout", "tous", "toutes");

  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+._-]{1,29}");
  private static final int LONGEST_CITY = 3;

  /** Words this long or shorter are never corrected: too many real tags sit one edit away. */
  private static final int SHORTEST_CORRECTED = 5;

  /**
   * What a member's words name.
   *
   * @param subscriptions what the words name, in order, guesses included as their known word
   * @param guesses the words read as a known word they may mistype
   */
  record Reading(List<Subscription> subscriptions, List<Guess> guesses) {}

  /**
   * A word read as the known word nearest to it.
   *
   * @param typed the word as typed
   * @param known the known word it is taken for, as it should be typed
   * @param meant what the known word names
   */
  record Guess(String typed, String known, Subscription meant) {}

  private SubscriptionWords() {}

  /**
   * Reads {@code text}.
   *
   * @param cities the cities to recognize, as the catalog spells them
   * @throws CommandException if a word can be none of them (too short, punctuation)
   */
  static Reading parse(String text, Collection<String> cities) {
    List<String> words = words(text);
    List<Subscription> subscriptions = new ArrayList<>();
    List<Guess> guesses = new ArrayList<>();
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
        String word = words.get(i);
        Optional<List<Subscription>> known = known(word, cities);
        if (known.isPresent()) {
          subscriptions.addAll(known.get());
        } else {
          Optional<Guess> guess = guess(word, cities);
          guess.ifPresent(guesses::add);
          subscriptions.add(guess.map(Guess::meant).orElseGet(() -> tag(word)));
        }
        taken = 1;
      }
      i += taken;
    }
    return new Reading(List.copyOf(subscriptions), List.copyOf(guesses));
  }

  /**
   * {@code text} with each guessed word replaced by {@code replacement} of its guess, so that
   * reading it again asks nothing.
   */
  static String replacing(
      String text, List<Guess> guesses, java.util.function.Function<Guess, String> replacement) {
    List<String> words = new ArrayList<>(words(text));
    for (Guess guess : guesses) {
      words.replaceAll(w -> w.equals(guess.typed()) ? replacement.apply(guess) : w);
    }
    return String.join(" ", words);
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.strip().split("[\\s,;]+")).filter(w -> !w.isEmpty()).toList();
  }

  /** What a known word names: every family, a family, a slot; empty for anything else. */
  private static Optional<List<Subscription>> known(String word, Collection<String> cities) {
    if (ALL.contains(Words.fold(word))) {
      return Optional.of(Arrays.stream(Family.values()).map(Subscription::family).toList());
    }
    Optional<Family> family = CatalogWords.family(word);
    if (family.isPresent()) {
      return Optional.of(List.of(Subscription.family(family.get())));
    }
    Optional<Slot> slot = CatalogWords.slot(word).or(() -> slotKey(word));
    if (slot.isPresent()) {
      return Optional.of(List.of(Subscription.slot(slot.get())));
    }
    return city(word, cities).map(c -> List.of(Subscription.city(c)));
  }

  /** The known word a plain word (not {@code #tag}) is a typo or two away from, if any. */
  private static Optional<Guess> guess(String word, Collection<String> cities) {
    if (word.startsWith("#") || word.length() < SHORTEST_CORRECTED) {
      return Optional.empty();
    }
    Set<String> known = new TreeSet<>(CatalogWords.filterWords());
    Arrays.stream(Family.values()).map(Family::key).forEach(known::add);
    Arrays.stream(Slot.values()).filter(s -> s != Slot.OTHER).map(Slot::key).forEach(known::add);
    known.addAll(cities);
    String nearest = Words.nearest(word, known, word.length() < 8 ? 1 : 2);
    if (nearest == null) {
      return Optional.empty();
    }
    // A known word of one word names one thing; a known city of several is read whole.
    return known(nearest, cities)
        .filter(meant -> meant.size() == 1)
        .map(meant -> new Guess(word, nearest, meant.get(0)));
  }

  private static Subscription tag(String word) {
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
