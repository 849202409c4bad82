package org.networkeras.chat;

import java.util.Objects;

/**
 * A member pressed a callback button of a reply.
 *
 * @param token the button's callback token, as core issued it
 */
public record ButtonPress(String token, ChatUser user, Conversation conversation) {
  public ButtonPress {
    token = InputText.clean(Objects.requireNonNull(token, "token"));
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(conversation, "conversation");
  }
}
