package org.networkeras.catalog;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import org.networkeras.chat.Piece;
import org.networkeras.chat.TimeText;
import org.networkeras.command.CommandContext;
import org.networkeras.community.Community;
import org.networkeras.time.TimeRange;

/**
 * Where an empty listing points instead: the Monday-to-Sunday week of the next occurrence matching
 * the same filter after the period asked for. That week always holds an event the period did not,
 * so the suggestion is never the listing the member just got.
 *
 * @param next the next matching occurrence
 * @param week its week, from now at the earliest
 */
record NextPeriod(Occurrence next, TimeRange week) {

  /** How far past the period asked for a next event is looked for. */
  static final int WEEKS_AHEAD = 9;

  /** The next period with events after {@code asked}, looked for a week at a time. */
  static Optional<NextPeriod> after(
      CatalogService catalog,
      Community community,
      TimeRange asked,
      EventFilter filter,
      Instant now) {
    ZoneId zone = community.zone();
    Instant from = asked.end().isAfter(now) ? asked.end() : now;
    for (int week = 0; week < WEEKS_AHEAD; week++) {
      TimeRange span = new TimeRange(from, from.plus(Duration.ofDays(7)));
      List<Occurrence> found = catalog.list(community, span, filter);
      if (!found.isEmpty()) {
        Occurrence next = found.get(0);
        LocalDate monday =
            next.start()
                .atZone(zone)
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant start = monday.atStartOfDay(zone).toInstant();
        Instant end = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
        return Optional.of(
            new NextPeriod(next, new TimeRange(start.isAfter(now) ? start : now, end)));
      }
      from = span.end();
    }
    return Optional.empty();
  }

  /** The button's label: this week, next week, or the week of its Monday. */
  String label(CommandContext context) {
    ZoneId zone = context.community().zone();
    LocalDate thisMonday =
        context
            .now()
            .atZone(zone)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate monday = week.end().atZone(zone).toLocalDate().minusWeeks(1);
    if (monday.equals(thisMonday)) {
      return context.text("events.button.this_week");
    }
    if (monday.equals(thisMonday.plusWeeks(1))) {
      return context.text("events.button.next_week");
    }
    Piece.Time date =
        new Piece.Time(monday.atTime(12, 0).atZone(zone).toInstant(), zone, Piece.TimeStyle.DATE);
    return context.text(
        "events.button.week_of", TimeText.format(date, context.language().locale(), context.now()));
  }
}
