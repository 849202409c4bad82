package org.networkeras.command;

import org.networkeras.chat.Reply;

/**
 * One command: its declaration and what it answers. Implementations are stateless or thread-safe;
 * they throw {@link CommandException} for anything the member can fix.
 */
public interface CommandHandler {

  CommandSpec spec();

  Reply handle(CommandContext context);
}
