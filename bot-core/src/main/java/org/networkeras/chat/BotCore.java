package org.networkeras.chat;

import java.util.List;
import java.util.Optional;
import org.networkeras.command.CommandSpec;

/**
 * The core as adapters see it. Every method is synchronous and may block on the database: adapters
 * call it off their platform's event thread and own acknowledgements (Discord's deferral,
 * Telegram's {@code answerCallbackQuery}). Safe to call from several threads. No method throws for
 * bad input: every failure becomes a reply.
 */
public interface BotCore {

  Reply handle(IncomingCommand command);

  Reply handle(ButtonPress press);

  Reply handle(FormSubmission submission);

  /**
   * An ordinary message: answered only when it continues a conversation core is having with the
   * member (a guided suggestion), empty otherwise (adapters then ignore it).
   */
  Optional<Reply> handle(IncomingMessage message);

  /**
   * Autocomplete suggestions for a command option the member is typing (at most 25).
   *
   * @param command the command name
   * @param parameter the option being typed
   * @param prefix what has been typed so far
   */
  List<Choice> complete(
      String command, String parameter, String prefix, ChatUser user, Conversation conversation);

  /** Every command core understands, declared once for every platform. */
  List<CommandSpec> commandSpecs();
}
