package org.networkeras.reminder;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.i18n.Messages;
import org.networkeras.rsvp.Rsvp;
import org.networkeras.rsvp.RsvpService;

/**
 * {@code /remind <ref> <offsets|off|default>}: the member's own reminders for one occurrence they
 * are going to or interested in ({@code /remind 42 30m}), overriding their defaults.
 */
public final class RemindCommand implements CommandHandler {

  private final ReminderService reminders;
  private final RsvpService rsvps;
  private final CatalogService catalog;
  private final CommandSpec spec;

  public RemindCommand(
      ReminderService reminders, RsvpService rsvps, CatalogService catalog, Messages messages) {
    this.reminders = Objects.requireNonNull(reminders, "reminders");
    this.rsvps = Objects.requireNonNull(rsvps, "rsvps");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.spec =
        CommandSpec.forMembers(
            "remind",
            LocalizedText.of(messages, "remind.description"),
            ParameterSpec.of(
                    "ref",
                    LocalizedText.of(messages, "event.param.ref"),
                    ParameterSpec.Type.WORD,
                    true)
                .withAutocomplete(ParameterSpec.Autocomplete.EVENT_REF),
            ParameterSpec.of(
                "offsets",
                LocalizedText.of(messages, "remind.param.offsets"),
                ParameterSpec.Type.TEXT,
                true));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    String typed = context.arguments().require("ref");
    Occurrence occurrence =
        catalog
            .occurrence(context.community(), EventRef.parse(typed), context.now())
            .orElseThrow(() -> EventRef.notFound(context, typed));
    Rsvp rsvp =
        rsvps
            .find(occurrence.ref(), context.command().user().key())
            .filter(r -> r.status().reminded())
            .orElseThrow(() -> new CommandException("remind.answer_first", occurrence.ref()));
    String value = context.arguments().require("offsets").strip().toLowerCase(Locale.ROOT);
    Optional<String> offsets =
        switch (value) {
          case "default", "défaut", "defaut", "reset" -> Optional.empty();
          case "off", "aucun", "none" -> Optional.of("off");
          default -> Optional.of(ReminderOffsets.format(ReminderOffsets.parse(value)));
        };
    Rsvp changed = reminders.remindFor(context.community(), occurrence, rsvp, offsets);
    List<ReminderService.Planned> planned =
        reminders.plan(context.community(), occurrence, changed);
    Reply.Builder reply = context.reply();
    reply.line(
        org.networkeras.chat.Line.text(
            context.text("remind.set", occurrence.event().title(), occurrence.ref())));
    MineCommand.reminderLine(context, planned).ifPresent(reply::line);
    return reply.privately().build();
  }
}
