package org.networkeras.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One date of a recurring series that no longer follows the series' rule: cancelled (an RFC 5545
 * {@code EXDATE}) or overridden (a {@code RECURRENCE-ID}) with its own times, title or place. It is
 * named by its original date, so {@code 42-1203} keeps naming the 3 December date after it moved to
 * the 4th.
 *
 * @param seriesId the series
 * @param date the date's community-local day under the rule
 * @param cancelled whether this date is called off (it stays listed, marked cancelled)
 * @param start when this date starts
 * @param end when it ends, after {@code start}
 * @param title its title
 * @param city its city, or {@code null}
 * @param venue its venue, or {@code null}
 * @param updatedAt when it last changed
 */
public record SeriesDate(
    long seriesId,
    LocalDate date,
    boolean cancelled,
    Instant start,
    Instant end,
    String title,
    String city,
    String venue,
    Instant updatedAt) {

  public SeriesDate {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a date ends after it starts");
    }
  }

  /** The date of {@code occurrence} exactly as it stands, to be changed from there. */
  public static SeriesDate of(Occurrence occurrence, LocalDate date, Instant at) {
    Event event = occurrence.event();
    return new SeriesDate(
        event.id(),
        date,
        event.status() == EventStatus.CANCELLED,
        occurrence.start(),
        occurrence.end(),
        event.title(),
        event.city(),
        event.venue(),
        at);
  }

  /** This date, cancelled. */
  public SeriesDate cancel(Instant at) {
    return new SeriesDate(seriesId, date, true, start, end, title, city, venue, at);
  }

  /** This date with other times, title and place. */
  public SeriesDate with(
      Instant newStart,
      Instant newEnd,
      String newTitle,
      String newCity,
      String newVenue,
      Instant at) {
    return new SeriesDate(
        seriesId, date, cancelled, newStart, newEnd, newTitle, newCity, newVenue, at);
  }

  /**
   * A stored date says itself whether it is cancelled: a date of a cancelled series stored on its
   * own (a past date kept as it was when the series was cancelled from then on) is not.
   */
  private EventStatus status(EventStatus seriesStatus) {
    boolean listed = seriesStatus == EventStatus.PUBLISHED || seriesStatus == EventStatus.CANCELLED;
    if (!listed) {
      return seriesStatus;
    }
    return cancelled ? EventStatus.CANCELLED : EventStatus.PUBLISHED;
  }

  /** The occurrence this date is, of {@code series}. */
  public Occurrence occurrence(Event series) {
    Event dated =
        new Event(
            series.id(),
            series.communityId(),
            title,
            series.family(),
            series.slot(),
            city,
            venue,
            Objects.equals(venue, series.venue()) ? series.address() : null,
            series.start(),
            series.end(),
            series.description(),
            series.link(),
            series.organiser(),
            series.tags(),
            series.admission(),
            status(series.status()),
            series.source(),
            series.recurrence(),
            series.author(),
            series.createdAt(),
            updatedAt.isAfter(series.updatedAt()) ? updatedAt : series.updatedAt());
    return new Occurrence(dated, start, end, EventRef.of(seriesId, date));
  }
}
