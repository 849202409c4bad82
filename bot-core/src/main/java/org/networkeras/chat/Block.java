package org.networkeras.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A paragraph of a reply: an optional title and lines. Discord renders a titled block as an embed;
 * text platforms show the title in bold above the lines.
 *
 * @param title the heading, or empty
 * @param lines the body
 */
public record Block(Optional<Line> title, List<Line> lines) {
  public Block {
    Objects.requireNonNull(title, "title");
    lines = List.copyOf(lines);
  }

  public static Block of(Line... lines) {
    return new Block(Optional.empty(), List.of(lines));
  }

  public static Block of(List<Line> lines) {
    return new Block(Optional.empty(), lines);
  }

  public static Block titled(Line title, List<Line> lines) {
    return new Block(Optional.of(title), lines);
  }
}
