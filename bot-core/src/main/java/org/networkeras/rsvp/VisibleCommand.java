package org.networkeras.rsvp;

import java.util.Objects;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.Words;
import org.networkeras.i18n.Messages;

/**
 * {@code /visible on|off}: whether the member's name shows in "who is going" on the cards of this
 * community. Members are not shown until they say so; counts always include everyone.
 */
public final class VisibleCommand implements CommandHandler {

  private final RsvpService rsvps;
  private final CommandSpec spec;

  public VisibleCommand(RsvpService rsvps, Messages messages) {
    this.rsvps = Objects.requireNonNull(rsvps, "rsvps");
    this.spec =
        CommandSpec.forMembers(
            "visible",
            LocalizedText.of(messages, "visible.description"),
            ParameterSpec.of(
                    "choice",
                    LocalizedText.of(messages, "visible.param.choice"),
                    ParameterSpec.Type.WORD,
                    false)
                .withChoices(
                    java.util.List.of(
                        new ParameterSpec.Choice("on", LocalizedText.of(messages, "visible.on")),
                        new ParameterSpec.Choice(
                            "off", LocalizedText.of(messages, "visible.off")))));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Reply handle(CommandContext context) {
    String key = context.command().user().key();
    String choice = Words.fold(context.arguments().get("choice").orElse("").strip());
    switch (choice) {
      case "" -> {
        boolean visible = rsvps.visible(context.community(), key);
        return context
            .reply()
            .line(
                org.networkeras.chat.Line.text(
                    context.text(visible ? "visible.is_on" : "visible.is_off")))
            .privately()
            .build();
      }
      case "on", "yes", "show", "oui", "afficher", "affiche", "active", "activer" ->
          rsvps.setVisible(context.community(), key, true);
      case "off", "no", "hide", "non", "masquer", "masque", "cacher", "desactive", "desactiver" ->
          rsvps.setVisible(context.community(), key, false);
      default -> throw new CommandException("visible.usage");
    }
    boolean visible = rsvps.visible(context.community(), key);
    return context
        .reply()
        .line(
            org.networkeras.chat.Line.text(
                context.text(visible ? "visible.now_on" : "visible.now_off")))
        .privately()
        .build();
  }
}
