package org.networkeras.chat;

/** Who sees a reply. */
public enum Visibility {
  /** Everyone in the conversation. */
  PUBLIC,
  /** Only the member who asked (a Discord ephemeral reply, a private chat on Telegram). */
  PRIVATE
}
