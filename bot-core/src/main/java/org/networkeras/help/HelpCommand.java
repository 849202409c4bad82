package org.networkeras.help;

import java.util.List;
import java.util.function.Supplier;
import org.networkeras.chat.Block;
import org.networkeras.chat.Choice;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.Dispatcher;
import org.networkeras.command.LocalizedText;
import org.networkeras.command.ParameterSpec;
import org.networkeras.command.Usage;
import org.networkeras.command.Words;
import org.networkeras.community.Community;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/**
 * {@code /help [command]}: every command the member may use, or one command's usage. Completes
 * command names ({@link ParameterSpec.Autocomplete#COMMAND}).
 */
public final class HelpCommand implements CommandHandler, Dispatcher.Completer {

  private final Supplier<List<CommandSpec>> specs;
  private final CommandSpec spec;

  /**
   * @param specs every command, read when help is asked (the list includes this one)
   */
  public HelpCommand(Messages messages, Supplier<List<CommandSpec>> specs) {
    this.specs = specs;
    this.spec =
        CommandSpec.forMembers(
            "help",
            LocalizedText.of(messages, "help.description"),
            ParameterSpec.of(
                    "command",
                    LocalizedText.of(messages, "help.param.command"),
                    ParameterSpec.Type.WORD,
                    false)
                .withAutocomplete(ParameterSpec.Autocomplete.COMMAND));
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public List<Choice> complete(
      ParameterSpec.Autocomplete kind, String prefix, Community community, Language language) {
    if (kind != ParameterSpec.Autocomplete.COMMAND) {
      return List.of();
    }
    String typed = Words.fold(prefix.strip()).replaceFirst("^/", "");
    return specs.get().stream()
        .filter(command -> command.name().startsWith(typed))
        .map(
            command -> {
              String label = "/" + command.name() + " — " + command.description().in(language);
              return new Choice(
                  label.length() > 100 ? label.substring(0, 99) + "…" : label, command.name());
            })
        .toList();
  }

  @Override
  public Reply handle(CommandContext context) {
    Language language = context.language();
    List<CommandSpec> visible =
        specs.get().stream().filter(s -> context.role().atLeast(s.audience())).toList();
    var asked = context.arguments().get("command");
    Reply.Builder reply = context.reply();
    if (asked.isPresent()) {
      String name = asked.get().replaceFirst("^/", "").toLowerCase(java.util.Locale.ROOT);
      CommandSpec found =
          visible.stream()
              .filter(s -> s.name().equals(name))
              .findFirst()
              .orElseThrow(() -> unknown(name, visible));
      reply.block(
          Block.titled(
              Line.of(Piece.bold(Usage.of(found, language))), parameterLines(found, language)));
      return reply.build();
    }
    reply.line(Line.text(context.text("help.intro")));
    for (CommandSpec command : visible) {
      reply.line(
          Line.of(
              Piece.bold(Usage.of(command, language)),
              Piece.text(" — " + command.description().in(language))));
    }
    reply.line(Line.text(context.text("help.more")));
    return reply.build();
  }

  private static List<Line> parameterLines(CommandSpec spec, Language language) {
    List<Line> lines = new java.util.ArrayList<>();
    lines.add(Line.text(spec.description().in(language)));
    for (ParameterSpec parameter : spec.parameters()) {
      String choices =
          parameter.choices().isEmpty()
              ? ""
              : " ("
                  + String.join(
                      ", ", parameter.choices().stream().map(c -> c.label().in(language)).toList())
                  + ")";
      lines.add(
          Line.of(
              Piece.bold(Usage.word(parameter, language)),
              Piece.text(": " + parameter.description().in(language) + choices)));
    }
    return lines;
  }

  private static CommandException unknown(String name, List<CommandSpec> visible) {
    String nearest = Words.nearest(name, visible.stream().map(CommandSpec::name).toList(), 2);
    return nearest == null
        ? new CommandException("command.unknown", name)
        : new CommandException("command.unknown_did_you_mean", name, nearest);
  }
}
