package org.networkeras.chat;

import java.util.Objects;

/**
 * A file sent with a reply, such as an {@code .ics} calendar entry.
 *
 * @param fileName the name shown to the member
 * @param mediaType the MIME type
 * @param content the bytes
 */
public record Attachment(String fileName, String mediaType, byte[] content) {
  public Attachment {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(mediaType, "mediaType");
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
