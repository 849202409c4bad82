package org.networkeras.catalog;

import java.util.List;
import org.networkeras.chat.Block;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.i18n.Messages;

/** {@code /guide [family]}: the four kinds of events, what each is good and less good for. */
public final class GuideCommand implements CommandHandler {

  private final CommandSpec spec;

  public GuideCommand(Messages messages) {
    this.spec =
        CommandSpec.forMembers(
            "guide",
            LocalizedText.of(messages, "guide.description"),
            ParameterSpec.of(
                    "family",
                    LocalizedText.of(messages, "guide.param.family"),
                    ParameterSpec.Type.TEXT,
                    false)
                .withChoices(EventText.familyChoices(messages)));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    Reply.Builder reply = context.reply();
    var typed = context.arguments().get("family");
    if (typed.isPresent()) {
      String text = typed.get();
      Family family = EventsQuery.parse(text, List.of()).filter().family();
      if (family == null) {
        throw new CommandException("guide.unknown_family", text);
      }
      reply.block(section(context, family));
      return reply.build();
    }
    reply.line(Line.text(context.text("guide.intro")));
    for (Family family : Family.values()) {
      reply.block(section(context, family));
    }
    reply.line(Line.text(context.text("guide.tips")));
    return reply.build();
  }

  private static Block section(CommandContext context, Family family) {
    String key = "guide." + family.key();
    return Block.titled(
        Line.of(Piece.bold(context.text("family." + family.key()))),
        List.of(
            Line.text(context.text(key + ".what")),
            Line.of(
                Piece.bold(context.text("guide.upsides") + " "),
                Piece.text(context.text(key + ".upsides"))),
            Line.of(
                Piece.bold(context.text("guide.downsides") + " "),
                Piece.text(context.text(key + ".downsides"))),
            Line.of(
                Piece.bold(context.text("guide.tip") + " "),
                Piece.text(context.text(key + ".tip")))));
  }
}
