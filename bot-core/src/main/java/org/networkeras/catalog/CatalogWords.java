package org.networkeras.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.networkeras.command.Words;

/**
 * The EN/FR words members use for families, slots, kinds of event and cities, compared without case
 * or accents. Time words are not here: they belong to the time-phrase resolver.
 */
public final class CatalogWords {

  private static final Map<String, Family> FAMILIES = new HashMap<>();
  private static final Map<String, Slot> SLOTS = new HashMap<>();
  private static final Map<String, Kind> KINDS = new HashMap<>();
  private static final Map<Kind, Set<String>> WORDS_OF_KIND = new EnumMap<>(Kind.class);

  /** Cities known even before an event is listed there. */
  public static final List<String> KNOWN_CITIES =
      List.of(
          "Paris",
          "Lille",
          "Rennes",
          "Lyon",
          "Nantes",
          "Bordeaux",
          "Toulouse",
          "Marseille",
          "Nice",
          "Strasbourg",
          "Montpellier",
          "Grenoble",
          "Rouen",
          "Toulon",
          "Brest",
          "Tours",
          "Angers",
          "Dijon",
          "Reims",
          "Metz",
          "Nancy",
          "Caen",
          "Orléans",
          "Limoges",
          "Amiens",
          "Perpignan",
          "Besançon",
          "Clermont-Ferrand",
          "Saint-Étienne",
          "Le Havre",
          "Le Mans",
          "Aix-en-Provence",
          "Annecy",
          "Avignon",
          "Poitiers",
          "La Rochelle",
          "Pau",
          "Bayonne",
          "Brussels",
          "Bruxelles",
          "Genève",
          "Geneva",
          "Lausanne",
          "Montréal",
          "Montreal",
          "Luxembourg",
          "London",
          "Londres",
          "Berlin");

  static {
    family(
        Family.NETWORKING,
        "networking",
        "network",
        "reseau",
        "reseautage",
        "reseaux",
        "business",
        "affaires",
        "pro");
    family(
        Family.BLOGGERS,
        "bloggers",
        "blogger",
        "blogueurs",
        "blogueur",
        "blogueuses",
        "blogueuse",
        "blog",
        "blogs",
        "blogging");
    family(
        Family.PROMOTIONAL,
        "promotional",
        "promo",
        "promos",
        "evenementiel",
        "launch",
        "launches",
        "lancement",
        "lancements",
        "brand",
        "marque");
    family(
        Family.COMMON_INTEREST,
        "common_interest",
        "common-interest",
        "techno",
        "tech",
        "barcamp",
        "barcamps",
        "interest",
        "interests",
        "interets",
        "interet",
        "thematique",
        "themed");
    slot(
        Slot.BREAKFAST,
        "breakfasts",
        "petit-dejeuner",
        "petits-dejeuners",
        "petit-dej",
        "petits-dej",
        "matinal",
        "matinale");
    slot(
        Slot.EVENING,
        "evening",
        "evenings",
        "soiree",
        "soirees",
        "afterwork",
        "afterworks",
        "after-work");
    slot(Slot.SATURDAY, "camp", "camps", "day-long", "daylong", "journee", "all-day");
    kind(Kind.BARCAMP, "barcamp", "barcamps", "bar-camp", "bar-camps");
    kind(Kind.AFTERWORK, "afterwork", "afterworks", "after-work", "after-works");
    kind(Kind.APERO, "apero", "aperos", "aperitif", "aperitifs", "drinks");
    kind(
        Kind.BREAKFAST,
        "petit-dej",
        "petits-dej",
        "petit-dejeuner",
        "petits-dejeuners",
        "ptit-dej",
        "p'tit-dej",
        "pdj",
        "breakfast",
        "breakfasts");
    kind(Kind.MEETUP, "meetup", "meetups");
    kind(Kind.WORKSHOP, "workshop", "workshops", "atelier", "ateliers");
    kind(Kind.HACKATHON, "hackathon", "hackathons");
    kind(Kind.CONFERENCE, "conference", "conferences");
  }

  private CatalogWords() {}

  private static void family(Family family, String... words) {
    for (String word : words) {
      FAMILIES.put(word, family);
    }
  }

  private static void slot(Slot slot, String... words) {
    for (String word : words) {
      SLOTS.put(word, slot);
    }
  }

  private static void kind(Kind kind, String... words) {
    for (String word : words) {
      KINDS.put(word, kind);
    }
    WORDS_OF_KIND.put(kind, Set.of(words));
  }

  /**
   * The kind of event a word names ({@code barcamp}, {@code apéro}, {@code petit-déj}), if any.
   * Some of these words also name a family or a slot ({@link #family}, {@link #slot}): where a
   * member filters a listing, the narrower kind wins.
   */
  public static Optional<Kind> kind(String word) {
    return Optional.ofNullable(KINDS.get(Words.fold(word)));
  }

  /** The folded words that name a kind, in both languages. */
  static Set<String> kindWords(Kind kind) {
    return WORDS_OF_KIND.get(kind);
  }

  /** The family a word names ({@code blogueurs}, {@code barcamp}), if any. */
  public static Optional<Family> family(String word) {
    String folded = Words.fold(word);
    Family family = FAMILIES.get(folded);
    if (family == null) {
      for (Family f : Family.values()) {
        if (f.key().equals(folded)) {
          family = f;
        }
      }
    }
    return Optional.ofNullable(family);
  }

  /** The slot a word names ({@code afterwork}, {@code camp}), if any. */
  public static Optional<Slot> slot(String word) {
    String folded = Words.fold(word);
    Slot slot = SLOTS.get(folded);
    if (slot == null && (folded.equals("breakfast_slot") || folded.equals("saturday_slot"))) {
      slot = folded.startsWith("b") ? Slot.BREAKFAST : Slot.SATURDAY;
    }
    return Optional.ofNullable(slot);
  }

  /** The family, slot and kind words, for suggesting the nearest one to a typo. */
  public static Set<String> filterWords() {
    Set<String> words = new TreeSet<>(FAMILIES.keySet());
    words.addAll(SLOTS.keySet());
    words.addAll(KINDS.keySet());
    return words;
  }

  /** The known cities plus {@code extra}, as typed in the catalog. */
  static List<String> cities(Set<String> extra) {
    List<String> cities = new ArrayList<>(KNOWN_CITIES);
    cities.addAll(extra);
    return cities;
  }
}
