package org.networkeras.delivery;

import java.util.Objects;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Platform;

/** Where an outgoing message goes: a conversation, or a member's direct chat with the bot. */
public sealed interface Target {

  /** The platform the message is sent on. */
  Platform platform();

  /**
   * The platform's id of the chat the message lands in, for rate limits: a conversation's id, or
   * the member's id (Telegram uses the user id as the id of the direct chat).
   */
  String chatId();

  /** Whether the message lands in a group (which platforms limit more tightly). */
  boolean isGroup();

  /** A post in {@code conversation}. */
  static Target conversation(Conversation conversation) {
    return new InConversation(conversation);
  }

  /** A direct message to {@code member}. */
  static Target member(ChatUser member) {
    return new ToMember(member);
  }

  /** A post in a conversation. */
  record InConversation(Conversation conversation) implements Target {
    public InConversation {
      Objects.requireNonNull(conversation, "conversation");
    }

    @Override
    public Platform platform() {
      return conversation.platform();
    }

    @Override
    public String chatId() {
      return conversation.id();
    }

    @Override
    public boolean isGroup() {
      return !conversation.isDirect();
    }

    @Override
    public String toString() {
      return conversation.key();
    }
  }

  /** A direct message to a member. */
  record ToMember(ChatUser member) implements Target {
    public ToMember {
      Objects.requireNonNull(member, "member");
    }

    @Override
    public Platform platform() {
      return member.platform();
    }

    @Override
    public String chatId() {
      return member.id();
    }

    @Override
    public boolean isGroup() {
      return false;
    }

    @Override
    public String toString() {
      return "member " + member.key();
    }
  }
}
