package org.networkeras.rsvp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.networkeras.catalog.CardSection;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.Button;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.command.ButtonHandler;
import org.networkeras.command.CommandContext;

/**
 * The RSVP part of an event card: the counts, who is going among the members who chose to be
 * visible, and the Going / Interested / Not going buttons (tokens {@code rsvp:g:<ref>}, {@code
 * rsvp:i:<ref>}, {@code rsvp:n:<ref>}), which it also answers.
 */
public final class RsvpCardSection implements CardSection, ButtonHandler {

  private final RsvpService rsvps;
  private final CatalogService catalog;

  public RsvpCardSection(RsvpService rsvps, CatalogService catalog) {
    this.rsvps = Objects.requireNonNull(rsvps, "rsvps");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  @Override
  public void addTo(Reply.Builder reply, CommandContext context, Occurrence occurrence) {
    if (occurrence.event().status() != EventStatus.PUBLISHED) {
      return;
    }
    countsLines(context, rsvps.counts(context.community(), occurrence)).forEach(reply::line);
    if (occurrence.start().isAfter(context.now())) {
      String ref = occurrence.ref();
      reply.buttonRow(
          Button.callback(context.text("rsvp.button.going"), "rsvp:g:" + ref),
          Button.callback(context.text("rsvp.button.interested"), "rsvp:i:" + ref),
          Button.callback(context.text("rsvp.button.not_going"), "rsvp:n:" + ref));
    }
  }

  @Override
  public String prefix() {
    return "rsvp";
  }

  @Override
  public Reply press(String payload, CommandContext context) {
    int colon = payload.indexOf(':');
    String ref = colon < 0 ? "" : payload.substring(colon + 1);
    Rsvp.Status status =
        switch (colon < 0 ? "" : payload.substring(0, colon)) {
          case "g" -> Rsvp.Status.GOING;
          case "i" -> Rsvp.Status.INTERESTED;
          case "n" -> Rsvp.Status.NOT_GOING;
          default -> throw new IllegalArgumentException("unknown RSVP button " + payload);
        };
    Occurrence occurrence = RsvpCommand.occurrence(catalog, context, ref);
    return RsvpCommand.answer(rsvps, context, occurrence, status, 0);
  }

  /** The count lines a card and an answer show. */
  static List<Line> countsLines(CommandContext context, RsvpService.Counts counts) {
    List<Line> lines = new ArrayList<>();
    String going =
        counts.guests() > 0
            ? context.text("rsvp.counts.going_guests", counts.going(), counts.guests())
            : context.text("rsvp.counts.going", counts.going());
    String line = going + " · " + context.text("rsvp.counts.interested", counts.interested());
    if (counts.seats().isPresent()) {
      line +=
          " · "
              + context.text(
                  "rsvp.counts.seats", counts.going() + counts.guests(), counts.seats().get());
    }
    if (counts.waiting() > 0) {
      line += " · " + context.text("rsvp.counts.waiting", counts.waiting());
    }
    lines.add(Line.text(line));
    if (!counts.visibleGoing().isEmpty()) {
      lines.add(
          Line.of(
              Piece.text(context.text("rsvp.counts.who") + " "),
              Piece.text(String.join(", ", counts.visibleGoing()))));
    }
    return lines;
  }
}
