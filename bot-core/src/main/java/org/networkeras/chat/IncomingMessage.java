package org.networkeras.chat;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An ordinary message (not a command) a member sent. Core answers it only when it continues a
 * conversation core started (a guided suggestion); otherwise it is ignored.
 */
public record IncomingMessage(
    String text, ChatUser user, Conversation conversation, Instant receivedAt, Locale locale) {
  public IncomingMessage {
    text = InputText.clean(Objects.requireNonNull(text, "text"));
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
