package org.networkeras.chat;

import java.util.Locale;
import java.util.Objects;

/**
 * A person talking to the bot on one platform.
 *
 * @param platform where the person is
 * @param id the platform's stable id for the person (a Discord snowflake, a Telegram user id)
 * @param displayName the name to show; user-supplied text, never markup
 * @param locale the locale the platform reports for the person, or {@code null} when it gives none
 * @param grantedRole the role the platform grants in the current conversation (Discord permissions,
 *     Telegram chat administrators); core decides what it allows
 */
public record ChatUser(
    Platform platform, String id, String displayName, Locale locale, Role grantedRole) {

  public ChatUser {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(id, "id");
    displayName = InputText.clean(Objects.requireNonNull(displayName, "displayName"));
    Objects.requireNonNull(grantedRole, "grantedRole");
    if (id.isBlank()) {
      throw new IllegalArgumentException("user id must not be blank");
    }
  }

  /** A member with no particular platform rights and no known locale. */
  public static ChatUser member(Platform platform, String id, String displayName) {
    return new ChatUser(platform, id, displayName, null, Role.MEMBER);
  }

  /** A key unique across platforms, for storage and caches. */
  public String key() {
    return platform.name().toLowerCase(Locale.ROOT) + ":" + id;
  }

  public ChatUser withGrantedRole(Role role) {
    return new ChatUser(platform, id, displayName, locale, role);
  }
}
