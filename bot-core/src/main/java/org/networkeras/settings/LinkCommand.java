package org.networkeras.settings;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.chat.Visibility;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityService;
import org.networkeras.i18n.Messages;
import org.networkeras.moderation.ModerationLog;

/**
 * {@code /link}: prints a one-time code, valid ten minutes; {@code /link CODE} typed by an admin in
 * another group conversation (same platform or another) joins that conversation's group to the
 * code's community: one catalog, one queue, one set of settings. Codes live in the database, so any
 * instance redeems them. The code is {@link Visibility#SECRET}: whoever reads it can join their own
 * group to this community. The dispatcher lets only admins in.
 */
public final class LinkCommand implements CommandHandler {

  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int CODE_LENGTH = 8;

  private final CommunityService communities;
  private final SettingsRepository repository;
  private final ModerationLog log;
  private final SecureRandom random = new SecureRandom();
  private final CommandSpec spec;

  public LinkCommand(
      CommunityService communities,
      SettingsRepository repository,
      ModerationLog log,
      Messages messages) {
    this.communities = communities;
    this.repository = repository;
    this.log = log;
    this.spec =
        new CommandSpec(
            "link",
            LocalizedText.of(messages, "link.description"),
            List.of(
                ParameterSpec.of(
                    "code",
                    LocalizedText.of(messages, "link.param.code"),
                    ParameterSpec.Type.WORD,
                    false)),
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
    Optional<String> typed = context.arguments().get("code");
    if (typed.isEmpty()) {
      String code = code();
      repository.saveCode(
          code, community.id(), context.command().user().key(), context.now().plus(CODE_LIFETIME));
      return context
          .reply()
          .line(Line.text(context.text("link.code_intro")))
          .line(Piece.bold("/link " + code))
          .line(Line.text(context.text("link.code_hint", CODE_LIFETIME.toMinutes())))
          .visibility(Visibility.SECRET)
          .build();
    }
    String code = typed.get().strip().toUpperCase(Locale.ROOT);
    long target =
        repository
            .redeem(code, context.now())
            .orElseThrow(() -> new CommandException("link.bad_code", typed.get().strip()));
    if (target == community.id()) {
      throw new CommandException("link.same_community");
    }
    Conversation conversation = context.command().conversation();
    String groupKey =
        CommunityService.groupKey(conversation.platform(), conversation.communityId());
    repository.link(groupKey, community.id(), target);
    communities.forget();
    Community joined = communities.find(target).orElseThrow();
    log.record(
        community.id(),
        context.command().user(),
        ModerationLog.Action.LINKED,
        null,
        groupKey + " -> " + target,
        context.now());
    log.record(
        target,
        context.command().user(),
        ModerationLog.Action.LINKED,
        null,
        groupKey,
        context.now());
    return context
        .reply()
        .line(Piece.text(context.text("link.linked") + " "), Piece.bold(joined.name()))
        .build();
  }

  private String code() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }
}
