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
   * One field: a text the member types, or, when it has options, a pick of one of them (a select
   * menu). Only platforms whose {@link Capabilities#selectMenusInForms()} is true get fields with
   * options; core leaves them out elsewhere.
   *
   * @param id the key of its value in the submission
   * @param label the question
   * @param placeholder a hint, or empty
   * @param multiline a paragraph rather than one line (text fields only)
   * @param required whether it must be filled
   * @param maxLength the longest accepted answer
   * @param options the values to pick from (at most 25; the submission holds the chosen {@link
   *     Choice#value()}), or empty for a text field
   */
  public record Field(
      String id,
      String label,
      String placeholder,
      boolean multiline,
      boolean required,
      int maxLength,
      List<Choice> options) {

    /** A text field. */
    public Field(
        String id,
        String label,
        String placeholder,
        boolean multiline,
        boolean required,
        int maxLength) {
      this(id, label, placeholder, multiline, required, maxLength, List.of());
    }

    public Field {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(placeholder, "placeholder");
      if (maxLength < 1 || maxLength > 4000) {
        throw new IllegalArgumentException("maxLength must be 1..4000");
      }
      options = List.copyOf(options);
      if (options.size() > 25) {
        throw new IllegalArgumentException("at most 25 options");
      }
      if (!options.isEmpty() && multiline) {
        throw new IllegalArgumentException("a field with options is not multiline");
      }
    }

    /** Whether the member picks one of {@link #options()} rather than typing. */
    public boolean isSelect() {
      return !options.isEmpty();
    }
  }
}
