package org.networkeras.suggestion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.Occurrence;
import org.networkeras.catalog.RepeatWords;
import org.networkeras.chat.Button;
import org.networkeras.chat.Line;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.chat.StateStore;
import org.networkeras.command.ButtonHandler;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.i18n.Messages;

/**
 * {@code /edit <ref> <field> <value>}: moderators change any event; a member changes their own
 * suggestion while it waits for review. On a published series, a date reference ({@code 42-1203})
 * changes that date only and keeps its reference after it moved; a series reference ({@code 42})
 * changes every date from the next one on. When a date reference is given a new weekday without a
 * calendar date ({@code /edit 42-1203 when friday 8pm}), which could mean the series, the bot asks
 * with two buttons: "this date" or "every date from this one".
 */
public final class EditCommand implements CommandHandler, ButtonHandler {

  private static final String PREFIX = "sx";

  /** Where a change waits while its author says which dates it means. */
  private static final String PENDING = "edit-dates:";

  /** How long the question waits for an answer. */
  private static final Duration ASKED_FOR = Duration.ofDays(1);

  static final List<String> FIELDS =
      List.of("title", "when", "where", "link", "description", "family");

  private final Edits service;
  private final Messages messages;
  private final StateStore state;
  private final CommandSpec spec;

  /**
   * @param state keeps a change whose dates are unclear until its author presses "this date" or
   *     "every date from this one"
   */
  public EditCommand(Edits service, Messages messages, StateStore state) {
    this.service = service;
    this.state = state;
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
    EventRef ref = EventRef.parse(context.arguments().require("ref"));
    String field = context.arguments().require("field");
    String value = context.arguments().require("value");
    if (service.couldMeanTheSeries(ref, field, value, context)) {
      return ask(ref, field, value, context);
    }
    return done(service.edit(ref, field, value, null, context), context);
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  /** A press of "this date" ({@code d:<key>}) or "every date from this one" ({@code s:<key>}). */
  @Override
  public Reply press(String payload, CommandContext context) {
    int colon = payload.indexOf(':');
    if (colon < 0) {
      throw new CommandException("edit.question_expired");
    }
    String key = PENDING + payload.substring(colon + 1);
    String[] pending =
        state.get(key).map(p -> p.split("\t", 4)).filter(p -> p.length == 4).orElse(null);
    if (pending == null
        || context
            .now()
            .isAfter(Instant.ofEpochMilli(Long.parseLong(pending[0])).plus(ASKED_FOR))) {
      state.remove(key);
      throw new CommandException("edit.question_expired");
    }
    Edits.Scope scope = payload.startsWith("s:") ? Edits.Scope.SERIES : Edits.Scope.DATE;
    Reply reply =
        done(
            service.edit(EventRef.parse(pending[1]), pending[2], pending[3], scope, context),
            context);
    state.remove(key);
    return reply;
  }

  /** Asks which dates a change means, keeping it until a button is pressed. */
  private Reply ask(EventRef ref, String field, String value, CommandContext context) {
    String id =
        Long.toString(context.now().toEpochMilli(), 36)
            + Integer.toString(
                Math.floorMod((context.command().user().key() + ref + value).hashCode(), 1_000_000),
                36);
    String text = context.arguments().require("ref").strip();
    state.put(
        PENDING + id,
        context.now().toEpochMilli() + "\t" + text + "\t" + field.strip() + "\t" + value.strip());
    return context
        .reply()
        .line(Line.text(context.text("edit.which_dates", text, value.strip())))
        .buttonRow(
            Button.callback(context.text("edit.this_date"), PREFIX + ":d:" + id),
            Button.callback(context.text("edit.every_date"), PREFIX + ":s:" + id))
        .privately()
        .build();
  }

  private Reply done(Edits.Edited edited, CommandContext context) {
    Reply.Builder reply = context.reply();
    Occurrence date = edited.occurrence();
    switch (edited.scope()) {
      case EVENT ->
          reply
              .line(Line.text(context.text("edit.done")))
              .block(
                  SuggestionText.summary(
                      messages, context.language(), context.community(), edited.event()));
      case DATE ->
          reply
              .line(Line.text(context.text("edit.date_done")))
              .block(
                  SuggestionText.summary(
                      messages,
                      context.language(),
                      context.community(),
                      date.event(),
                      date.start(),
                      date.end(),
                      date.ref()));
      case SERIES ->
          reply
              .line(
                  Line.text(
                      context.text(
                          "edit.series_done",
                          RepeatWords.rule(
                              messages,
                              context.language(),
                              edited.event().recurrence(),
                              date.start(),
                              context.community().zone()),
                          RepeatWords.day(
                              messages,
                              context.language(),
                              date.start().atZone(context.community().zone()).toLocalDate(),
                              context.now().atZone(context.community().zone()).toLocalDate()))))
              .block(
                  SuggestionText.summary(
                      messages,
                      context.language(),
                      context.community(),
                      edited.event(),
                      date.start(),
                      date.end(),
                      EventRef.of(edited.event().id())));
    }
    return reply.privately().build();
  }
}
