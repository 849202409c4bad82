package org.networkeras.catalog;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.networkeras.chat.Block;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Piece.TimeStyle;
import org.networkeras.command.CommandContext;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/** How events read in replies: one line in a listing, a full card. */
final class EventText {

  private static final String SEP = " · ";

  private EventText() {}

  /** The families as fixed choices of a command parameter. */
  static List<ParameterSpec.Choice> familyChoices(Messages messages) {
    return Arrays.stream(Family.values())
        .map(
            f -> new ParameterSpec.Choice(f.key(), LocalizedText.of(messages, "family." + f.key())))
        .toList();
  }

  static String familyLabel(CommandContext context, Family family) {
    return context.text(family == null ? "family.none" : "family." + family.key());
  }

  static String slotLabel(CommandContext context, Slot slot) {
    return context.text("slot." + slot.key());
  }

  /**
   * {@code 19:00 · Title · Networking · Paris, Venue · 42-1127}, with {@code [now]} before the
   * title when it is under way at the command's moment.
   */
  static Line listingLine(CommandContext context, Occurrence occurrence, ZoneId zone) {
    return listingLine(
        context.messages(),
        context.language(),
        occurrence,
        zone,
        isUnderWay(occurrence, context.now()));
  }

  /** Whether an occurrence has started and not ended at {@code now}. */
  static boolean isUnderWay(Occurrence occurrence, Instant now) {
    return !occurrence.start().isAfter(now) && occurrence.end().isAfter(now);
  }

  /**
   * As {@link #listingLine(CommandContext, Occurrence, ZoneId)}, outside any command.
   *
   * @param underWay whether to mark it as under way (never for a cancelled one)
   */
  static Line listingLine(
      Messages messages, Language language, Occurrence occurrence, ZoneId zone, boolean underWay) {
    Event event = occurrence.event();
    List<Piece> pieces = new ArrayList<>();
    pieces.add(Piece.time(occurrence.start(), zone, TimeStyle.TIME));
    pieces.add(Piece.text(SEP));
    if (event.status() == EventStatus.CANCELLED) {
      pieces.add(Piece.text(messages.get(language, "event.cancelled_tag") + " "));
    } else if (underWay) {
      pieces.add(Piece.text(messages.get(language, "event.now_tag") + " "));
    }
    pieces.add(Piece.bold(event.title()));
    if (event.family() != null) {
      pieces.add(Piece.text(SEP + messages.get(language, "family." + event.family().key())));
    }
    String place = place(event.city(), event.venue(), null);
    if (!place.isEmpty()) {
      pieces.add(Piece.text(SEP + place));
    }
    pieces.add(Piece.text(SEP));
    pieces.add(Piece.eventRef(occurrence.ref()));
    return new Line(pieces);
  }

  /** The full card of an occurrence. */
  static Block card(
      CommandContext context, Occurrence occurrence, ZoneId zone, List<Occurrence> nextDates) {
    Event event = occurrence.event();
    List<Line> lines = new ArrayList<>();
    if (event.status() != EventStatus.PUBLISHED) {
      lines.add(Line.text(context.text("event.status." + event.status().key())));
    }
    lines.add(
        Line.of(
            Piece.text(context.text("event.when") + " "),
            Piece.time(occurrence.start(), zone, TimeStyle.FULL),
            Piece.text(" – "),
            Piece.endTime(occurrence.start(), occurrence.end(), zone)));
    if (event.isSeries()) {
      lines.add(
          Line.text(
              context.text("event.repeats")
                  + " "
                  + RepeatWords.describe(
                      context.messages(),
                      context.language(),
                      event.recurrence(),
                      event.start(),
                      event.end(),
                      zone)));
    }
    lines.add(
        Line.text(
            context.text("event.kind")
                + " "
                + familyLabel(context, event.family())
                + SEP
                + slotLabel(context, event.slot())));
    String place = place(event.city(), event.venue(), event.address());
    if (!place.isEmpty()) {
      lines.add(Line.of(Piece.text(context.text("event.where") + " "), Piece.text(place)));
    }
    if (event.organiser() != null) {
      lines.add(
          Line.of(
              Piece.text(context.text("event.organiser") + " "), Piece.text(event.organiser())));
    }
    switch (event.admission()) {
      case FREE -> lines.add(Line.text(context.text("event.free")));
      case PAID -> lines.add(Line.text(context.text("event.paid")));
      case UNKNOWN -> {} // a suggestion does not say: better nothing than a wrong "paid"
    }
    if (!event.tags().isEmpty()) {
      lines.add(
          Line.of(
              Piece.text(context.text("event.tags") + " "),
              Piece.text(String.join(", ", event.tags()))));
    }
    if (event.description() != null) {
      lines.add(Line.of(Piece.text(event.description())));
    }
    if (event.link() != null) {
      lines.add(
          Line.of(
              Piece.text(context.text("event.link") + " "),
              Piece.link(event.link(), URI.create(event.link()))));
    }
    if (event.isSeries() && !nextDates.isEmpty()) {
      List<Piece> pieces = new ArrayList<>();
      pieces.add(Piece.text(context.text("event.next_dates") + " "));
      for (int i = 0; i < nextDates.size(); i++) {
        if (i > 0) {
          pieces.add(Piece.text(", "));
        }
        pieces.add(Piece.time(nextDates.get(i).start(), zone, TimeStyle.DATE));
        pieces.add(Piece.text(" ("));
        pieces.add(Piece.eventRef(nextDates.get(i).ref()));
        pieces.add(Piece.text(")"));
      }
      lines.add(new Line(pieces));
    }
    if ("sample".equals(event.source())) {
      lines.add(Line.text(context.text("event.sample_note")));
    }
    lines.add(
        Line.of(Piece.text(context.text("event.ref") + " "), Piece.eventRef(occurrence.ref())));
    return Block.titled(Line.of(Piece.bold(event.title())), lines);
  }

  private static String place(String city, String venue, String address) {
    List<String> parts = new ArrayList<>();
    if (venue != null) {
      parts.add(venue);
    }
    if (address != null) {
      parts.add(address);
    }
    if (city != null) {
      parts.add(city);
    }
    return String.join(", ", parts);
  }
}
