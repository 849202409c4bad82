package org.networkeras.suggestion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.chat.Button;
import org.networkeras.chat.Line;
import org.networkeras.chat.Reply;
import org.networkeras.command.ButtonHandler;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.i18n.Messages;

/**
 * {@code /suggest <title> | <when> | <where> [| <link> [| <description>]]} (separators {@code |} or
 * new lines), or {@code /suggest} alone: a form where the platform has them, a guided conversation
 * elsewhere. Also answers the buttons of a held draft ({@code sg:<draft>:<answer>}) and the
 * author's family pick for a stored suggestion ({@code sg:fam:<event id>:<family>}).
 */
public final class SuggestCommand implements CommandHandler, ButtonHandler {

  /** The start of the tokens by which an author picks the family of a stored suggestion. */
  private static final String FAMILY_ANSWER = "sg:fam:";

  private final SuggestionService service;
  private final Moderation moderation;
  private final GuidedSuggestion guided;
  private final Messages messages;
  private final CommandSpec spec;

  public SuggestCommand(
      SuggestionService service,
      Moderation moderation,
      GuidedSuggestion guided,
      Messages messages) {
    this.service = service;
    this.moderation = moderation;
    this.guided = guided;
    this.messages = messages;
    this.spec =
        CommandSpec.forMembers(
            "suggest",
            LocalizedText.of(messages, "suggest.description"),
            ParameterSpec.of(
                "details",
                LocalizedText.of(messages, "suggest.param.details"),
                ParameterSpec.Type.TEXT,
                false));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public String prefix() {
    return "sg";
  }

  @Override
  public Reply handle(CommandContext context) {
    String details = context.arguments().get("details").orElse("").strip();
    if (details.isEmpty()) {
      service.checkLimits(context);
      if (context.capabilities().forms()) {
        return context.reply().form(GuidedSuggestion.form(context)).privately().build();
      }
      return guided.start(context, null);
    }
    List<String> parts = Arrays.stream(details.split("[|\\n]", -1)).map(String::strip).toList();
    if (parts.size() == 1) {
      return guided.start(context, SuggestionRules.title(parts.get(0)));
    }
    if (parts.size() < 3 || parts.size() > 5) {
      throw new CommandException("suggest.usage");
    }
    Draft draft =
        Draft.of(
            parts.get(0),
            parts.get(1),
            parts.get(2),
            parts.size() > 3 ? parts.get(3) : null,
            parts.size() > 4 ? parts.get(4) : null);
    return render(service.submit(draft, context), context, messages);
  }

  @Override
  public Reply press(String payload, CommandContext context) {
    String[] parts = payload.split(":", 3);
    if (parts.length < 2) {
      throw new CommandException("button.unknown");
    }
    if (parts[0].equals("fam") && parts.length == 3) {
      return answerFamily(parts[1], parts[2], context);
    }
    String draftId = parts[0];
    UnaryOperator<Draft> answer =
        switch (parts[1]) {
          case "city" -> Draft::withCityConfirmed;
          case "venue" -> Draft::withPlaceIsVenue;
          case "anyway" -> Draft::withTwinAccepted;
          case "drop" -> null;
          default -> throw new CommandException("button.unknown");
        };
    if (answer == null) {
      if (!service.drop(draftId, context.command().user())) {
        throw new CommandException("suggest.draft_gone");
      }
      return context.reply().line(Line.text(context.text("suggest.dropped"))).privately().build();
    }
    return render(service.resume(draftId, answer, context), context, messages);
  }

  /** The author's family pick for their stored suggestion: {@code sg:fam:<event id>:<family>}. */
  private Reply answerFamily(String eventId, String familyKey, CommandContext context) {
    long id;
    Family family;
    try {
      id = Long.parseLong(eventId);
      family = Family.fromKey(familyKey);
    } catch (IllegalArgumentException e) {
      throw new CommandException("button.unknown");
    }
    return render(
        new SuggestionService.Outcome.Stored(moderation.answerFamily(id, family, context)),
        context,
        messages);
  }

  /** The reply to a submitted draft. */
  static Reply render(
      SuggestionService.Outcome outcome, CommandContext context, Messages messages) {
    Reply.Builder reply = context.reply().privately();
    if (outcome instanceof SuggestionService.Outcome.Stored stored) {
      Event event = stored.event();
      boolean published = event.status() == EventStatus.PUBLISHED;
      reply.line(
          Line.text(
              context.text(
                  published ? "suggest.published" : "suggest.queued", Long.toString(event.id()))));
      reply.block(SuggestionText.summary(messages, context.language(), context.community(), event));
      if (published) {
        reply.visibility(org.networkeras.chat.Visibility.PUBLIC);
      }
    } else if (outcome instanceof SuggestionService.Outcome.NeedsCity city) {
      reply.line(Line.text(context.text("suggest.confirm_city", city.city())));
      List<Button> row = new ArrayList<>();
      row.add(
          Button.callback(context.text("suggest.button.city"), "sg:" + city.draftId() + ":city"));
      if (city.mayBeVenue()) {
        row.add(
            Button.callback(
                context.text("suggest.button.venue"), "sg:" + city.draftId() + ":venue"));
      }
      row.add(
          Button.callback(context.text("suggest.button.drop"), "sg:" + city.draftId() + ":drop"));
      reply.buttonRow(row);
    } else if (outcome instanceof SuggestionService.Outcome.NeedsFamily family) {
      Event event = family.event();
      reply.line(Line.text(context.text("suggest.saved_ask_family", Long.toString(event.id()))));
      reply.block(SuggestionText.summary(messages, context.language(), context.community(), event));
      reply.buttonRow(
          SuggestionText.familyButtons(
              messages, context.language(), FAMILY_ANSWER + event.id() + ":"));
    } else if (outcome instanceof SuggestionService.Outcome.Twin twin) {
      reply.line(Line.text(context.text("suggest.twin")));
      reply.block(
          SuggestionText.summary(messages, context.language(), context.community(), twin.twin()));
      reply.buttonRow(
          Button.callback(
              context.text("suggest.button.anyway"), "sg:" + twin.draftId() + ":anyway"),
          Button.callback(context.text("suggest.button.drop"), "sg:" + twin.draftId() + ":drop"));
    }
    return reply.build();
  }
}
