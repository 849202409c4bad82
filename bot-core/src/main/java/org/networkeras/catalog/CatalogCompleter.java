package org.networkeras.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.networkeras.chat.Choice;
import org.networkeras.command.Dispatcher;
import org.networkeras.command.ParameterSpec.Autocomplete;
import org.networkeras.command.Words;
import org.networkeras.community.Community;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.time.TimeRange;

/**
 * Completes the options whose spec asks the catalog: an event reference (the community's upcoming
 * events whose title words start as typed, labelled with their date), a city (those of the
 * community's upcoming events, and its default city) and a family. Thread-safe.
 */
public final class CatalogCompleter implements Dispatcher.Completer {

  /** How far ahead event references and cities are offered. */
  static final Duration AHEAD = Duration.ofDays(62);

  private static final int MAX = 25;
  private static final int MAX_LABEL = 100;

  private final CatalogService catalog;
  private final Messages messages;
  private final Clock clock;

  public CatalogCompleter(CatalogService catalog, Messages messages, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<Choice> complete(
      Autocomplete kind, String prefix, Community community, Language language) {
    return switch (kind) {
      case EVENT_REF -> events(prefix, community, language);
      case CITY -> cities(prefix, community);
      case FAMILY -> families(prefix, language);
      case NONE, COMMAND -> List.of();
    };
  }

  private List<Choice> events(String prefix, Community community, Language language) {
    Instant now = clock.instant();
    String typed = Words.fold(prefix.strip());
    List<String> typedWords = typed.isEmpty() ? List.of() : List.of(typed.split("\\s+"));
    DateTimeFormatter date =
        DateTimeFormatter.ofPattern("EEE d MMM HH:mm", language.locale())
            .withZone(community.zone());
    List<Choice> choices = new ArrayList<>();
    for (Occurrence occurrence :
        catalog.list(community, new TimeRange(now, now.plus(AHEAD)), EventFilter.ALL)) {
      if (occurrence.event().status() != EventStatus.PUBLISHED) {
        continue;
      }
      String title = occurrence.event().title();
      if (occurrence.ref().startsWith(typed) || matchesWords(title, typedWords)) {
        String label =
            date.format(occurrence.start()) + " · " + title + " (" + occurrence.ref() + ")";
        choices.add(new Choice(shortened(label), occurrence.ref()));
      }
      if (choices.size() == MAX) {
        break;
      }
    }
    return choices;
  }

  /** Whether every typed word starts one of the title's words. */
  private static boolean matchesWords(String title, List<String> typedWords) {
    List<String> words = Arrays.asList(Words.fold(title).split("[^\\p{L}\\p{N}]+"));
    return typedWords.stream().allMatch(t -> words.stream().anyMatch(w -> w.startsWith(t)));
  }

  private List<Choice> cities(String prefix, Community community) {
    Instant now = clock.instant();
    Set<String> cities = new LinkedHashSet<>();
    if (community.defaultCity() != null) {
      cities.add(community.defaultCity());
    }
    cities.addAll(catalog.cities(community, new TimeRange(now, now.plus(AHEAD))));
    String typed = Words.fold(prefix.strip());
    return cities.stream()
        .filter(city -> Words.fold(city).startsWith(typed))
        .limit(MAX)
        .map(city -> new Choice(shortened(city), city))
        .toList();
  }

  private List<Choice> families(String prefix, Language language) {
    String typed = Words.fold(prefix.strip());
    List<Choice> choices = new ArrayList<>();
    for (Family family : Family.values()) {
      String label = messages.get(language, "family." + family.key());
      if (Words.fold(label).startsWith(typed) || family.key().startsWith(typed)) {
        choices.add(new Choice(label, family.key()));
      }
    }
    return choices;
  }

  private static String shortened(String label) {
    return label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "…" : label;
  }
}
