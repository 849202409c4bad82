package org.networkeras.reminder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.community.Community;
import org.networkeras.i18n.Messages;
import org.networkeras.rsvp.Rsvp;
import org.networkeras.rsvp.RsvpService;

/**
 * {@code /mine}: the member's upcoming events in this community (going, interested or waiting),
 * soonest first, each with when its reminders will go; a cancelled event or date is marked.
 */
public final class MineCommand implements CommandHandler {

  private static final int MAX_EVENTS = 15;

  private final ReminderService reminders;
  private final RsvpService rsvps;
  private final CommandSpec spec;

  public MineCommand(ReminderService reminders, RsvpService rsvps, Messages messages) {
    this.reminders = Objects.requireNonNull(reminders, "reminders");
    this.rsvps = Objects.requireNonNull(rsvps, "rsvps");
    this.spec = CommandSpec.forMembers("mine", LocalizedText.of(messages, "mine.description"));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  private record Entry(Occurrence occurrence, Rsvp rsvp) {}

  @Override
  public Reply handle(CommandContext context) {
    Community community = context.community();
    List<Entry> entries = new ArrayList<>();
    for (Rsvp rsvp : rsvps.forMember(community, context.command().user().key())) {
      if (rsvp.status() == Rsvp.Status.NOT_GOING) {
        continue;
      }
      reminders
          .occurrence(community, rsvp)
          .filter(o -> o.start().isAfter(context.now()))
          .ifPresent(o -> entries.add(new Entry(o, rsvp)));
    }
    entries.sort(Comparator.comparing((Entry e) -> e.occurrence().start()));
    Reply.Builder reply = context.reply();
    if (entries.isEmpty()) {
      return reply.line(Line.text(context.text("mine.empty"))).privately().build();
    }
    reply.line(Line.text(context.text("mine.title")));
    for (Entry entry : entries.subList(0, Math.min(MAX_EVENTS, entries.size()))) {
      Occurrence o = entry.occurrence();
      boolean cancelled = o.event().status() == EventStatus.CANCELLED;
      reply.line(
          Piece.text(cancelled ? context.text("event.cancelled_tag") + " " : ""),
          Piece.bold(o.event().title()),
          Piece.text(" · "),
          Piece.time(o.start(), community.zone(), Piece.TimeStyle.FULL),
          Piece.text(" · "),
          Piece.text(
              context.text("mine.status." + entry.rsvp().status().name().toLowerCase(Locale.ROOT))),
          Piece.text(" · "),
          Piece.eventRef(o.ref()));
      List<ReminderService.Planned> planned = reminders.plan(community, o, entry.rsvp());
      reply.line(
          reminderLine(context, planned)
              .orElse(Line.text("   " + context.text("mine.no_reminders"))));
    }
    return reply.privately().build();
  }

  /** "Reminders: <time>, <time>", or empty when none is planned. */
  static Optional<Line> reminderLine(
      CommandContext context, List<ReminderService.Planned> planned) {
    if (planned.isEmpty()) {
      return Optional.empty();
    }
    List<Piece> pieces = new ArrayList<>();
    pieces.add(Piece.text("   " + context.text("mine.reminders") + " "));
    for (int i = 0; i < planned.size(); i++) {
      if (i > 0) {
        pieces.add(Piece.text(", "));
      }
      pieces.add(Piece.time(planned.get(i).at(), context.community().zone(), Piece.TimeStyle.FULL));
    }
    return Optional.of(new Line(pieces));
  }
}
