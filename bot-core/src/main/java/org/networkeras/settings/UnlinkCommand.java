package org.networkeras.settings;

import java.util.List;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Line;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityService;
import org.networkeras.i18n.Messages;
import org.networkeras.moderation.ModerationLog;

/** {@code /unlink}: gives a linked conversation's group back its own community. */
public final class UnlinkCommand implements CommandHandler {

  private final CommunityService communities;
  private final SettingsRepository repository;
  private final ModerationLog log;
  private final CommandSpec spec;

  public UnlinkCommand(
      CommunityService communities,
      SettingsRepository repository,
      ModerationLog log,
      Messages messages) {
    this.communities = communities;
    this.repository = repository;
    this.log = log;
    this.spec =
        new CommandSpec(
            "unlink",
            LocalizedText.of(messages, "unlink.description"),
            List.of(),
            Role.ADMIN,
            CommandSpec.Scope.GROUP_ONLY,
            false);
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    Community community = context.community();
    Conversation conversation = context.command().conversation();
    String groupKey =
        CommunityService.groupKey(conversation.platform(), conversation.communityId());
    long own =
        repository.unlink(groupKey).orElseThrow(() -> new CommandException("unlink.not_linked"));
    communities.forget();
    log.record(
        community.id(),
        context.command().user(),
        ModerationLog.Action.UNLINKED,
        null,
        groupKey,
        context.now());
    log.record(
        own,
        context.command().user(),
        ModerationLog.Action.UNLINKED,
        null,
        groupKey,
        context.now());
    return context.reply().line(Line.text(context.text("unlink.done"))).build();
  }
}
