package org.networkeras.catalog;

import java.net.URI;
import java.util.List;
import org.networkeras.chat.Button;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.command.ButtonHandler;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.community.Community;
import org.networkeras.i18n.Messages;

/**
 * {@code /event <ref>}: the full card of an event or occurrence. Also answers the card buttons
 * ({@code evc:<ref>}) and suggests references while a member types one.
 */
public final class EventCommand implements CommandHandler, ButtonHandler {

  private static final int NEXT_DATES = 3;

  private final CatalogService catalog;
  private final java.time.Clock clock;
  private final CommandSpec spec;
  private final CardSection section;

  public EventCommand(CatalogService catalog, Messages messages, java.time.Clock clock) {
    this(catalog, messages, clock, CardSection.NONE);
  }

  /** As the plain command, with {@code section} added below each card. */
  public EventCommand(
      CatalogService catalog, Messages messages, java.time.Clock clock, CardSection section) {
    this.catalog = catalog;
    this.clock = clock;
    this.section = java.util.Objects.requireNonNull(section, "section");
    this.spec =
        CommandSpec.forMembers(
            "event",
            LocalizedText.of(messages, "event.description"),
            ParameterSpec.of(
                    "ref",
                    LocalizedText.of(messages, "event.param.ref"),
                    ParameterSpec.Type.WORD,
                    true)
                .withAutocomplete(ParameterSpec.Autocomplete.EVENT_REF));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public String prefix() {
    return "evc";
  }

  @Override
  public Reply handle(CommandContext context) {
    return card(context, context.arguments().require("ref"));
  }

  @Override
  public Reply press(String payload, CommandContext context) {
    return card(context, payload);
  }

  private Reply card(CommandContext context, String typed) {
    EventRef ref = EventRef.parse(typed);
    Community community = context.community();
    Occurrence occurrence =
        catalog
            .occurrence(community, ref, context.now())
            .orElseThrow(() -> EventRef.notFound(context, typed));
    Event event = occurrence.event();
    if (event.status() == EventStatus.SUGGESTED || event.status() == EventStatus.REJECTED) {
      if (!context.role().atLeast(Role.MODERATOR)) {
        throw EventRef.notFound(context, typed);
      }
    }
    List<Occurrence> next =
        event.isSeries()
            ? catalog.upcoming(event, community.zone(), context.now(), NEXT_DATES)
            : List.of();
    Reply.Builder reply = context.reply();
    reply.block(EventText.card(context, occurrence, community.zone(), next));
    if (event.link() != null) {
      reply.buttonRow(Button.link(context.text("event.open_link"), URI.create(event.link())));
    }
    section.addTo(reply, context, occurrence);
    return reply.build();
  }
}
