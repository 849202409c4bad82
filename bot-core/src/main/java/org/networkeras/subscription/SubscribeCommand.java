package org.networkeras.subscription;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.CatalogWords;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
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
 * published events matching any of the words. Answered privately.
 */
public final class SubscribeCommand implements CommandHandler {

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
  public Reply handle(CommandContext context) {
    String what = context.arguments().get("what").orElse("").strip();
    if (what.isEmpty()) {
      throw new CommandException("subscribe.missing");
    }
    List<Subscription> wanted = SubscriptionWords.parse(what, cities(catalog, context));
    List<Subscription> added =
        subscriptions.subscribe(
            context.community(), context.command().user(), context.language(), wanted);
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
