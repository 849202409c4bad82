package org.networkeras.chat;

import java.util.Map;
import java.util.Objects;

/**
 * A member submitted a form (a Discord modal) that a reply asked for.
 *
 * @param formId the id of the {@link Form} that was shown
 * @param fields the values by field id
 */
public record FormSubmission(
    String formId, Map<String, String> fields, ChatUser user, Conversation conversation) {
  public FormSubmission {
    Objects.requireNonNull(formId, "formId");
    Map<String, String> cleaned = new java.util.HashMap<>();
    fields.forEach((id, value) -> cleaned.put(id, InputText.clean(value)));
    fields = Map.copyOf(cleaned);
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(conversation, "conversation");
  }
}
