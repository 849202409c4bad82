package org.networkeras.suggestion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.networkeras.catalog.CatalogWords;
import org.networkeras.catalog.Family;
import org.networkeras.chat.Button;
import org.networkeras.chat.Choice;
import org.networkeras.chat.Form;
import org.networkeras.chat.Line;
import org.networkeras.chat.Reply;
import org.networkeras.command.ButtonHandler;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.ConversationFlow;
import org.networkeras.i18n.Messages;

/**
 * The conversations a suggestion needs beyond one command: the guided {@code /suggest} that asks
 * one question at a time (title, when, where, family, link, description), a moderator typing the
 * reason of a rejection, and the forms Discord shows instead. State is kept per conversation and
 * member, and forgotten after 15 minutes of silence or {@code /cancel}; it survives nothing else.
 * Answers the family buttons of the guided conversation ({@code sgf:<family>}). Thread-safe.
 */
public final class GuidedSuggestion implements ConversationFlow, ButtonHandler {

  static final String FORM_ID = "suggest";
  static final String REJECT_FORM = "reject:";

  /** The suggestion form's family menu: its value is a family's key ({@code bloggers}). */
  public static final String FAMILY_FIELD = "family";

  /** The suggestion form's link-and-description field, where forms have a family menu. */
  public static final String DETAILS_FIELD = "details";

  /** The question the member answers next. */
  enum Step {
    TITLE,
    WHEN,
    WHERE,
    FAMILY,
    LINK,
    DESCRIPTION
  }

  private sealed interface State {}

  private record Asking(Step step, Draft draft) implements State {}

  private record Rejecting(long eventId) implements State {}

  private final SuggestionService service;
  private final Moderation moderation;
  private final Messages messages;
  private final Cache<String, State> states;

  public GuidedSuggestion(
      SuggestionService service, Moderation moderation, Messages messages, Clock clock) {
    this.service = service;
    this.moderation = moderation;
    this.messages = messages;
    this.states =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(SuggestionService.DRAFT_LIFETIME)
            .ticker(() -> Drafts.nanos(clock))
            .build();
  }

  @Override
  public String prefix() {
    return "sgf";
  }

  /** Starts the guided conversation, with the title already given or not. */
  Reply start(CommandContext context, String title) {
    Draft draft = Draft.of(title, null, null, null, null);
    Step first = title == null ? Step.TITLE : Step.WHEN;
    states.put(key(context), new Asking(first, draft));
    return ask(context, first, context.text("guided.intro"));
  }

  /** Asks a moderator for the reason of a rejection (in a form where the platform has them). */
  Reply askReason(long eventId, CommandContext context) {
    if (context.capabilities().forms()) {
      Form form =
          new Form(
              REJECT_FORM + eventId,
              context.text("review.reason_title", Long.toString(eventId)),
              List.of(
                  new Form.Field(
                      "reason", context.text("review.reason_label"), "", true, true, 500)));
      return context.reply().form(form).privately().build();
    }
    states.put(key(context), new Rejecting(eventId));
    return context
        .reply()
        .line(Line.text(context.text("review.ask_reason", Long.toString(eventId))))
        .privately()
        .build();
  }

  /** Stops what the member was doing here; says whether there was anything. */
  boolean cancel(CommandContext context) {
    String key = key(context);
    boolean had = states.getIfPresent(key) != null;
    states.invalidate(key);
    return had;
  }

  @Override
  public boolean isWaitingFor(String conversationKey, String userKey) {
    return states.getIfPresent(conversationKey + "|" + userKey) != null;
  }

  @Override
  public Optional<Reply> message(String text, CommandContext context) {
    String key = key(context);
    State state = states.getIfPresent(key);
    if (state == null) {
      return Optional.empty();
    }
    if (state instanceof Rejecting rejecting) {
      moderation.reject(rejecting.eventId(), text, context);
      states.invalidate(key);
      return Optional.of(ReviewCommand.rejectedReply(rejecting.eventId(), context));
    }
    Asking asking = (Asking) state;
    try {
      return Optional.of(answer(asking, text, context));
    } catch (CommandException e) {
      // A refused answer: say why and ask the same question again.
      return Optional.of(ask(context, asking.step(), context.text(e.messageKey(), e.arguments())));
    }
  }

  @Override
  public Reply press(String payload, CommandContext context) {
    State state = states.getIfPresent(key(context));
    if (!(state instanceof Asking asking) || asking.step() != Step.FAMILY) {
      throw new CommandException("suggest.draft_gone");
    }
    Family family = payload.equals("skip") ? null : Family.fromKey(payload);
    return next(context, Step.LINK, asking.draft().withFamily(family));
  }

  @Override
  public Optional<Reply> form(String formId, Map<String, String> fields, CommandContext context) {
    if (formId.equals(FORM_ID)) {
      Draft draft = fromForm(fields);
      return Optional.of(SuggestCommand.render(service.submit(draft, context), context, messages));
    }
    if (formId.startsWith(REJECT_FORM)) {
      long id;
      try {
        id = Long.parseLong(formId.substring(REJECT_FORM.length()));
      } catch (NumberFormatException e) {
        throw new CommandException("form.unknown");
      }
      moderation.reject(id, fields.get("reason"), context);
      return Optional.of(ReviewCommand.rejectedReply(id, context));
    }
    return Optional.empty();
  }

  /**
   * The suggestion form (Discord shows it as a modal). Where forms hold menus, it offers the four
   * families (optional) and takes the link and the description in one field, a form having five.
   */
  static Form form(CommandContext context) {
    List<Form.Field> fields = new ArrayList<>();
    fields.add(
        new Form.Field(
            "title",
            context.text("form.suggest.field.title"),
            context.text("form.suggest.hint.title"),
            false,
            true,
            SuggestionRules.TITLE_MAX));
    fields.add(
        new Form.Field(
            "when",
            context.text("form.suggest.field.when"),
            context.text("form.suggest.hint.when"),
            false,
            true,
            100));
    fields.add(
        new Form.Field(
            "where",
            context.text("form.suggest.field.where"),
            context.text("form.suggest.hint.where"),
            false,
            true,
            SuggestionRules.WHERE_MAX));
    if (context.capabilities().selectMenusInForms()) {
      List<Choice> families = new ArrayList<>();
      for (Family family : Family.values()) {
        families.add(new Choice(context.text("family." + family.key()), family.key()));
      }
      fields.add(
          new Form.Field(
              FAMILY_FIELD,
              context.text("form.suggest.field.family"),
              "",
              false,
              false,
              100,
              families));
      fields.add(
          new Form.Field(
              DETAILS_FIELD,
              context.text("form.suggest.field.details"),
              context.text("form.suggest.hint.details"),
              true,
              false,
              SuggestionRules.LINK_MAX_BYTES + 1 + SuggestionRules.DESCRIPTION_MAX));
      return new Form(FORM_ID, context.text("form.suggest.title"), fields);
    }
    fields.add(
        new Form.Field(
            "link",
            context.text("form.suggest.field.link"),
            "https://",
            false,
            false,
            SuggestionRules.LINK_MAX_BYTES));
    fields.add(
        new Form.Field(
            "description",
            context.text("form.suggest.field.description"),
            "",
            true,
            false,
            SuggestionRules.DESCRIPTION_MAX));
    return new Form(FORM_ID, context.text("form.suggest.title"), fields);
  }

  /**
   * A draft from a submitted suggestion form: the family when one was picked, and the link as the
   * first word of the details when they start with one.
   */
  static Draft fromForm(Map<String, String> fields) {
    String link = blankToNull(fields.get("link"));
    String description = blankToNull(fields.get("description"));
    String details = blankToNull(fields.get(DETAILS_FIELD));
    if (details != null) {
      String[] words = details.split("\\s+", 2);
      if (words[0].startsWith("http://") || words[0].startsWith("https://")) {
        link = words[0];
        description = words.length > 1 ? blankToNull(words[1]) : null;
      } else {
        description = details;
      }
    }
    String familyKey = blankToNull(fields.get(FAMILY_FIELD));
    Family family =
        familyKey == null
            ? null
            : Arrays.stream(Family.values())
                .filter(f -> f.key().equals(familyKey))
                .findFirst()
                .orElseThrow(() -> new CommandException("events.unknown_family", familyKey));
    return Draft.of(fields.get("title"), fields.get("when"), fields.get("where"), link, description)
        .withFamily(family);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private Reply answer(Asking asking, String text, CommandContext context) {
    Draft d = asking.draft();
    return switch (asking.step()) {
      case TITLE -> {
        String title = SuggestionRules.title(text);
        yield next(context, Step.WHEN, Draft.of(title, null, null, null, null));
      }
      case WHEN -> {
        SuggestionRules.times(text, context.community().zone(), context.now(), service.resolver());
        yield next(
            context,
            Step.WHERE,
            new Draft(d.title(), text.strip(), null, null, null, null, false, false, false));
      }
      case WHERE -> {
        if (text.isBlank()) {
          throw new CommandException("suggest.where_missing");
        }
        Draft where =
            new Draft(d.title(), d.when(), text.strip(), null, null, null, false, false, false);
        Optional<Family> inferred = SuggestionRules.family(d.title(), null);
        yield inferred.isPresent()
            ? next(context, Step.LINK, where.withFamily(inferred.get()))
            : next(context, Step.FAMILY, where);
      }
      case FAMILY -> {
        Family family = null;
        if (!SuggestionRules.isNone(text)) {
          family =
              CatalogWords.family(text.strip())
                  .orElseThrow(() -> new CommandException("events.unknown_family", text.strip()));
        }
        yield next(context, Step.LINK, d.withFamily(family));
      }
      case LINK -> {
        String link = SuggestionRules.link(text);
        yield next(
            context,
            Step.DESCRIPTION,
            new Draft(d.title(), d.when(), d.where(), d.family(), link, null, false, false, false));
      }
      case DESCRIPTION -> {
        String description = SuggestionRules.description(text);
        states.invalidate(key(context));
        Draft done =
            new Draft(
                d.title(),
                d.when(),
                d.where(),
                d.family(),
                d.link(),
                description,
                false,
                false,
                false);
        try {
          yield SuggestCommand.render(service.submit(done, context), context, messages);
        } catch (CommandException e) {
          // The answers were fine one by one but not together (a limit, the time passed).
          yield context
              .reply()
              .line(Line.text(context.text(e.messageKey(), e.arguments())))
              .line(Line.text(context.text("guided.start_again")))
              .privately()
              .build();
        }
      }
    };
  }

  private Reply next(CommandContext context, Step step, Draft draft) {
    states.put(key(context), new Asking(step, draft));
    return ask(context, step, null);
  }

  private Reply ask(CommandContext context, Step step, String before) {
    Reply.Builder reply = context.reply().privately();
    if (before != null) {
      reply.line(Line.text(before));
    }
    reply.line(
        Line.text(context.text("guided.ask." + step.name().toLowerCase(java.util.Locale.ROOT))));
    if (step == Step.FAMILY) {
      List<Button> row = new ArrayList<>();
      for (Family f : Family.values()) {
        row.add(Button.callback(context.text("family." + f.key()), "sgf:" + f.key()));
      }
      reply.buttonRow(row);
      reply.buttonRow(Button.callback(context.text("guided.skip"), "sgf:skip"));
    }
    reply.line(Line.text(context.text("guided.cancel_hint")));
    return reply.build();
  }

  private static String key(CommandContext context) {
    return context.command().conversation().key() + "|" + context.command().user().key();
  }
}
