package org.networkeras.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.i18n.Messages;

/** {@code /log}: the community's last 20 moderation actions, for moderators. */
public final class LogCommand implements CommandHandler {

  static final int SHOWN = 20;

  private final ModerationLog log;
  private final BiFunction<CommandContext, String, String> settingsText;
  private final CommandSpec spec;

  /**
   * @param settingsText how a settings change's stored detail reads in the reader's language
   */
  public LogCommand(
      ModerationLog log,
      Messages messages,
      BiFunction<CommandContext, String, String> settingsText) {
    this.log = log;
    this.settingsText = settingsText;
    this.spec =
        new CommandSpec(
            "log",
            LocalizedText.of(messages, "log.description"),
            List.of(),
            Role.MODERATOR,
            CommandSpec.Scope.ANYWHERE,
            false);
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    List<ModerationLog.Entry> entries = log.last(context.community().id(), SHOWN);
    Reply.Builder reply = context.reply().privately();
    if (entries.isEmpty()) {
      return reply.line(Line.text(context.text("log.empty"))).build();
    }
    reply.line(Piece.bold(context.text("log.title", entries.size())));
    for (ModerationLog.Entry entry : entries) {
      List<Piece> pieces = new ArrayList<>();
      pieces.add(Piece.time(entry.at(), context.community().zone(), Piece.TimeStyle.FULL));
      pieces.add(Piece.text(" · "));
      pieces.add(Piece.text(entry.actorName()));
      pieces.add(Piece.text(" · " + context.text("log.action." + entry.action())));
      if (entry.eventId() != null) {
        pieces.add(Piece.text(" · "));
        pieces.add(Piece.eventRef(Long.toString(entry.eventId())));
      }
      if (entry.detail() != null) {
        pieces.add(Piece.text(" · "));
        pieces.add(
            Piece.text(
                entry.action().equals(ModerationLog.Action.SETTINGS.key())
                    ? settingsText.apply(context, entry.detail())
                    : entry.detail()));
      }
      reply.line(new Line(pieces));
    }
    return reply.build();
  }
}
