package org.networkeras.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.networkeras.catalog.Recurrences;
import org.networkeras.catalog.RepeatWords;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Piece.TimeStyle;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.i18n.Messages;

/**
 * {@code /when <phrase>}: how the bot understands a time phrase — the range {@code /events} would
 * list, and the start and stated end a new event would get, or for a repeat its next four dates —
 * so members can check before they suggest an event.
 */
public final class WhenCommand implements CommandHandler {

  private final TimePhraseResolver resolver;
  private final CommandSpec spec;

  public WhenCommand(TimePhraseResolver resolver, Messages messages) {
    this.resolver = resolver;
    this.spec =
        CommandSpec.forMembers(
            "when",
            LocalizedText.of(messages, "when.description"),
            ParameterSpec.of(
                "phrase",
                LocalizedText.of(messages, "when.param.phrase"),
                ParameterSpec.Type.TEXT,
                true));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    String phrase = context.arguments().require("phrase");
    ZoneId zone = context.community().zone();
    TimeRange range = null;
    CommandException rangeRefusal = null;
    try {
      range = resolver.range(phrase, zone);
    } catch (CommandException e) {
      rangeRefusal = e;
    }
    EventTime event = null;
    CommandException eventRefusal = null;
    try {
      event = resolver.event(phrase, zone);
    } catch (CommandException e) {
      eventRefusal = e;
    }
    if (range == null && event == null) {
      throw rangeRefusal;
    }
    Reply.Builder reply = context.reply();
    reply.line(Piece.text(context.text("when.heading") + " "), Piece.bold(phrase));
    if (range != null) {
      reply.line(
          Piece.text(context.text("when.range") + " "),
          Piece.time(range.start(), zone, TimeStyle.FULL),
          Piece.text(" → "),
          Piece.time(range.end(), zone, TimeStyle.FULL));
    } else {
      reply.line(
          Line.text(
              context.text("when.no_range")
                  + " "
                  + context.text(rangeRefusal.messageKey(), rangeRefusal.arguments())));
    }
    if (event == null) {
      reply.line(
          Line.text(
              context.text("when.no_instant")
                  + " "
                  + context.text(eventRefusal.messageKey(), eventRefusal.arguments())));
    } else if (event.repeats()) {
      reply.line(
          Line.text(
              context.text("event.repeats")
                  + " "
                  + RepeatWords.describe(
                      context.messages(),
                      context.language(),
                      // as a series would be stored: the time said, even when the first date
                      // falls in a spring gap
                      Recurrences.seeded(event.recurrence(), event.start(), event.wallTime(), zone),
                      event.start(),
                      event.end(),
                      zone)));
      reply.line(Line.text(context.text("when.repeat")));
      Duration length = event.end() == null ? null : Duration.between(event.start(), event.end());
      for (Instant start : event.firstStarts()) {
        reply.line(timeAndEnd(Piece.text("· "), start, length, zone));
      }
    } else {
      Duration length = event.end() == null ? null : Duration.between(event.start(), event.end());
      reply.line(
          timeAndEnd(Piece.text(context.text("when.instant") + " "), event.start(), length, zone));
    }
    reply.line(Line.text(context.text("when.zone", zone.getId())));
    return reply.build();
  }

  /** {@code start}, and {@code → end} when the phrase states an end. */
  private static Line timeAndEnd(Piece before, Instant start, Duration length, ZoneId zone) {
    if (length == null) {
      return Line.of(before, Piece.time(start, zone, TimeStyle.FULL));
    }
    return Line.of(
        before,
        Piece.time(start, zone, TimeStyle.FULL),
        Piece.text(" → "),
        Piece.time(start.plus(length), zone, TimeStyle.FULL));
  }
}
