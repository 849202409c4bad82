package org.networkeras.rsvp;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.Line;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.Words;
import org.networkeras.i18n.Messages;

/**
 * {@code /capacity <ref> <seats|off> [guests]} (moderators): an event's seats, counting members
 * going and their guests, and how many guests a member may bring (default {@value
 * Capacity#DEFAULT_GUEST_LIMIT}). Rules apply to every date of a series; freed seats go at once to
 * those waiting for the named occurrence.
 */
public final class CapacityCommand implements CommandHandler {

  private static final int MAX_SEATS = 100_000;
  private static final int MAX_GUESTS = 20;

  /** The words for "no seat limit", in English and French. */
  private static final Set<String> NO_LIMIT =
      Set.of("off", "none", "unlimited", "-", "aucune", "aucun", "illimite", "sans", "desactive");

  private final RsvpService rsvps;
  private final CatalogService catalog;
  private final CommandSpec spec;

  public CapacityCommand(RsvpService rsvps, CatalogService catalog, Messages messages) {
    this.rsvps = Objects.requireNonNull(rsvps, "rsvps");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.spec =
        new CommandSpec(
            "capacity",
            LocalizedText.of(messages, "capacity.description"),
            java.util.List.of(
                ParameterSpec.of(
                        "ref",
                        LocalizedText.of(messages, "event.param.ref"),
                        ParameterSpec.Type.WORD,
                        true)
                    .withAutocomplete(ParameterSpec.Autocomplete.EVENT_REF),
                ParameterSpec.of(
                    "seats",
                    LocalizedText.of(messages, "capacity.param.seats"),
                    ParameterSpec.Type.WORD,
                    true),
                ParameterSpec.of(
                    "guests",
                    LocalizedText.of(messages, "capacity.param.guests"),
                    ParameterSpec.Type.INTEGER,
                    false)),
            Role.MODERATOR,
            CommandSpec.Scope.GROUP_ONLY,
            false);
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    if (!context.role().atLeast(Role.MODERATOR)) {
      throw new CommandException("command.moderators_only");
    }
    Occurrence occurrence =
        RsvpCommand.occurrence(catalog, context, context.arguments().require("ref"));
    String typed = context.arguments().require("seats").strip().toLowerCase(Locale.ROOT);
    Optional<Integer> seats;
    if (NO_LIMIT.contains(Words.fold(typed))) {
      seats = Optional.empty();
    } else if (typed.matches("[0-9]+") && new BigInteger(typed).signum() > 0) {
      if (new BigInteger(typed).compareTo(BigInteger.valueOf(MAX_SEATS)) > 0) {
        throw new CommandException("capacity.too_many_seats", typed, MAX_SEATS);
      }
      seats = Optional.of(Integer.parseInt(typed));
    } else {
      throw new CommandException("capacity.bad_seats", typed, MAX_SEATS);
    }
    Capacity current = rsvps.capacity(occurrence.event().id());
    int guests = current.guestLimit();
    Optional<String> typedGuests = context.arguments().get("guests");
    if (typedGuests.isPresent()) {
      String g = typedGuests.get().strip();
      if (!g.matches("[0-9]{1,2}") || Integer.parseInt(g) > MAX_GUESTS) {
        throw new CommandException("capacity.bad_guests", g, MAX_GUESTS);
      }
      guests = Integer.parseInt(g);
    }
    rsvps.setCapacity(context.community(), occurrence, new Capacity(seats, guests));
    String text =
        seats.isPresent()
            ? context.text("capacity.set", occurrence.event().title(), seats.get(), guests)
            : context.text("capacity.unlimited", occurrence.event().title(), guests);
    return context.reply().line(Line.text(text)).privately().build();
  }
}
