package org.networkeras.suggestion;

import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.catalog.RepeatWords;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.i18n.Messages;

/**
 * {@code /cancel_event <ref>}: a moderator calls a published event off (it stays listed, marked
 * cancelled); a member withdraws their own pending suggestion. A date reference of a series ({@code
 * 42-1203}) calls off that date only.
 */
public final class CancelEventCommand implements CommandHandler {

  private final Edits service;
  private final CommandSpec spec;

  public CancelEventCommand(Edits service, Messages messages) {
    this.service = service;
    this.spec =
        CommandSpec.forMembers(
            "cancel_event",
            LocalizedText.of(messages, "cancel_event.description"),
            ParameterSpec.of(
                "ref",
                LocalizedText.of(messages, "event.param.ref"),
                ParameterSpec.Type.WORD,
                true));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    Edits.Edited cancelled =
        service.cancel(EventRef.parse(context.arguments().require("ref")), context);
    Event event = cancelled.event();
    if (cancelled.scope() == Edits.Scope.DATE) {
      Occurrence date = cancelled.occurrence();
      return context
          .reply()
          .line(
              Piece.text(context.text("cancel_event.date_cancelled") + " "),
              Piece.bold(date.event().title()),
              Piece.text(" · "),
              Piece.time(date.start(), context.community().zone(), Piece.TimeStyle.FULL),
              Piece.text(" ("),
              Piece.eventRef(date.ref()),
              Piece.text(")"))
          .privately()
          .build();
    }
    if (event.isSeries() && event.status() == EventStatus.CANCELLED) {
      java.time.LocalDate today = context.now().atZone(context.community().zone()).toLocalDate();
      return context
          .reply()
          .line(
              Piece.text(
                  context.text(
                          "cancel_event.series_cancelled",
                          RepeatWords.day(context.messages(), context.language(), today, today))
                      + " "),
              Piece.bold(event.title()),
              Piece.text(" ("),
              Piece.eventRef(Long.toString(event.id())),
              Piece.text(")"))
          .privately()
          .build();
    }
    String key =
        event.status() == EventStatus.CANCELLED
            ? "cancel_event.cancelled"
            : "cancel_event.withdrawn";
    return context
        .reply()
        .line(
            Piece.text(context.text(key) + " "),
            Piece.bold(event.title()),
            Piece.text(" ("),
            Piece.eventRef(Long.toString(event.id())),
            Piece.text(")"))
        .privately()
        .build();
  }
}
