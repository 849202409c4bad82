package org.networkeras.chat;

import java.util.List;

/** One line of a reply: pieces shown side by side. */
public record Line(List<Piece> pieces) {
  public Line {
    pieces = List.copyOf(pieces);
  }

  public static Line of(Piece... pieces) {
    return new Line(List.of(pieces));
  }

  public static Line text(String text) {
    return of(Piece.text(text));
  }

  public boolean isEmpty() {
    return pieces.isEmpty();
  }
}
