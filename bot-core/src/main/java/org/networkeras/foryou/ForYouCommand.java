package org.networkeras.foryou;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.networkeras.catalog.EventListing;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.i18n.Messages;

/**
 * {@code /foryou}: up to five upcoming events picked for the member, each with the reason it was
 * picked, answered privately. A member the bot knows nothing about gets the popular and soon ones
 * and a hint to {@code /subscribe}.
 */
public final class ForYouCommand implements CommandHandler {

  private final ForYouService forYou;
  private final CommandSpec spec;

  public ForYouCommand(ForYouService forYou, Messages messages) {
    this.forYou = Objects.requireNonNull(forYou, "forYou");
    this.spec = CommandSpec.forMembers("foryou", LocalizedText.of(messages, "foryou.description"));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    ForYouService.Result result =
        forYou.recommend(
            context.community(), context.command().user(), context.language(), context.now());
    Reply.Builder reply = context.reply().privately();
    if (result.picks().isEmpty()) {
      reply.line(Line.text(context.text("foryou.none")));
    } else {
      reply.line(
          Piece.bold(context.text(result.personal() ? "foryou.title" : "foryou.title_popular")));
      ZoneId zone = context.community().zone();
      for (ForYouRanking.Pick pick : result.picks()) {
        Line listing =
            EventListing.line(context.messages(), context.language(), pick.occurrence(), zone);
        List<Piece> pieces = new ArrayList<>();
        pieces.add(Piece.time(pick.occurrence().start(), zone, Piece.TimeStyle.DATE));
        pieces.add(Piece.text(" "));
        pieces.addAll(listing.pieces());
        reply.line(new Line(pieces));
        reply.line(Line.text("   ↳ " + reason(context, pick)));
      }
    }
    if (!result.personal()) {
      reply.line(Line.text(context.text("foryou.hint")));
    }
    return reply.build();
  }

  /** The reason a pick reads with, in the member's language. */
  static String reason(CommandContext context, ForYouRanking.Pick pick) {
    ForYouRanking.Reason reason = pick.reason();
    return switch (reason.signal()) {
      case FOLLOW -> context.text("foryou.reason.follow", reason.subject());
      case FAMILY ->
          context.text(
              "foryou.reason.family", reason.count(), context.text("family." + reason.subject()));
      case TAG -> context.text("foryou.reason.tag", reason.count(), "#" + reason.subject());
      case CITY -> context.text("foryou.reason.city", reason.count(), reason.subject());
      case HOME -> context.text("foryou.reason.home", reason.subject());
      case POPULAR -> context.text("foryou.reason.popular", reason.count());
      case SOON -> soon(context, pick);
    };
  }

  private static String soon(CommandContext context, ForYouRanking.Pick pick) {
    int days = pick.reason().count();
    if (days == 0) {
      int hour = pick.occurrence().start().atZone(context.community().zone()).getHour();
      return context.text(hour >= 17 ? "foryou.reason.tonight" : "foryou.reason.today");
    }
    return days == 1
        ? context.text("foryou.reason.tomorrow")
        : context.text("foryou.reason.soon", days);
  }
}
