package org.networkeras.reminder;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Line;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.community.Community;
import org.networkeras.i18n.Messages;
import org.networkeras.settings.Delays;

/**
 * {@code /reminders [1d 2h | off | default | quiet 22:00-08:00 | quiet off]}: a member's reminder
 * defaults in this community, applied at once to the reminders not yet sent. Alone, it shows them.
 */
public final class RemindersCommand implements CommandHandler {

  private final ReminderService reminders;
  private final CommandSpec spec;

  public RemindersCommand(ReminderService reminders, Messages messages) {
    this.reminders = Objects.requireNonNull(reminders, "reminders");
    this.spec =
        CommandSpec.forMembers(
            "reminders",
            LocalizedText.of(messages, "reminders.description"),
            ParameterSpec.of(
                "choice",
                LocalizedText.of(messages, "reminders.param.choice"),
                ParameterSpec.Type.TEXT,
                false));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    Community community = context.community();
    String member = context.command().user().key();
    String value = context.arguments().get("choice").orElse("").strip().toLowerCase(Locale.ROOT);
    if (value.startsWith("quiet") || value.startsWith("calme")) {
      String range = value.substring(5).strip();
      if (range.equals("off") || range.equals("aucun")) {
        reminders.setQuiet(community, member, Optional.empty());
      } else {
        reminders.setQuiet(community, member, Optional.of(QuietHours.parse(range)));
      }
    } else {
      switch (value) {
        case "" -> {}
        case "off", "aucun", "none" -> reminders.setDefaults(community, member, Optional.of("off"));
        case "default", "défaut", "defaut", "reset" ->
            reminders.setDefaults(community, member, Optional.empty());
        default ->
            reminders.setDefaults(
                community,
                member,
                Optional.of(ReminderOffsets.format(ReminderOffsets.parse(value))));
      }
    }
    return summary(context, community, member);
  }

  private Reply summary(CommandContext context, Community community, String member) {
    ReminderPreferences.Choice choice = reminders.preferences(community, member);
    String offsets =
        choice
            .offsets()
            .map(
                o ->
                    o.equals("off")
                        ? context.text("reminders.none")
                        : Delays.text(ReminderOffsets.stored(o), context))
            .orElseGet(
                () ->
                    context.text(
                        "reminders.community",
                        Delays.text(reminders.communityOffsets(community), context)));
    Reply.Builder reply = context.reply();
    reply.line(Line.text(context.text("reminders.yours", offsets)));
    reply.line(
        Line.text(
            choice
                .quiet()
                .map(q -> context.text("reminders.quiet", q.toString()))
                .orElse(context.text("reminders.no_quiet"))));
    reply.line(Line.text(context.text("reminders.usage")));
    return reply.privately().build();
  }
}
