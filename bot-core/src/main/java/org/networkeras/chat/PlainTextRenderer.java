package org.networkeras.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a reply as plain text: blocks separated by a blank line, a block's title on its own line,
 * times in the piece's zone (or ISO-8601 for scripts), buttons numbered at the end ({@code [1] More
 * [2] Website}). Used by the console and by tests. Thread-safe.
 */
public final class PlainTextRenderer {

  private final Clock clock;
  private final boolean isoTimes;

  /**
   * @param clock what relative times are measured from
   * @param isoTimes write every time as ISO-8601 with its offset
   */
  public PlainTextRenderer(Clock clock, boolean isoTimes) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.isoTimes = isoTimes;
  }

  /** The reply's text and numbered buttons. */
  public String render(Reply reply) {
    StringBuilder out = new StringBuilder();
    for (Block block : reply.blocks()) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      block.title().ifPresent(title -> out.append(line(title, reply)).append('\n'));
      for (Line line : block.lines()) {
        out.append(line(line, reply)).append('\n');
      }
    }
    String buttons = buttons(reply);
    if (!buttons.isEmpty()) {
      out.append(buttons).append('\n');
    }
    return out.toString();
  }

  /** One line of pieces. */
  public String line(Line line, Reply reply) {
    StringBuilder out = new StringBuilder();
    for (Piece piece : line.pieces()) {
      out.append(piece(piece, reply));
    }
    return out.toString();
  }

  /** The buttons as {@code [1] Label [2] Label → https://…}, or empty. */
  public String buttons(Reply reply) {
    List<String> labels = new ArrayList<>();
    int n = 1;
    for (Button button : reply.allButtons()) {
      labels.add("[" + n++ + "] " + button.label() + (button.isLink() ? " → " + button.url() : ""));
    }
    return String.join("  ", labels);
  }

  private String piece(Piece piece, Reply reply) {
    if (piece instanceof Piece.Text text) {
      return text.text();
    } else if (piece instanceof Piece.Bold bold) {
      return bold.text();
    } else if (piece instanceof Piece.Link link) {
      String url = link.url().toString();
      return link.label().equals(url) ? url : link.label() + " <" + url + ">";
    } else if (piece instanceof Piece.Time time) {
      return isoTimes ? TimeText.iso(time) : TimeText.format(time, reply.locale(), clock.instant());
    } else if (piece instanceof Piece.EventRef ref) {
      return ref.ref();
    }
    throw new IllegalArgumentException("unknown piece " + piece);
  }
}
