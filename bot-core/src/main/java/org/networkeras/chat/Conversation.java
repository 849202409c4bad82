package org.networkeras.chat;

import java.util.Locale;
import java.util.Objects;

/**
 * A place where messages are exchanged: a Discord channel, a Telegram chat, a console chat.
 *
 * <p>Two conversations are equal when they are the same place (platform, id, kind, community): the
 * title is what the platform calls it at the moment and takes no part in equality.
 *
 * @param platform where the conversation is
 * @param id the platform's id for the conversation (channel id, chat id)
 * @param kind a direct chat with one person, or a group
 * @param communityId the platform's id of the group that owns the conversation (the Discord guild
 *     id, the Telegram group's chat id, the console chat name), or {@code null} for a direct chat.
 *     Core maps it to a community; several may be linked to one.
 * @param title the name members know the group by (the Discord server's name, the Telegram group's
 *     title; user-supplied text), or {@code null} when the adapter does not know it or for a direct
 *     chat. Core names a community by it, never by an id.
 */
public record Conversation(
    Platform platform, String id, Kind kind, String communityId, String title) {

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
    if (title != null && title.isBlank()) {
      title = null;
    }
  }

  /** A conversation whose title is unknown (one read back from storage). */
  public Conversation(Platform platform, String id, Kind kind, String communityId) {
    this(platform, id, kind, communityId, null);
  }

  /** A group conversation whose title is unknown. */
  public static Conversation group(Platform platform, String id, String communityId) {
    return new Conversation(platform, id, Kind.GROUP, communityId, null);
  }

  /**
   * A group conversation, with the name its members know the group by ({@code null} if unknown).
   */
  public static Conversation group(Platform platform, String id, String communityId, String title) {
    return new Conversation(platform, id, Kind.GROUP, communityId, title);
  }

  public static Conversation direct(Platform platform, String id) {
    return new Conversation(platform, id, Kind.DIRECT, null, null);
  }

  public boolean isDirect() {
    return kind == Kind.DIRECT;
  }

  /** A key unique across platforms, for storage and caches. */
  public String key() {
    return platform.name().toLowerCase(Locale.ROOT) + ":" + id;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Conversation that
        && platform == that.platform
        && id.equals(that.id)
        && kind == that.kind
        && Objects.equals(communityId, that.communityId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(platform, id, kind, communityId);
  }
}
