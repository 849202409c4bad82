package org.networkeras.time;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import org.networkeras.command.CommandException;

/**
 * Resolves English and French time phrases against now in a community's zone. Placeholder until the
 * full resolver lands: understands today, tonight, tomorrow and this week.
 */
public final class TimePhraseResolver {

  private final Clock clock;

  public TimePhraseResolver(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The range a phrase names, clipped to now. */
  public TimeRange range(String phrase, ZoneId zone) {
    ZonedDateTime now = clock.instant().atZone(zone);
    LocalDate today = now.toLocalDate();
    String p = phrase.strip().toLowerCase(Locale.ROOT);
    return switch (p) {
      case "today", "aujourd'hui" -> clip(now, today.atStartOfDay(zone), today.plusDays(1));
      case "tonight", "ce soir" -> clip(now, today.atTime(18, 0).atZone(zone), today.plusDays(1));
      case "tomorrow", "demain" ->
          clip(now, today.plusDays(1).atStartOfDay(zone), today.plusDays(2));
      case "this week", "cette semaine" ->
          clip(now, now, today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
      default -> throw new CommandException("time.unknown", phrase);
    };
  }

  /** The instant a phrase names, strictly in the future. */
  public Instant instant(String phrase, ZoneId zone) {
    throw new CommandException("time.unknown", phrase);
  }

  private static TimeRange clip(ZonedDateTime now, ZonedDateTime start, LocalDate endDay) {
    Instant from =
        start.toInstant().isBefore(now.toInstant()) ? now.toInstant() : start.toInstant();
    return new TimeRange(from, endDay.atStartOfDay(now.getZone()).toInstant());
  }
}
