package org.networkeras.community;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.networkeras.i18n.Language;

/**
 * A group that owns a catalog and settings. Several conversations, even on different platforms, can
 * belong to one community.
 *
 * @param id the stored id
 * @param name a display name (user-supplied text)
 * @param zone the zone time phrases resolve in and times show in
 * @param language the language of the bot's replies, or {@code null} to follow each member's locale
 * @param defaultCity the city assumed when a member names none, or {@code null}
 * @param createdAt when the bot first saw it
 */
public record Community(
    long id, String name, ZoneId zone, Language language, String defaultCity, Instant createdAt) {

  public Community {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
