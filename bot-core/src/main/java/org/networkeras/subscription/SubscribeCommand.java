package org.networkeras.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.CatalogWords;
import org.networkeras.chat.Button;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.command.ButtonHandler;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.community.Community;
import org.networkeras.i18n.Messages;
import org.networkeras.time.TimeRange;

/**
 * {@code /subscribe <family|slot|city|tag> …}: asks to be told, by direct message, of newly
 * published events matching any of the words. A word a typo away from a known one is asked about
 * (buttons {@code sub:<words>}) rather than followed as a tag. Answered privately.
 */
public final class SubscribeCommand implements CommandHandler, ButtonHandler {

  private static final Duration CITY_HORIZON = Duration.ofDays(90);

  private final SubscriptionService subscriptions;
  private final CatalogService catalog;
  private final CommandSpec spec;

  public SubscribeCommand(
      SubscriptionService subscriptions, CatalogService catalog, Messages messages) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.spec =
        CommandSpec.forMembers(
            "subscribe",
            LocalizedText.of(messages, "subscribe.description"),
            ParameterSpec.of(
                "what",
                LocalizedText.of(messages, "subscribe.param.what"),
                ParameterSpec.Type.TEXT,
                false));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public String prefix() {
    return "sub";
  }

  @Override
  public Reply handle(CommandContext context) {
    String what = context.arguments().get("what").orElse("").strip();
    if (what.isEmpty()) {
      throw new CommandException("subscribe.missing");
    }
    return follow(what, context);
  }

  /** The member's answer to "did you mean": the words to follow, each known or a {@code #tag}. */
  @Override
  public Reply press(String payload, CommandContext context) {
    return follow(payload, context);
  }

  private Reply follow(String what, CommandContext context) {
    SubscriptionWords.Reading reading = SubscriptionWords.parse(what, cities(catalog, context));
    if (!reading.guesses().isEmpty()) {
      return ask(what, reading.guesses(), context);
    }
    List<Subscription> added =
        subscriptions.subscribe(
            context.community(),
            context.command().user(),
            context.language(),
            reading.subscriptions());
    Reply.Builder reply = context.reply().privately();
    if (added.isEmpty()) {
      reply.line(Piece.text(context.text("subscribe.already")));
    } else {
      reply.line(
          Piece.text(context.text("subscribe.done") + " "),
          Piece.text(SubscriptionText.labels(context, added)));
      reply.line(Piece.text(context.text("subscribe.how")));
    }
    return reply.build();
  }

  /**
   * Asks whether the words a typo away from known ones meant them: one button follows the known
   * words, the other the words as typed, as tags. Nothing is followed until the member answers.
   */
  private Reply ask(String what, List<SubscriptionWords.Guess> guesses, CommandContext context) {
    Reply.Builder reply = context.reply().privately();
    for (SubscriptionWords.Guess guess : guesses) {
      reply.line(
          Piece.text(
              context.text(
                  "subscribe.guess",
                  guess.typed(),
                  SubscriptionText.label(context, guess.meant()))));
    }
    reply.line(Piece.text(context.text("subscribe.guess_wait")));
    String meant = SubscriptionWords.replacing(what, guesses, SubscriptionWords.Guess::known);
    String asTyped = SubscriptionWords.replacing(what, guesses, g -> "#" + g.typed());
    String yes = prefix() + ":" + meant;
    String no = prefix() + ":" + asTyped;
    if (fits(yes) && fits(no)) {
      reply.buttonRow(
          Button.callback(
              context.text(
                  "subscribe.button.meant",
                  SubscriptionText.labels(
                      context, guesses.stream().map(SubscriptionWords.Guess::meant).toList())),
              yes),
          Button.callback(
              context.text(
                  "subscribe.button.typed",
                  String.join(", ", guesses.stream().map(g -> "#" + g.typed()).toList())),
              no));
    } else {
      reply.line(
          Piece.text(
              context.text(
                  "subscribe.guess_type", "/subscribe " + meant, "/subscribe " + asTyped)));
    }
    return reply.build();
  }

  private static boolean fits(String token) {
    return token.getBytes(StandardCharsets.UTF_8).length <= Button.MAX_TOKEN_BYTES;
  }

  /** The cities a word may name: the known ones, the default one, those of upcoming events. */
  static Set<String> cities(CatalogService catalog, CommandContext context) {
    Community community = context.community();
    Set<String> cities = new LinkedHashSet<>(CatalogWords.KNOWN_CITIES);
    if (community.defaultCity() != null) {
      cities.add(community.defaultCity());
    }
    cities.addAll(
        catalog.cities(community, new TimeRange(context.now(), context.now().plus(CITY_HORIZON))));
    return cities;
  }
}
