package org.networkeras.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.networkeras.catalog.CatalogService;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.Words;
import org.networkeras.i18n.Messages;

/**
 * {@code /unsubscribe <family|slot|city|tag> …} or {@code /unsubscribe all} ({@code tout}): stops
 * the direct messages for those words. Answered privately.
 */
public final class UnsubscribeCommand implements CommandHandler {

  private final SubscriptionService subscriptions;
  private final CatalogService catalog;
  private final CommandSpec spec;

  public UnsubscribeCommand(
      SubscriptionService subscriptions, CatalogService catalog, Messages messages) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.spec =
        CommandSpec.forMembers(
            "unsubscribe",
            LocalizedText.of(messages, "unsubscribe.description"),
            ParameterSpec.of(
                "what",
                LocalizedText.of(messages, "unsubscribe.param.what"),
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
      throw new CommandException("unsubscribe.missing");
    }
    Reply.Builder reply = context.reply().privately();
    if (SubscriptionWords.ALL.contains(Words.fold(what))) {
      int removed = subscriptions.unsubscribeAll(context.community(), context.command().user());
      return reply.line(Piece.text(context.text("unsubscribe.all", removed))).build();
    }
    SubscriptionWords.Reading reading =
        SubscriptionWords.parse(what, SubscribeCommand.cities(catalog, context));
    // A word a typo away from a known one may have been followed as a tag before it was asked
    // about.
    List<Subscription> gone = new ArrayList<>(reading.subscriptions());
    reading.guesses().forEach(g -> gone.add(Subscription.tag(g.typed())));
    List<Subscription> removed =
        subscriptions.unsubscribe(context.community(), context.command().user(), gone);
    if (removed.isEmpty()) {
      return reply.line(Piece.text(context.text("unsubscribe.none"))).build();
    }
    return reply
        .line(
            Piece.text(context.text("unsubscribe.done") + " "),
            Piece.text(SubscriptionText.labels(context, removed)))
        .build();
  }
}
