package org.networkeras.subscription;

import java.util.List;
import java.util.Objects;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.i18n.Messages;

/** {@code /subscriptions}: what the member is subscribed to in this community, privately. */
public final class SubscriptionsCommand implements CommandHandler {

  private final SubscriptionService subscriptions;
  private final CommandSpec spec;

  public SubscriptionsCommand(SubscriptionService subscriptions, Messages messages) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.spec =
        CommandSpec.forMembers(
            "subscriptions", LocalizedText.of(messages, "subscriptions.description"));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    List<Subscription> mine = subscriptions.of(context.community(), context.command().user());
    Reply.Builder reply = context.reply().privately();
    if (mine.isEmpty()) {
      return reply.line(Line.text(context.text("subscriptions.none"))).build();
    }
    reply.line(Piece.bold(context.text("subscriptions.title")));
    for (Subscription subscription : mine) {
      reply.line(Piece.text("• "), Piece.text(SubscriptionText.label(context, subscription)));
    }
    reply.line(Line.text(context.text("subscriptions.hint")));
    return reply.build();
  }
}
