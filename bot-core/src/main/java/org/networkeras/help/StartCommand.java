package org.networkeras.help;

import org.networkeras.chat.Button;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Line;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.community.CommunityService;
import org.networkeras.i18n.Messages;

/**
 * {@code /start}: the welcome. Telegram sends it when a member opens the bot's private chat (with
 * an optional deep-link payload, accepted and ignored for now).
 */
public final class StartCommand implements CommandHandler {

  private final CommandSpec spec;
  private final CommunityService communities;

  public StartCommand(Messages messages, CommunityService communities) {
    this.communities = communities;
    this.spec =
        CommandSpec.forMembers(
            "start",
            LocalizedText.of(messages, "start.description"),
            ParameterSpec.of(
                "payload",
                LocalizedText.of(messages, "start.param.payload"),
                ParameterSpec.Type.TEXT,
                false));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    return context
        .reply()
        .line(Line.text(welcome(context)))
        .line(Line.text(context.text("start.try")))
        .buttonRow(
            Button.callback(context.text("start.button.tonight"), "evp:q:tonight"),
            Button.callback(context.text("start.button.week"), "evp:q:"))
        .build();
  }

  /**
   * The community named as its members know it; a direct chat says so, and whose catalog it shows.
   */
  private String welcome(CommandContext context) {
    Conversation conversation = context.command().conversation();
    if (!conversation.isDirect()) {
      return context.text("start.welcome", context.community().name());
    }
    if (communities.isOwnCatalog(context.community(), conversation)) {
      return context.text("start.welcome_direct");
    }
    return context.text("start.welcome_direct_for", context.community().name());
  }
}
