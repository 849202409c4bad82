package org.networkeras.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.networkeras.command.CommandException;

/**
 * Expands recurring series into occurrences with ical4j's RFC 5545 {@link Recur}. Occurrences keep
 * the series' local wall-clock start in the community's zone, so a weekly 19:00 stays 19:00 across
 * daylight-saving changes. Thread-safe.
 */
public final class Recurrences {

  /** The most dates a series may have. */
  public static final int MOST_DATES = 500;

  private static final Set<Frequency> SUB_DAILY =
      EnumSet.of(Frequency.SECONDLY, Frequency.MINUTELY, Frequency.HOURLY);

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
   * The rule to store for a series whose first date starts at {@code start} and whose phrase asked
   * for {@code wallTime}: the rule as is when {@code start} is at that time, else the rule pinned
   * to it with {@code BYHOUR} and {@code BYMINUTE}. The catalog expands a series from its first
   * start, so a first date in a spring daylight-saving gap (02:30 asked, 03:30 on that date) would
   * otherwise give 03:30 to every date; pinned, only the gap date moves, as RFC 5545 says. A pin
   * already in {@code rule} is replaced (a series moved to another time keeps no stale pin).
   *
   * @param wallTime the local time of day every date keeps, or {@code null}: {@code start}'s own
   * @param zone the community's zone, in which the rule is read
   */
  public static String seeded(String rule, Instant start, LocalTime wallTime, ZoneId zone) {
    if (rule == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder();
    for (String part : rule.split(";")) {
      if (!PIN.matcher(part).lookingAt()) {
        kept.append(kept.isEmpty() ? "" : ";").append(part);
      }
    }
    LocalTime startTime = start.atZone(zone).toLocalTime();
    if (wallTime != null && !wallTime.equals(startTime)) {
      kept.append(";BYHOUR=").append(wallTime.getHour());
      kept.append(";BYMINUTE=").append(wallTime.getMinute());
    }
    return kept.toString();
  }

  /**
   * The local time of day a series' dates start at under its rule: the time its rule pins ({@link
   * #seeded}), else its first start's.
   *
   * @param zone the community's zone, in which the rule is read
   */
  public static LocalTime timeOfDay(Event series, ZoneId zone) {
    LocalTime time = series.start().atZone(zone).toLocalTime();
    if (series.recurrence() == null) {
      return time;
    }
    Integer hour = null;
    int minute = time.getMinute();
    for (String part : series.recurrence().split(";")) {
      if (part.startsWith("BYHOUR=") && !part.contains(",")) {
        hour = Integer.valueOf(part.substring("BYHOUR=".length()));
      } else if (part.startsWith("BYMINUTE=") && !part.contains(",")) {
        minute = Integer.parseInt(part.substring("BYMINUTE=".length()));
      }
    }
    return hour == null ? time : LocalTime.of(hour, minute);
  }

  private static final Pattern PIN = Pattern.compile("BY(HOUR|MINUTE)=");

  /**
   * Checks that a new series' rule stays one a chat can hold: at most one date a day and at most
   * {@value #MOST_DATES} dates (counted up to its end, or over the year ahead when it has none).
   *
   * @param start the first date's start
   * @param zone the community's zone, in which the rule is read
   * @param phrase the member's words for the rule, quoted in a refusal
   * @throws CommandException {@code repeat.too_dense} or {@code repeat.too_many}, or {@code
   *     event.bad_recurrence} when ical4j cannot read the rule
   */
  public void checkSize(String rule, Instant start, ZoneId zone, String phrase) {
    Recur<ZonedDateTime> recur = parse(rule);
    if (SUB_DAILY.contains(recur.getFrequency())
        || recur.getHourList().size() > 1
        || recur.getMinuteList().size() > 1
        || recur.getSecondList().size() > 1) {
      throw new CommandException("repeat.too_dense", phrase);
    }
    ZonedDateTime seed = start.atZone(zone);
    boolean ends = recur.getCount() > 0 || recur.getUntil() != null;
    ZonedDateTime until = ends ? seed.plusYears(100) : seed.plusDays(366);
    List<ZonedDateTime> dates = recur.getDates(seed, seed, until, MOST_DATES + 1);
    if (dates.size() > MOST_DATES) {
      throw new CommandException("repeat.too_many", MOST_DATES, phrase);
    }
    Set<LocalDate> days = new HashSet<>();
    for (ZonedDateTime date : dates) {
      if (!days.add(date.withZoneSameInstant(zone).toLocalDate())) {
        throw new CommandException("repeat.too_dense", phrase);
      }
    }
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
