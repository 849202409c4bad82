package org.networkeras.command;

import java.util.Objects;

/**
 * A failure the member can act on: the message key and its arguments are rendered in the member's
 * language and shown privately. Never carries a stack trace to the chat.
 */
public class CommandException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final transient Object[] arguments;

  /**
   * @param messageKey a key of the message bundles
   * @param arguments its ICU {@link com.ibm.icu.text.MessageFormat} arguments
   */
  public CommandException(String messageKey, Object... arguments) {
    super(messageKey, null, false, false);
    this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
    this.arguments = arguments.clone();
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
