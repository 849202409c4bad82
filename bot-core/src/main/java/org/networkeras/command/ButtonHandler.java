package org.networkeras.command;

import org.networkeras.chat.Reply;

/**
 * Answers presses of the buttons whose token starts with {@link #prefix()} and a colon. Tokens are
 * at most 64 bytes and carry everything needed to answer, so a press works after a restart.
 */
public interface ButtonHandler {

  /** A short prefix, unique among handlers ({@code ev}, {@code more}). */
  String prefix();

  /**
   * @param payload the token after the prefix and colon
   * @param context the press's context; its arguments are empty
   */
  Reply press(String payload, CommandContext context);
}
