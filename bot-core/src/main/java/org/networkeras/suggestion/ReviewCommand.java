package org.networkeras.suggestion;

import java.util.List;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.Family;
import org.networkeras.chat.Button;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.command.ButtonHandler;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.i18n.Messages;
import org.networkeras.settings.SettingsRepository;
import org.networkeras.settings.SettingsService;

/**
 * {@code /review}: the oldest pending suggestion as one card with its own Approve, Reject and Edit
 * ({@code rv:a|r|e:<id>}), the four families while it has none ({@code rv:f:<id>:<family>}), and
 * Next ({@code rv:n:<id>}) while others wait: each card's buttons are its own, never a row among
 * another suggestion's. Every press is checked against the presser's role here.
 */
public final class ReviewCommand implements CommandHandler, ButtonHandler {

  /** The most pending suggestions Next walks through; a longer queue restarts from the oldest. */
  static final int WALKED = 100;

  private final Moderation service;
  private final GuidedSuggestion guided;
  private final SettingsService settings;
  private final Messages messages;
  private final CommandSpec spec;

  public ReviewCommand(
      Moderation service, GuidedSuggestion guided, SettingsService settings, Messages messages) {
    this.service = service;
    this.guided = guided;
    this.settings = settings;
    this.messages = messages;
    this.spec =
        new CommandSpec(
            "review",
            LocalizedText.of(messages, "review.description"),
            List.of(),
            Role.MODERATOR,
            CommandSpec.Scope.ANYWHERE,
            false);
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public String prefix() {
    return "rv";
  }

  @Override
  public Reply handle(CommandContext context) {
    return cardAfter(-1, context);
  }

  /**
   * The card of the pending suggestion after {@code previous} in the queue (the oldest when {@code
   * previous} is no longer pending or was the last), with its position, or "none waiting".
   */
  private Reply cardAfter(long previous, CommandContext context) {
    List<Event> queue = service.queue(context.community(), WALKED);
    Reply.Builder reply = context.reply().privately();
    if (queue.isEmpty()) {
      return reply.line(Line.text(context.text("review.empty"))).build();
    }
    int index = 0;
    for (int i = 0; i < queue.size() - 1; i++) {
      if (queue.get(i).id() == previous) {
        index = i + 1;
      }
    }
    Event event = queue.get(index);
    long waiting = service.queueSize(context.community());
    reply.line(Line.text(context.text("review.header", waiting, index + 1)));
    card(reply, event, context);
    if (waiting > 1) {
      reply.buttonRow(Button.callback(context.text("review.next"), "rv:n:" + event.id()));
    }
    return reply.build();
  }

  /** A pending suggestion as a moderator reviews it: its summary, its author, its buttons. */
  private void card(Reply.Builder reply, Event event, CommandContext context) {
    reply.block(SuggestionText.summary(messages, context.language(), context.community(), event));
    String author =
        event.author() == null
            ? "?"
            : settings
                .member(context.community(), event.author())
                .map(SettingsRepository.Member::displayName)
                .orElse(event.author());
    reply.line(Piece.text(context.text("review.by") + " "), Piece.text(author));
    SuggestionText.reviewRows(messages, context.language(), event).forEach(reply::buttonRow);
  }

  @Override
  public Reply press(String payload, CommandContext context) {
    if (!context.role().atLeast(Role.MODERATOR)) {
      throw new CommandException("command.moderators_only");
    }
    String[] parts = payload.split(":", 3);
    long id;
    try {
      id = Long.parseLong(parts.length >= 2 ? parts[1] : "");
    } catch (NumberFormatException e) {
      throw new CommandException("button.unknown");
    }
    return switch (parts[0]) {
      case "n" -> cardAfter(id, context);
      case "f" -> {
        Family family;
        try {
          family = Family.fromKey(parts.length == 3 ? parts[2] : "");
        } catch (IllegalArgumentException e) {
          throw new CommandException("button.unknown");
        }
        Reply.Builder reply = context.reply().privately();
        reply.line(
            Line.text(
                context.text("review.family_picked", context.text("family." + family.key()))));
        card(reply, service.pickFamily(id, family, context), context);
        yield reply.build();
      }
      case "a" -> {
        Event published = service.approve(id, context);
        yield context
            .reply()
            .line(
                Piece.text(context.text("review.approved") + " "),
                Piece.bold(published.title()),
                Piece.text(" ("),
                Piece.eventRef(Long.toString(id)),
                Piece.text(")"))
            .privately()
            .build();
      }
      case "r" -> {
        service.event(context, id);
        yield guided.askReason(id, context);
      }
      case "e" -> {
        service.event(context, id);
        yield context
            .reply()
            .line(Line.text(context.text("review.edit_hint", Long.toString(id))))
            .privately()
            .build();
      }
      default -> throw new CommandException("button.unknown");
    };
  }

  static Reply rejectedReply(long id, CommandContext context) {
    return context
        .reply()
        .line(Line.text(context.text("review.rejected", Long.toString(id))))
        .privately()
        .build();
  }
}
