package org.networkeras.time;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
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
 * list and the start a new event would get — so members can check before they suggest an event.
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
    Instant start = null;
    CommandException instantRefusal = null;
    try {
      start = resolver.instant(phrase, zone);
    } catch (CommandException e) {
      instantRefusal = e;
    }
    if (range == null && start == null) {
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
    if (start != null) {
      reply.line(
          Piece.text(context.text("when.instant") + " "), Piece.time(start, zone, TimeStyle.FULL));
    } else {
      reply.line(
          Line.text(
              context.text("when.no_instant")
                  + " "
                  + context.text(instantRefusal.messageKey(), instantRefusal.arguments())));
    }
    repeatWords(phrase, zone, context).ifPresent(reply::line);
    reply.line(Line.text(context.text("when.zone", zone.getId())));
    return reply.build();
  }

  /** How a repeat was understood, in words ("Repeats: every other Thursday, 19:00"). */
  private Optional<Line> repeatWords(String phrase, ZoneId zone, CommandContext context) {
    EventTime event;
    try {
      event = resolver.event(phrase, zone);
    } catch (CommandException e) {
      return Optional.empty();
    }
    if (!event.repeats()) {
      return Optional.empty();
    }
    return Optional.of(
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
}
