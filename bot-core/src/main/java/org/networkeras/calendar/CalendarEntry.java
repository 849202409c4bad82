package org.networkeras.calendar;

import java.net.URI;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.Occurrence;
import org.networkeras.catalog.SeriesDate;

/**
 * One entry of a calendar file: a single event, one date of a series on its own, or a whole series
 * with its rule and the dates that no longer follow it.
 *
 * @param occurrence what the entry shows: the event (a whole series: its first occurrence)
 * @param date for one date of a series on its own, the date's original day under the rule (it names
 *     the entry); otherwise {@code null}
 * @param changedDates for a whole series, its cancelled and overridden dates by original day;
 *     otherwise empty
 * @param sequence how many times the event was edited ({@code SEQUENCE})
 * @param url the event's page or link, or {@code null}
 */
public record CalendarEntry(
    Occurrence occurrence,
    LocalDate date,
    Map<LocalDate, SeriesDate> changedDates,
    int sequence,
    URI url) {

  public CalendarEntry {
    Objects.requireNonNull(occurrence, "occurrence");
    changedDates = Map.copyOf(changedDates);
    if (sequence < 0) {
      throw new IllegalArgumentException("a sequence is 0 or more, not " + sequence);
    }
    if (date != null && !occurrence.event().isSeries()) {
      throw new IllegalArgumentException("only a date of a series has a date");
    }
    if (!changedDates.isEmpty() && (date != null || !occurrence.event().isSeries())) {
      throw new IllegalArgumentException("only a whole series has changed dates");
    }
  }

  /**
   * The entry of one occurrence: a single event, or one date of a series on its own.
   *
   * @param zone the community's zone, in which the date of a series' occurrence is read
   */
  public static CalendarEntry of(Occurrence occurrence, ZoneId zone, int sequence, URI url) {
    if (!occurrence.event().isSeries()) {
      return new CalendarEntry(occurrence, null, Map.of(), sequence, url);
    }
    return new CalendarEntry(occurrence, originalDate(occurrence, zone), Map.of(), sequence, url);
  }

  /** The entry of a whole series, its rule and its changed dates. */
  public static CalendarEntry series(
      Event series, Map<LocalDate, SeriesDate> changedDates, int sequence, URI url) {
    if (!series.isSeries()) {
      throw new IllegalArgumentException("event " + series.id() + " is not a series");
    }
    Occurrence first =
        new Occurrence(series, series.start(), series.end(), EventRef.of(series.id()));
    return new CalendarEntry(first, null, changedDates, sequence, url);
  }

  /** Whether this entry is a whole series, written with its rule. */
  public boolean isWholeSeries() {
    return occurrence.event().isSeries() && date == null;
  }

  /**
   * The day a series' occurrence is named by: its reference's month and day, in the year that puts
   * it nearest its start (a date moved across New Year keeps its original year).
   */
  private static LocalDate originalDate(Occurrence occurrence, ZoneId zone) {
    LocalDate starts = occurrence.start().atZone(zone).toLocalDate();
    MonthDay day = EventRef.parse(occurrence.ref()).day();
    if (day == null) {
      return starts;
    }
    LocalDate best = null;
    for (int year = starts.getYear() - 1; year <= starts.getYear() + 1; year++) {
      if (!day.isValidYear(year)) {
        continue;
      }
      LocalDate candidate = day.atYear(year);
      if (best == null || distance(candidate, starts) < distance(best, starts)) {
        best = candidate;
      }
    }
    return best == null ? starts : best;
  }

  private static long distance(LocalDate a, LocalDate b) {
    return Math.abs(a.toEpochDay() - b.toEpochDay());
  }
}
