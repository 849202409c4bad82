package org.networkeras.catalog;

import java.util.Locale;

/** The four kinds of events the scene knows, each with its own upsides and downsides. */
public enum Family {
  NETWORKING,
  BLOGGERS,
  PROMOTIONAL,
  COMMON_INTEREST;

  /** The key used in storage, tokens and message keys ({@code common_interest}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Family fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
