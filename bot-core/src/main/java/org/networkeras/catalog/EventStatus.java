package org.networkeras.catalog;

import java.util.Locale;

/** Where an event stands in the catalog. */
public enum EventStatus {
  /** Suggested by a member, waiting for a moderator. */
  SUGGESTED,
  /** Listed. */
  PUBLISHED,
  /** Refused by a moderator. */
  REJECTED,
  /** Was listed, then called off; stays visible as cancelled. */
  CANCELLED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EventStatus fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
