package org.networkeras.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Recur;
import org.networkeras.command.CommandException;

/**
 * Expands recurring series into occurrences with ical4j's RFC 5545 {@link Recur}. Occurrences keep
 * the series' local wall-clock start in the community's zone, so a weekly 19:00 stays 19:00 across
 * daylight-saving changes. Thread-safe.
 */
public final class Recurrences {

  /** Parsed rules by text: a catalog repeats a few rule texts many times. */
  private final Cache<String, Recur<ZonedDateTime>> rules =
      Caffeine.newBuilder().maximumSize(1_000).build();

  /**
   * The occurrences of {@code series} that start in {@code [from, to)}, in order, as its rule makes
   * them.
   *
   * @param zone the community's zone, in which the rule is read
   */
  public List<Occurrence> between(Event series, ZoneId zone, Instant from, Instant to) {
    return between(series, zone, from, to, Map.of());
  }

  /**
   * The occurrences of {@code series} that start in {@code [from, to)}, in order: its rule's dates,
   * each replaced by its changed date when it has one ({@code dates}, by original date). A changed
   * date is listed where it now starts, cancelled ones marked {@link EventStatus#CANCELLED}.
   *
   * @param zone the community's zone, in which the rule is read
   */
  public List<Occurrence> between(
      Event series, ZoneId zone, Instant from, Instant to, Map<LocalDate, SeriesDate> dates) {
    if (!from.isBefore(to)) {
      return List.of();
    }
    List<Occurrence> occurrences = new ArrayList<>();
    if (series.start().isBefore(to)) {
      Recur<ZonedDateTime> rule = parse(series.recurrence());
      ZonedDateTime seed = series.start().atZone(zone);
      Duration length = Duration.between(series.start(), series.end());
      for (ZonedDateTime date : rule.getDates(seed, from.atZone(zone), to.atZone(zone))) {
        Instant start = date.toInstant();
        LocalDate day = date.withZoneSameInstant(zone).toLocalDate();
        if (!start.isBefore(from) && start.isBefore(to) && !dates.containsKey(day)) {
          occurrences.add(
              new Occurrence(series, start, start.plus(length), EventRef.of(series.id(), day)));
        }
      }
    }
    for (SeriesDate date : dates.values()) {
      if (!date.start().isBefore(from) && date.start().isBefore(to)) {
        occurrences.add(date.occurrence(series));
      }
    }
    occurrences.sort(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::ref));
    return occurrences;
  }

  /**
   * Checks a rule ({@code FREQ=WEEKLY;BYDAY=TH}).
   *
   * @throws CommandException {@code event.bad_recurrence} when ical4j cannot read it
   */
  public Recur<ZonedDateTime> parse(String rule) {
    Recur<ZonedDateTime> parsed = rules.getIfPresent(rule);
    if (parsed == null) {
      try {
        parsed = new Recur<>(rule);
      } catch (RuntimeException e) {
        throw new CommandException("event.bad_recurrence", rule);
      }
      rules.put(rule, parsed);
    }
    return parsed;
  }
}
