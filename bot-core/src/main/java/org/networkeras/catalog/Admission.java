package org.networkeras.catalog;

import java.util.Arrays;

/** Whether entry to an event costs something, as far as the catalog knows. */
public enum Admission {
  FREE("free"),
  PAID("paid"),
  /** Nobody said: a member's suggestion does not ask. Shown as nothing, never as paid. */
  UNKNOWN("unknown");

  private final String key;

  Admission(String key) {
    this.key = key;
  }

  /** The stored form. */
  public String key() {
    return key;
  }

  /**
   * The admission stored as {@code key}.
   *
   * @throws IllegalArgumentException if no admission has that key
   */
  public static Admission fromKey(String key) {
    return Arrays.stream(values())
        .filter(a -> a.key.equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no admission '" + key + "'"));
  }
}
