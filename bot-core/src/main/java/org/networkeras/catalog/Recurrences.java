package org.networkeras.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
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
   * The occurrences of {@code series} that start in {@code [from, to)}, in order.
   *
   * @param zone the community's zone, in which the rule is read
   */
  public List<Occurrence> between(Event series, ZoneId zone, Instant from, Instant to) {
    if (!from.isBefore(to) || !series.start().isBefore(to)) {
      return List.of();
    }
    Recur<ZonedDateTime> rule = parse(series.recurrence());
    ZonedDateTime seed = series.start().atZone(zone);
    Duration length = Duration.between(series.start(), series.end());
    List<ZonedDateTime> dates = rule.getDates(seed, from.atZone(zone), to.atZone(zone));
    List<Occurrence> occurrences = new ArrayList<>(dates.size());
    for (ZonedDateTime date : dates) {
      Instant start = date.toInstant();
      if (!start.isBefore(from) && start.isBefore(to)) {
        occurrences.add(
            new Occurrence(
                series,
                start,
                start.plus(length),
                EventRef.of(series.id(), date.withZoneSameInstant(zone).toLocalDate())));
      }
    }
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
