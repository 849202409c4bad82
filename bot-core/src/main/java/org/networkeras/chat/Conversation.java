package org.networkeras.chat;

import java.util.Locale;
import java.util.Objects;

/**
 * A place where messages are exchanged: a Discord channel, a Telegram chat, a console chat.
 *
 * @param platform where the conversation is
 * @param id the platform's id for the conversation (channel id, chat id)
 * @param kind a direct chat with one person, or a group
 * @param communityId the platform's id of the group that owns the conversation (the Discord guild
 *     id, the Telegram group's chat id, the console chat name), or {@code null} for a direct chat.
 *     Core maps it to a community; several may be linked to one.
 */
public record Conversation(Platform platform, String id, Kind kind, String communityId) {

  /** Whether the conversation is with one person or a group. */
  public enum Kind {
    DIRECT,
    GROUP
  }

  public Conversation {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.GROUP && communityId == null) {
      throw new IllegalArgumentException("a group conversation belongs to a community");
    }
  }

  public static Conversation group(Platform platform, String id, String communityId) {
    return new Conversation(platform, id, Kind.GROUP, communityId);
  }

  public static Conversation direct(Platform platform, String id) {
    return new Conversation(platform, id, Kind.DIRECT, null);
  }

  public boolean isDirect() {
    return kind == Kind.DIRECT;
  }

  /** A key unique across platforms, for storage and caches. */
  public String key() {
    return platform.name().toLowerCase(Locale.ROOT) + ":" + id;
  }
}
