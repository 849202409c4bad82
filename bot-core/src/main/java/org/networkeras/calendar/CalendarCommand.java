package org.networkeras.calendar;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Visibility;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.i18n.Messages;

/**
 * {@code /calendar}: the address of the community's agenda feed, to subscribe to in a calendar app.
 * {@code /calendar mine}: the private address of the member's own feed (the dates they are going
 * to), sent where only they read it; {@code /calendar reset} replaces it, so an address shared by
 * mistake stops working. When the bot serves no HTTP, it says so.
 */
public final class CalendarCommand implements CommandHandler {

  private static final String MINE = "mine";
  private static final String RESET = "reset";

  private final CalendarService calendars;
  private final CommandSpec spec;

  public CalendarCommand(CalendarService calendars, Messages messages) {
    this.calendars = Objects.requireNonNull(calendars, "calendars");
    this.spec =
        CommandSpec.forMembers(
            "calendar",
            LocalizedText.of(messages, "calendar.description"),
            ParameterSpec.of(
                    "feed",
                    LocalizedText.of(messages, "calendar.param.feed"),
                    ParameterSpec.Type.WORD,
                    false)
                .withChoices(
                    List.of(
                        new ParameterSpec.Choice(
                            MINE, LocalizedText.of(messages, "calendar.choice.mine")),
                        new ParameterSpec.Choice(
                            RESET, LocalizedText.of(messages, "calendar.choice.reset")))));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    Optional<String> feed = context.arguments().get("feed").map(String::strip);
    CalendarSettings settings = calendars.settings();
    if (!settings.served()) {
      return context.reply().line(Line.text(context.text("calendar.off"))).privately().build();
    }
    if (settings.publicUrl() == null) {
      return context
          .reply()
          .line(Line.text(context.text("calendar.no_address")))
          .privately()
          .build();
    }
    String memberKey = context.command().user().key();
    if (feed.isEmpty()) {
      URI url = settings.feedUrl(calendars.agendaToken(context.community())).orElseThrow();
      return answer(context, "calendar.agenda", url, Visibility.PUBLIC);
    }
    return switch (feed.get().toLowerCase(java.util.Locale.ROOT)) {
      case MINE ->
          answer(
              context,
              "calendar.mine",
              settings.feedUrl(calendars.memberToken(context.community(), memberKey)).orElseThrow(),
              Visibility.SECRET);
      case RESET ->
          answer(
              context,
              "calendar.reset",
              settings
                  .feedUrl(calendars.resetMemberToken(context.community(), memberKey))
                  .orElseThrow(),
              Visibility.SECRET);
      default -> throw new CommandException("calendar.unknown", feed.get());
    };
  }

  private static Reply answer(CommandContext context, String key, URI url, Visibility visibility) {
    return context
        .reply()
        .line(Line.text(context.text(key)))
        .line(Piece.link(url.toString(), url))
        .line(Line.text(context.text("calendar.how")))
        .visibility(visibility)
        .build();
  }
}
