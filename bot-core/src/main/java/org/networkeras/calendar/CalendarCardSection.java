package org.networkeras.calendar;

import java.util.Objects;
import org.networkeras.catalog.CardSection;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.Button;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.command.ButtonHandler;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;

/**
 * The "Add to calendar" button under an event card (token {@code ics:<ref>}), which it also
 * answers: privately, with the {@code .ics} file of the event or the date attached. A pending
 * suggestion has no button and no file.
 */
public final class CalendarCardSection implements CardSection, ButtonHandler {

  private final CalendarService calendars;
  private final CatalogService catalog;

  public CalendarCardSection(CalendarService calendars, CatalogService catalog) {
    this.calendars = Objects.requireNonNull(calendars, "calendars");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  @Override
  public void addTo(Reply.Builder reply, CommandContext context, Occurrence occurrence) {
    if (listed(occurrence)) {
      reply.buttonRow(
          Button.callback(context.text("calendar.button.add"), prefix() + ":" + occurrence.ref()));
    }
  }

  @Override
  public String prefix() {
    return "ics";
  }

  @Override
  public Reply press(String payload, CommandContext context) {
    Occurrence occurrence =
        catalog
            .occurrence(context.community(), EventRef.parse(payload), context.now())
            .filter(CalendarCardSection::listed)
            .orElseThrow(() -> new CommandException("event.not_found", payload.strip()));
    return context
        .reply()
        .line(
            Piece.text(context.text("calendar.file") + " "),
            Piece.bold(occurrence.event().title()),
            Piece.text(" ("),
            Piece.eventRef(occurrence.ref()),
            Piece.text(")"))
        .attachment(calendars.file(context.community(), occurrence))
        .privately()
        .build();
  }

  private static boolean listed(Occurrence occurrence) {
    EventStatus status = occurrence.event().status();
    return status == EventStatus.PUBLISHED || status == EventStatus.CANCELLED;
  }
}
