package org.networkeras.suggestion;

import org.networkeras.chat.Line;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.i18n.Messages;

/** {@code /cancel}: stops the guided suggestion (or the rejection reason) the member is in. */
public final class CancelCommand implements CommandHandler {

  private final GuidedSuggestion guided;
  private final CommandSpec spec;

  public CancelCommand(GuidedSuggestion guided, Messages messages) {
    this.guided = guided;
    this.spec = CommandSpec.forMembers("cancel", LocalizedText.of(messages, "cancel.description"));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    boolean stopped = guided.cancel(context);
    return context
        .reply()
        .line(Line.text(context.text(stopped ? "cancel.stopped" : "cancel.nothing")))
        .privately()
        .build();
  }
}
