package org.networkeras.delivery;

import java.time.Instant;
import java.util.Locale;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;

/** Outgoing messages for tests. */
final class OutgoingMessages {

  static final Conversation GROUP = Conversation.group(Platform.TELEGRAM, "-100200", "-100200");
  static final ChatUser ALICE = ChatUser.member(Platform.TELEGRAM, "4242", "Alice");

  private OutgoingMessages() {}

  static OutgoingMessage toGroup(String key, Instant notBefore, Instant expiresAt) {
    return OutgoingMessage.of(
        key, Target.conversation(GROUP), Reply.text(Locale.ENGLISH, key), notBefore, expiresAt);
  }

  static OutgoingMessage toAlice(String key, Instant notBefore, Instant expiresAt) {
    return OutgoingMessage.of(
        key, Target.member(ALICE), Reply.text(Locale.ENGLISH, key), notBefore, expiresAt);
  }
}
