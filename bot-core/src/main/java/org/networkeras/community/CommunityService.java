package org.networkeras.community;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Platform;
import org.networkeras.cluster.CacheEvents;
import org.networkeras.i18n.Language;

/**
 * Finds the community behind a conversation and the language to answer in. Caches what every
 * command reads (community settings by group, each member's last community). Thread-safe.
 */
public final class CommunityService {

  private static final Duration TOUCH_EVERY = Duration.ofHours(1);

  private final CommunityRepository repository;
  private final CommunityDefaults defaults;
  private final Clock clock;

  /**
   * How long a group's community (with its zone, language and city) is cached at most: how late
   * another instance may see a change should the message of the change be lost (see {@link
   * CacheEvents}).
   */
  public static final Duration CACHE_EXPIRY = Duration.ofMinutes(1);

  private final Cache<String, Community> byGroup =
      Caffeine.newBuilder()
          .maximumSize(10_000)
          .expireAfterWrite(CACHE_EXPIRY)
          .recordStats()
          .build();
  private final Cache<String, Touch> touches =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(TOUCH_EVERY).build();

  private record Touch(long communityId, Instant at) {}

  /** The cache's name in {@link CacheEvents}. */
  public static final String CACHE_NAME = "communities";

  private final CacheEvents cacheEvents;

  /** Communities cached for this process alone. */
  public CommunityService(CommunityRepository repository, CommunityDefaults defaults, Clock clock) {
    this(repository, defaults, clock, CacheEvents.local());
  }

  /**
   * @param cacheEvents how the instances sharing the database hear of each other's changes: a
   *     change on one makes every instance forget its cached communities
   */
  public CommunityService(
      CommunityRepository repository,
      CommunityDefaults defaults,
      Clock clock,
      CacheEvents cacheEvents) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cacheEvents = Objects.requireNonNull(cacheEvents, "cacheEvents");
    cacheEvents.onChange(CACHE_NAME, key -> byGroup.invalidateAll());
  }

  private void changed() {
    cacheEvents.changed(CACHE_NAME, CacheEvents.EVERYTHING);
  }

  /** The cache of communities by group, which every command reads: for metrics only. */
  public Cache<?, ?> cache() {
    return byGroup;
  }

  /** The key of a platform group in storage: {@code telegram:-1001234}. */
  public static String groupKey(Platform platform, String groupId) {
    return platform.name().toLowerCase(Locale.ROOT) + ":" + groupId;
  }

  /**
   * The community a conversation belongs to. A group conversation's community is created on first
   * contact, named by the conversation's title (the Discord server's name, the Telegram group's
   * title); a direct chat uses the community the member last used, or one of its own.
   */
  public Community communityOf(Conversation conversation, ChatUser user) {
    if (conversation.isDirect()) {
      return repository
          .lastCommunityOf(user.key())
          .orElseGet(
              () -> byGroup(groupKey(conversation.platform(), "direct:" + conversation.id()), ""));
    }
    String key = groupKey(conversation.platform(), conversation.communityId());
    String title = conversation.title() == null ? "" : conversation.title().strip();
    Community community = byGroup(key, title);
    if (!title.isEmpty() && community.name().equals(key)) {
      // Created before its adapter said its name: named by its id until now.
      repository.rename(community.id(), title);
      byGroup.invalidate(key);
      community = byGroup(key, title);
    }
    remember(user, community);
    return community;
  }

  /**
   * Whether {@code community} is the member's own, behind a direct chat: the one a member who never
   * used the bot in a group gets.
   */
  public boolean isOwnCatalog(Community community, Conversation conversation) {
    return conversation.isDirect()
        && repository
            .findByGroup(groupKey(conversation.platform(), "direct:" + conversation.id()))
            .map(own -> own.id() == community.id())
            .orElse(false);
  }

  /**
   * What {@code conversation} speaks for: its group, or for a direct chat the group the member last
   * used or, before any, a catalog of its own (one lookup, for direct chats only).
   */
  public ChatReach reachOf(Community community, Conversation conversation) {
    if (!conversation.isDirect()) {
      return ChatReach.GROUP;
    }
    return isOwnCatalog(community, conversation)
        ? ChatReach.DIRECT_OWN
        : ChatReach.DIRECT_FOR_GROUP;
  }

  /** The community of a platform group, created with the defaults if new. */
  public Community byGroup(String groupKey, String name) {
    return byGroup.get(
        groupKey,
        key ->
            repository.findOrCreate(
                key,
                new Community(
                    0,
                    name.isBlank() ? key : name,
                    defaults.zone(),
                    defaults.language(),
                    defaults.city(),
                    clock.instant())));
  }

  public Optional<Community> find(long id) {
    return repository.find(id);
  }

  /** Stores new settings and makes every instance forget its cached copies. */
  public void update(Community community) {
    repository.update(community);
    changed();
  }

  /**
   * Sets a community's zone, changing nothing else, and makes every instance forget its cached
   * copies.
   */
  public void setZone(Community community, ZoneId zone) {
    repository.setZone(community.id(), zone);
    changed();
  }

  /**
   * Sets a community's reply language alone ({@code null}: each member's); see {@link #setZone}.
   */
  public void setLanguage(Community community, Language language) {
    repository.setLanguage(community.id(), language);
    changed();
  }

  /** Sets a community's default city alone ({@code null}: none); see {@link #setZone}. */
  public void setDefaultCity(Community community, String city) {
    repository.setDefaultCity(community.id(), city);
    changed();
  }

  /** Makes every instance forget its cached communities, after groups were linked or unlinked. */
  public void forget() {
    changed();
  }

  /**
   * The language to answer in: the community's if it fixed one, else the member's (from the
   * interaction, then the profile), else the configured fallback.
   */
  public Language languageFor(Community community, Locale interactionLocale, ChatUser user) {
    if (community.language() != null) {
      return community.language();
    }
    return Language.of(interactionLocale)
        .or(() -> Language.of(user.locale()))
        .orElse(defaults.fallbackLanguage());
  }

  private void remember(ChatUser user, Community community) {
    Instant now = clock.instant();
    Touch last = touches.getIfPresent(user.key());
    if (last != null
        && last.communityId() == community.id()
        && Duration.between(last.at(), now).compareTo(TOUCH_EVERY) < 0) {
      return;
    }
    repository.touchMember(user.key(), community.id(), now);
    touches.put(user.key(), new Touch(community.id(), now));
  }
}
