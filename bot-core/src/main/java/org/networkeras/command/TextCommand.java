package org.networkeras.command;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A command typed as a line of text ({@code /events@NetworkerasBot ce soir}), split into its name
 * and the text after it. Used by platforms that deliver text (Telegram, the console).
 *
 * @param name the command name, lower case, without slash or bot suffix
 * @param text what follows the command, stripped (may be several lines)
 * @param addressedToBot the bot suffix named ({@code NetworkerasBot}), or {@code null} when none
 */
public record TextCommand(String name, String text, String addressedToBot) {

  /** The longest line a member may send; longer ones are refused. */
  public static final int MAX_LENGTH = 2000;

  public TextCommand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Splits a message into command and text.
   *
   * @return empty when the message is not a command (does not start with {@code /} followed by a
   *     letter or digit)
   */
  public static Optional<TextCommand> parse(String message) {
    if (message == null) {
      return Optional.empty();
    }
    String line = message.stripLeading();
    if (line.length() < 2 || line.charAt(0) != '/') {
      return Optional.empty();
    }
    int end = 1;
    while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
      end++;
    }
    String head = line.substring(1, end);
    String bot = null;
    int at = head.indexOf('@');
    if (at >= 0) {
      bot = head.substring(at + 1);
      head = head.substring(0, at);
    }
    if (head.isEmpty() || !Character.isLetterOrDigit(head.charAt(0))) {
      return Optional.empty();
    }
    return Optional.of(
        new TextCommand(head.toLowerCase(Locale.ROOT), line.substring(end).strip(), bot));
  }

  /** Whether the command is meant for the bot called {@code botUsername} (or for every bot). */
  public boolean isFor(String botUsername) {
    return addressedToBot == null || addressedToBot.equalsIgnoreCase(botUsername);
  }
}
