package org.networkeras.rsvp;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.i18n.Messages;

/**
 * {@code /going <ref> [+guests]}, {@code /interested <ref>}, {@code /notgoing <ref>}: a member's
 * answer to an event occurrence (a series date has its own ref, {@code 42-1127}; a bare series ref
 * names its next date). The same answers come from the buttons under each card ({@link
 * RsvpCardSection}).
 */
public final class RsvpCommand implements CommandHandler {

  private final RsvpService rsvps;
  private final CatalogService catalog;
  private final Rsvp.Status status;
  private final CommandSpec spec;

  public RsvpCommand(
      RsvpService rsvps, CatalogService catalog, Messages messages, Rsvp.Status status) {
    this.rsvps = Objects.requireNonNull(rsvps, "rsvps");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.status = Objects.requireNonNull(status, "status");
    ParameterSpec ref =
        ParameterSpec.of(
                "ref", LocalizedText.of(messages, "event.param.ref"), ParameterSpec.Type.WORD, true)
            .withAutocomplete(ParameterSpec.Autocomplete.EVENT_REF);
    String name = name(status);
    this.spec =
        status == Rsvp.Status.GOING
            ? CommandSpec.forMembers(
                name,
                LocalizedText.of(messages, "rsvp.going.description"),
                ref,
                ParameterSpec.of(
                    "guests",
                    LocalizedText.of(messages, "rsvp.param.guests"),
                    ParameterSpec.Type.WORD,
                    false))
            : CommandSpec.forMembers(
                name, LocalizedText.of(messages, "rsvp." + name + ".description"), ref);
  }

  static String name(Rsvp.Status status) {
    return switch (status) {
      case GOING -> "going";
      case INTERESTED -> "interested";
      case NOT_GOING -> "notgoing";
      case WAITING -> throw new IllegalArgumentException("nobody asks to wait");
    };
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    Occurrence occurrence = occurrence(catalog, context, context.arguments().require("ref"));
    int guests = guests(context.arguments().get("guests"));
    return answer(rsvps, context, occurrence, status, guests);
  }

  /** The occurrence a typed ref names, or a private "no such event". */
  static Occurrence occurrence(CatalogService catalog, CommandContext context, String typed) {
    return catalog
        .occurrence(context.community(), EventRef.parse(typed), context.now())
        .filter(
            o ->
                o.event().status() == EventStatus.PUBLISHED
                    || o.event().status() == EventStatus.CANCELLED)
        .orElseThrow(() -> EventRef.notFound(context, typed));
  }

  /** Records an answer and says privately what became of it, with the counts. */
  static Reply answer(
      RsvpService rsvps,
      CommandContext context,
      Occurrence occurrence,
      Rsvp.Status status,
      int guests) {
    Rsvp rsvp =
        rsvps.answer(
            context.community(),
            occurrence,
            context.command().user(),
            context.command().conversation(),
            context.language(),
            status,
            guests);
    String key = "rsvp.answered." + rsvp.status().name().toLowerCase(Locale.ROOT);
    Reply.Builder reply = context.reply();
    reply.line(
        Piece.text(context.text(key) + " "),
        Piece.bold(occurrence.event().title()),
        Piece.text(" ("),
        Piece.eventRef(occurrence.ref()),
        Piece.text(")"));
    if (rsvp.guests() > 0) {
      reply.line(Piece.text(context.text("rsvp.with_guests", rsvp.guests())));
    }
    RsvpCardSection.countsLines(context, rsvps.counts(context.community(), occurrence))
        .forEach(reply::line);
    return reply.privately().build();
  }

  private static int guests(Optional<String> typed) {
    if (typed.isEmpty() || typed.get().isBlank()) {
      return 0;
    }
    String digits = typed.get().strip();
    if (digits.startsWith("+")) {
      digits = digits.substring(1);
    }
    if (!digits.matches("[0-9]{1,2}")) {
      throw new CommandException("rsvp.bad_guests", typed.get().strip());
    }
    return Integer.parseInt(digits);
  }
}
