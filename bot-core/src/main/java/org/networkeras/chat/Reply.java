package org.networkeras.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot says: blocks of typed text, rows of buttons, a visibility, optional attachments and
 * an optional form to show.
 *
 * @param blocks the text, in order
 * @param buttons rows of buttons under the text (at most five rows of five)
 * @param visibility who sees it
 * @param attachments files sent with it
 * @param form a form to show instead of (Discord) or after (text platforms) the text, or empty
 * @param locale the language the reply is written in; adapters format times and dates with it
 */
public record Reply(
    List<Block> blocks,
    List<List<Button>> buttons,
    Visibility visibility,
    List<Attachment> attachments,
    Optional<Form> form,
    Locale locale) {

  public static final int MAX_BUTTON_ROWS = 5;
  public static final int MAX_BUTTONS_PER_ROW = 5;

  public Reply {
    blocks = List.copyOf(blocks);
    List<List<Button>> rows = new ArrayList<>();
    for (List<Button> row : buttons) {
      if (row.isEmpty() || row.size() > MAX_BUTTONS_PER_ROW) {
        throw new IllegalArgumentException("a button row holds 1.." + MAX_BUTTONS_PER_ROW);
      }
      rows.add(List.copyOf(row));
    }
    if (rows.size() > MAX_BUTTON_ROWS) {
      throw new IllegalArgumentException("a reply holds at most " + MAX_BUTTON_ROWS + " rows");
    }
    buttons = List.copyOf(rows);
    Objects.requireNonNull(visibility, "visibility");
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(locale, "locale");
  }

  public static Builder builder(Locale locale) {
    return new Builder(locale);
  }

  /** A public reply of plain text lines. */
  public static Reply text(Locale locale, String... lines) {
    Builder builder = builder(locale);
    for (String line : lines) {
      builder.line(Line.text(line));
    }
    return builder.build();
  }

  /** All buttons, row after row. */
  public List<Button> allButtons() {
    return buttons.stream().flatMap(List::stream).toList();
  }

  public Reply withVisibility(Visibility newVisibility) {
    return new Reply(blocks, buttons, newVisibility, attachments, form, locale);
  }

  /** Builds a reply block by block. Not thread-safe. */
  public static final class Builder {
    private final Locale locale;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Line> pending = new ArrayList<>();
    private final List<List<Button>> buttons = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private Visibility visibility = Visibility.PUBLIC;
    private Form form;

    private Builder(Locale locale) {
      this.locale = Objects.requireNonNull(locale, "locale");
    }

    /** Adds a line to the current untitled block. */
    public Builder line(Line line) {
      pending.add(line);
      return this;
    }

    public Builder line(Piece... pieces) {
      return line(Line.of(pieces));
    }

    /** Closes the current untitled block, if any, and adds {@code block}. */
    public Builder block(Block block) {
      flush();
      blocks.add(block);
      return this;
    }

    public Builder buttonRow(List<Button> row) {
      if (!row.isEmpty()) {
        buttons.add(row);
      }
      return this;
    }

    public Builder buttonRow(Button... row) {
      return buttonRow(List.of(row));
    }

    public Builder attachment(Attachment attachment) {
      attachments.add(attachment);
      return this;
    }

    public Builder form(Form newForm) {
      this.form = newForm;
      return this;
    }

    public Builder visibility(Visibility newVisibility) {
      this.visibility = newVisibility;
      return this;
    }

    public Builder privately() {
      return visibility(Visibility.PRIVATE);
    }

    public Reply build() {
      flush();
      return new Reply(blocks, buttons, visibility, attachments, Optional.ofNullable(form), locale);
    }

    private void flush() {
      if (!pending.isEmpty()) {
        blocks.add(Block.of(List.copyOf(pending)));
        pending.clear();
      }
    }
  }
}
