package org.networkeras.imports;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.i18n.Messages;

/**
 * {@code /import https://…/calendar.ics}: the community follows a calendar feed (moderators only);
 * the answer says what the first fetch found. {@code /import list} numbers the feeds with their
 * last fetch; {@code /import remove N} stops following one (its events stay).
 */
public final class ImportCommand implements CommandHandler {

  private static final List<String> LIST = List.of("list", "liste");
  private static final List<String> REMOVE = List.of("remove", "retirer", "supprimer");

  private final ImportService imports;
  private final CommandSpec spec;

  public ImportCommand(ImportService imports, Messages messages) {
    this.imports = Objects.requireNonNull(imports, "imports");
    this.spec =
        new CommandSpec(
            "import",
            LocalizedText.of(messages, "import.description"),
            List.of(
                ParameterSpec.of(
                    "feed",
                    LocalizedText.of(messages, "import.param.feed"),
                    ParameterSpec.Type.TEXT,
                    false)),
            Role.MODERATOR,
            CommandSpec.Scope.ANYWHERE,
            true);
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    if (!context.role().atLeast(Role.MODERATOR)) {
      throw new CommandException("command.moderators_only");
    }
    String typed = context.arguments().get("feed").map(String::strip).orElse("");
    String[] words = typed.split("\\s+", 2);
    String first = words[0].toLowerCase(Locale.ROOT);
    if (typed.isEmpty() || LIST.contains(first)) {
      return list(context);
    }
    if (REMOVE.contains(first)) {
      return remove(context, words.length > 1 ? words[1].strip() : "");
    }
    return add(context, typed);
  }

  private Reply add(CommandContext context, String url) {
    if (url.contains(" ")) {
      throw new CommandException("import.bad_url", url);
    }
    ImportService.Summary summary = imports.add(context.community(), context.command().user(), url);
    if (summary.failed()) {
      throw new CommandException(
          "import.first_failed", context.text(summary.errorKey(), summary.errorArgument()));
    }
    return context
        .reply()
        .line(
            Line.text(
                context.text("import.added", summary.found(), summary.added(), summary.known())))
        .line(Line.text(context.text("import.added_hint")))
        .privately()
        .build();
  }

  private Reply remove(CommandContext context, String number) {
    int n;
    try {
      n = Integer.parseInt(number);
    } catch (NumberFormatException notANumber) {
      throw new CommandException("import.remove_usage", number);
    }
    String url = imports.remove(context.community(), n);
    return context
        .reply()
        .line(Line.text(context.text("import.removed", n)))
        .line(Line.of(Piece.text(url)))
        .privately()
        .build();
  }

  private Reply list(CommandContext context) {
    List<ImportService.FeedView> feeds = imports.list(context.community());
    Reply.Builder reply = context.reply().privately();
    if (feeds.isEmpty()) {
      return reply.line(Line.text(context.text("import.list.empty"))).build();
    }
    reply.line(Piece.bold(context.text("import.list.title", feeds.size())));
    int n = 0;
    for (ImportService.FeedView feed : feeds) {
      n++;
      List<Piece> pieces = new ArrayList<>();
      pieces.add(Piece.text(n + ". "));
      pieces.add(Piece.link(feed.url(), URI.create(feed.url())));
      pieces.add(Piece.text(" · "));
      if (feed.lastFetch() == null) {
        pieces.add(Piece.text(context.text("import.list.never")));
      } else {
        pieces.add(Piece.text(context.text("import.list.fetched") + " "));
        pieces.add(Piece.time(feed.lastFetch(), context.community().zone(), Piece.TimeStyle.FULL));
        pieces.add(Piece.text(" · " + context.text("import.status." + feed.status())));
      }
      reply.line(new Line(pieces));
      Optional<ImportService.ErrorText> error = ImportService.ErrorText.parse(feed.error());
      if (error.isPresent()) {
        reply.line(
            Line.text(
                "   "
                    + context.text(
                        "import.list.error",
                        context.text(error.get().key(), error.get().argument()))));
      }
    }
    reply.line(Line.text(context.text("import.list.hint")));
    return reply.build();
  }
}
