package org.networkeras.discord;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.TimeText;

/**
 * Writes reply pieces as Discord markdown. Every string that reaches a chat goes through {@link
 * #escape(String)}, so user-supplied text is shown exactly as typed: no markup, no masked link, no
 * mention syntax. Stateless and thread-safe.
 */
final class DiscordMarkdown {

  /** Characters Discord's markdown gives a meaning to; a backslash shows them literally. */
  private static final String SPECIAL = "\\*_~`|<>[]()#-@";

  private DiscordMarkdown() {}

  /** {@code text} with every markdown character escaped, so it shows as typed. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int leadingDigits = 0; // digits since the start of the line, -1 once anything else came
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // "1. " at the start of a line would become an ordered list.
      if (SPECIAL.indexOf(c) >= 0 || (c == '.' && leadingDigits > 0)) {
        out.append('\\');
      }
      out.append(c);
      if (c == '\n') {
        leadingDigits = 0;
      } else if (leadingDigits >= 0 && c >= '0' && c <= '9') {
        leadingDigits++;
      } else {
        leadingDigits = -1;
      }
    }
    return out.toString();
  }

  /** A line for a message body or an embed description: timestamps show in each viewer's zone. */
  static String line(Line line) {
    StringBuilder out = new StringBuilder();
    for (Piece piece : line.pieces()) {
      out.append(piece(piece));
    }
    return out.toString();
  }

  /**
   * A line for an embed title, where Discord renders neither timestamps nor links: times are
   * written in the piece's zone, links as their label.
   */
  static String title(Line line, Locale locale, Instant now) {
    StringBuilder out = new StringBuilder();
    for (Piece piece : line.pieces()) {
      if (piece instanceof Piece.Time time) {
        out.append(escape(TimeText.format(time, locale, now)));
      } else if (piece instanceof Piece.Link link) {
        out.append(escape(link.label()));
      } else if (piece instanceof Piece.Bold bold) {
        out.append(escape(bold.text()));
      } else {
        out.append(piece(piece));
      }
    }
    return out.toString();
  }

  static String piece(Piece piece) {
    if (piece instanceof Piece.Text text) {
      return escape(text.text());
    }
    if (piece instanceof Piece.Bold bold) {
      return bold.text().isBlank() ? bold.text() : "**" + escape(bold.text()) + "**";
    }
    if (piece instanceof Piece.Link link) {
      return "[" + escape(link.label()) + "](" + url(link.url()) + ")";
    }
    if (piece instanceof Piece.Time time) {
      return timestamp(time);
    }
    if (piece instanceof Piece.EventRef ref) {
      return "`" + ref.ref().replace('`', '\'') + "`";
    }
    throw new IllegalArgumentException("unknown piece " + piece);
  }

  /** A Discord timestamp, shown in each viewer's own zone and language. */
  static String timestamp(Piece.Time time) {
    char style =
        switch (time.style()) {
          case FULL -> 'F';
          case TIME -> 't';
          case DATE -> 'D';
          case RELATIVE -> 'R';
        };
    return "<t:" + time.instant().getEpochSecond() + ":" + style + ">";
  }

  /** The address as ASCII, with the characters that would end a masked link percent-encoded. */
  static String url(URI url) {
    return url.toASCIIString()
        .replace("(", "%28")
        .replace(")", "%29")
        .replace(" ", "%20")
        .replace("<", "%3C")
        .replace(">", "%3E");
  }
}
