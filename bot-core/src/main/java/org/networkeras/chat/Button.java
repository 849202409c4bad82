package org.networkeras.chat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A button under a reply: either a callback (pressing it sends {@link ButtonPress} with the token)
 * or a link.
 *
 * @param label what the button shows
 * @param token the callback token, or {@code null} for a link button
 * @param url the link, or {@code null} for a callback button
 */
public record Button(String label, String token, URI url) {

  /** Telegram's {@code callback_data} limit; Discord allows 100. */
  public static final int MAX_TOKEN_BYTES = 64;

  public Button {
    Objects.requireNonNull(label, "label");
    if ((token == null) == (url == null)) {
      throw new IllegalArgumentException("a button has either a token or a url");
    }
    if (token != null) {
      int bytes = token.getBytes(StandardCharsets.UTF_8).length;
      if (bytes == 0 || bytes > MAX_TOKEN_BYTES) {
        throw new IllegalArgumentException(
            "button token must be 1.." + MAX_TOKEN_BYTES + " UTF-8 bytes: " + token);
      }
    }
  }

  public static Button callback(String label, String token) {
    return new Button(label, token, null);
  }

  public static Button link(String label, URI url) {
    new Piece.Link(label, url); // validates the scheme
    return new Button(label, null, url);
  }

  public boolean isLink() {
    return url != null;
  }
}
