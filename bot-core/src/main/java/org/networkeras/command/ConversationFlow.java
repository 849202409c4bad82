package org.networkeras.command;

import java.util.Map;
import java.util.Optional;
import org.networkeras.chat.Reply;

/**
 * Answers what is not a command: ordinary messages that continue a conversation core started (a
 * guided suggestion, a rejection reason) and submitted forms. Thread-safe.
 */
public interface ConversationFlow {

  /**
   * Whether a conversation with this member is under way here; cheap and without side effects, so
   * the many messages that continue nothing cost nothing.
   *
   * @param conversationKey {@link org.networkeras.chat.Conversation#key()}
   * @param userKey {@link org.networkeras.chat.ChatUser#key()}
   */
  boolean isWaitingFor(String conversationKey, String userKey);

  /**
   * @return the answer, or empty when the message continues no conversation (it is then ignored)
   */
  Optional<Reply> message(String text, CommandContext context);

  /**
   * @return the answer, or empty when {@code formId} is not one of this flow's forms
   */
  Optional<Reply> form(String formId, Map<String, String> fields, CommandContext context);
}
