package org.networkeras.catalog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.networkeras.chat.Block;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Piece.TimeStyle;
import org.networkeras.command.Words;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/**
 * Occurrences as {@code /events} lists them (one titled block per local day, one line per event),
 * for messages core sends on its own: the weekly agenda, subscription digests.
 */
public final class EventListing {

  private EventListing() {}

  /**
   * One block per day of {@code occurrences} in {@code zone}, titled with the date, in the order
   * given (start order is expected).
   *
   * @return no block when there is no occurrence
   */
  public static List<Block> byDay(
      Messages messages, Language language, List<Occurrence> occurrences, ZoneId zone) {
    List<Block> blocks = new ArrayList<>();
    LocalDate day = null;
    List<Line> lines = new ArrayList<>();
    for (Occurrence occurrence : occurrences) {
      LocalDate date = occurrence.start().atZone(zone).toLocalDate();
      if (!date.equals(day)) {
        if (day != null) {
          blocks.add(Block.titled(dayTitle(zone, day), lines));
          lines = new ArrayList<>();
        }
        day = date;
      }
      lines.add(EventText.listingLine(messages, language, occurrence, zone, false));
    }
    if (day != null) {
      blocks.add(Block.titled(dayTitle(zone, day), lines));
    }
    return blocks;
  }

  /**
   * {@code occurrences} (in start order) with, on each local day, those in {@code homeCity} first
   * (the community's home city, {@code /settings city}), each group keeping its start order.
   *
   * @param homeCity compared without case or accents; {@code null} keeps the start order
   */
  public static List<Occurrence> homeCityFirst(
      List<Occurrence> occurrences, String homeCity, ZoneId zone) {
    if (homeCity == null) {
      return occurrences;
    }
    String home = Words.fold(homeCity);
    List<Occurrence> sorted = new ArrayList<>(occurrences);
    sorted.sort(
        Comparator.comparing((Occurrence o) -> o.start().atZone(zone).toLocalDate())
            .thenComparing(
                o -> o.event().city() == null || !Words.fold(o.event().city()).equals(home)));
    return sorted;
  }

  /** One occurrence as a line of {@code /events}: time, title, family, place, ref. */
  public static Line line(
      Messages messages, Language language, Occurrence occurrence, ZoneId zone) {
    return EventText.listingLine(messages, language, occurrence, zone, false);
  }

  /**
   * An event as an occurrence: a single event itself, or the first date of a series (referred to by
   * that date in {@code zone}).
   */
  public static Occurrence first(Event event, ZoneId zone) {
    String ref =
        event.isSeries()
            ? EventRef.of(event.id(), event.start().atZone(zone).toLocalDate())
            : EventRef.of(event.id());
    return new Occurrence(event, event.start(), event.end(), ref);
  }

  static Line dayTitle(ZoneId zone, LocalDate day) {
    return Line.of(Piece.time(day.atTime(12, 0).atZone(zone).toInstant(), zone, TimeStyle.DATE));
  }
}
