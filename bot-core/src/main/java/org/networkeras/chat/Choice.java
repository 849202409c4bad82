package org.networkeras.chat;

import java.util.Objects;

/**
 * An autocomplete suggestion for a command option.
 *
 * @param label what the member sees
 * @param value what is filled in
 */
public record Choice(String label, String value) {
  public Choice {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
  }
}
