package org.networkeras.suggestion;

import java.util.List;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventRef;
import org.networkeras.chat.Line;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.i18n.Messages;

/**
 * {@code /edit <ref> <field> <value>}: moderators change any event; a member changes their own
 * suggestion while it waits for review.
 */
public final class EditCommand implements CommandHandler {

  static final List<String> FIELDS =
      List.of("title", "when", "where", "link", "description", "family");

  private final Edits service;
  private final Messages messages;
  private final CommandSpec spec;

  public EditCommand(Edits service, Messages messages) {
    this.service = service;
    this.messages = messages;
    this.spec =
        new CommandSpec(
            "edit",
            LocalizedText.of(messages, "edit.description"),
            List.of(
                ParameterSpec.of(
                    "ref",
                    LocalizedText.of(messages, "event.param.ref"),
                    ParameterSpec.Type.WORD,
                    true),
                new ParameterSpec(
                    "field",
                    LocalizedText.of(messages, "edit.param.field"),
                    ParameterSpec.Type.WORD,
                    true,
                    FIELDS.stream()
                        .map(
                            f ->
                                new ParameterSpec.Choice(
                                    f, LocalizedText.of(messages, "edit.field." + f)))
                        .toList(),
                    ParameterSpec.Autocomplete.NONE),
                ParameterSpec.of(
                    "value",
                    LocalizedText.of(messages, "edit.param.value"),
                    ParameterSpec.Type.TEXT,
                    true)),
            Role.MEMBER,
            CommandSpec.Scope.ANYWHERE,
            false);
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    long id = EventRef.parse(context.arguments().require("ref")).eventId();
    Event edited =
        service.edit(
            id,
            context.arguments().require("field"),
            context.arguments().require("value"),
            context);
    return context
        .reply()
        .line(Line.text(context.text("edit.done")))
        .block(SuggestionText.summary(messages, context.language(), context.community(), edited))
        .privately()
        .build();
  }
}
