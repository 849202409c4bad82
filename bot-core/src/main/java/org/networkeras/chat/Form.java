package org.networkeras.chat;

import java.util.List;
import java.util.Objects;

/**
 * A form a reply asks the member to fill in. Discord shows it as a modal; platforms without forms
 * ask its questions one at a time in a conversation run by core.
 *
 * @param id identifies the form in the {@link FormSubmission}; at most 64 UTF-8 bytes
 * @param title the form's heading
 * @param fields at most five fields
 */
public record Form(String id, String title, List<Field> fields) {

  public Form {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    fields = List.copyOf(fields);
    if (fields.isEmpty() || fields.size() > 5) {
      throw new IllegalArgumentException("a form has one to five fields");
    }
  }

  /**
   * One text field.
   *
   * @param id the key of its value in the submission
   * @param label the question
   * @param placeholder a hint, or empty
   * @param multiline a paragraph rather than one line
   * @param required whether it must be filled
   * @param maxLength the longest accepted answer
   */
  public record Field(
      String id,
      String label,
      String placeholder,
      boolean multiline,
      boolean required,
      int maxLength) {
    public Field {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(placeholder, "placeholder");
      if (maxLength < 1 || maxLength > 4000) {
        throw new IllegalArgumentException("maxLength must be 1..4000");
      }
    }
  }
}
