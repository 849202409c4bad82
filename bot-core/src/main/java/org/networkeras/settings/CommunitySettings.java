package org.networkeras.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Platform;

/**
 * What a community's admins set with {@code /settings}, beyond the zone, language and default city
 * of {@link org.networkeras.community.Community}: a snapshot, read at once. Settings are changed
 * one at a time through {@link SettingsService}, never by writing a whole snapshot back.
 *
 * @param communityId the community
 * @param mode whether members' suggestions wait for a moderator
 * @param announceTo the group conversations a published event is posted to, oldest first
 * @param moderatorsChat where moderators hear of new suggestions, or {@code null} to write to each
 *     moderator directly
 * @param moderators keys ({@link org.networkeras.chat.ChatUser#key()}) of members named moderators
 * @param admins keys of members named admins
 * @param reminderOffsets how long before an event reminders go out (used by reminders)
 */
public record CommunitySettings(
    long communityId,
    Mode mode,
    List<Conversation> announceTo,
    Conversation moderatorsChat,
    Set<String> moderators,
    Set<String> admins,
    List<Duration> reminderOffsets) {

  /** The reminder offsets a community starts with: a day and two hours before. */
  public static final List<Duration> DEFAULT_OFFSETS =
      List.of(Duration.ofDays(1), Duration.ofHours(2));

  /** How suggestions enter the catalog. */
  public enum Mode {
    /** Members' suggestions wait for a moderator (the default). */
    MODERATED,
    /** Members publish directly. */
    OPEN;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Mode> fromKey(String key) {
      for (Mode mode : values()) {
        if (mode.key().equalsIgnoreCase(key.strip())) {
          return Optional.of(mode);
        }
      }
      return Optional.empty();
    }
  }

  public CommunitySettings {
    Objects.requireNonNull(mode, "mode");
    announceTo = List.copyOf(announceTo);
    moderators = Set.copyOf(new LinkedHashSet<>(moderators));
    admins = Set.copyOf(new LinkedHashSet<>(admins));
    reminderOffsets = List.copyOf(reminderOffsets);
    if (moderatorsChat != null && moderatorsChat.isDirect()) {
      throw new IllegalArgumentException("the moderators' chat is a group conversation");
    }
  }

  /** The settings of a community that never changed them. */
  public static CommunitySettings defaults(long communityId) {
    return new CommunitySettings(
        communityId, Mode.MODERATED, List.of(), null, Set.of(), Set.of(), DEFAULT_OFFSETS);
  }

  /** A group conversation as stored: {@code platform|group id|conversation id}. */
  static String address(Conversation conversation) {
    return conversation.platform().name().toLowerCase(Locale.ROOT)
        + "|"
        + conversation.communityId()
        + "|"
        + conversation.id();
  }

  static Conversation conversation(String address) {
    String[] parts = address.split("\\|", 3);
    return Conversation.group(
        Platform.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[2], parts[1]);
  }

  /** The reminder offsets as stored: one ISO-8601 duration a line. */
  static String offsetLines(List<Duration> offsets) {
    return String.join("\n", offsets.stream().map(Duration::toString).toList());
  }

  static List<Duration> offsets(String stored) {
    List<Duration> values = new ArrayList<>();
    if (stored != null) {
      for (String line : stored.split("\n")) {
        if (!line.isBlank()) {
          values.add(Duration.parse(line.strip()));
        }
      }
    }
    return values;
  }
}
