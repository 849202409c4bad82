package org.networkeras.settings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Person;
import org.networkeras.chat.Role;
import org.networkeras.cluster.CacheEvents;
import org.networkeras.command.RoleResolver;
import org.networkeras.community.Community;

/**
 * Reads and changes communities' settings and decides members' roles: the platform grant, raised to
 * admin or moderator when the community's admins named the member. Also remembers the members a
 * community has seen (at most one write per member, role and hour). Thread-safe.
 *
 * <p>Each change writes one setting (see {@link SettingsRepository}) and then tells every instance
 * on the database, through {@link CacheEvents}, to forget its cached copy: this instance before the
 * change returns, the others within a second on PostgreSQL. Should that message be lost (a dropped
 * connection), a cached copy still expires after {@link #CACHE_EXPIRY}.
 */
public final class SettingsService implements RoleResolver {

  /** How long a community's settings are cached at most, should a change's message be lost. */
  public static final Duration CACHE_EXPIRY = Duration.ofMinutes(1);

  private static final Duration SEEN_EVERY = Duration.ofHours(1);

  private final SettingsRepository repository;
  private final Clock clock;
  private final CacheEvents cacheEvents;
  private final Cache<Long, CommunitySettings> cache =
      Caffeine.newBuilder()
          .maximumSize(10_000)
          .expireAfterWrite(CACHE_EXPIRY)
          .recordStats()
          .build();
  private final Cache<String, Boolean> seen =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(SEEN_EVERY).build();

  /** The cache's name in {@link CacheEvents}; its keys are community ids. */
  public static final String CACHE_NAME = "community-settings";

  /** Settings cached for this process alone. */
  public SettingsService(SettingsRepository repository, Clock clock) {
    this(repository, clock, CacheEvents.local());
  }

  /**
   * @param cacheEvents how the instances sharing the database hear of each other's changes
   */
  public SettingsService(SettingsRepository repository, Clock clock, CacheEvents cacheEvents) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cacheEvents = Objects.requireNonNull(cacheEvents, "cacheEvents");
    cacheEvents.onChange(
        CACHE_NAME,
        key -> {
          if (CacheEvents.EVERYTHING.equals(key)) {
            cache.invalidateAll();
          } else {
            cache.invalidate(Long.parseLong(key));
          }
        });
  }

  private void changed(Community community) {
    cacheEvents.changed(CACHE_NAME, Long.toString(community.id()));
  }

  /** The cache of communities' settings, which every command reads: for metrics only. */
  public Cache<?, ?> cache() {
    return cache;
  }

  /** The community's settings, as cached on this instance (see the class comment). */
  public CommunitySettings settings(Community community) {
    return cache.get(community.id(), repository::settings);
  }

  /** Sets whether members' suggestions wait for a moderator. */
  public void setMode(Community community, CommunitySettings.Mode mode) {
    repository.setMode(community.id(), mode);
    changed(community);
  }

  /** Sets where moderators hear of new suggestions, or {@code null} for each one directly. */
  public void setModeratorsChat(Community community, Conversation chat) {
    repository.setModeratorsChat(community.id(), chat);
    changed(community);
  }

  /** Sets how long before an event the community's reminders go out. */
  public void setReminderOffsets(Community community, List<Duration> offsets) {
    repository.setReminderOffsets(community.id(), offsets);
    changed(community);
  }

  /** Posts announcements in one more group conversation too. */
  public void announceIn(Community community, Conversation conversation) {
    repository.addAnnouncement(community.id(), conversation, clock.instant());
    changed(community);
  }

  /** Stops every announcement. */
  public void stopAnnouncements(Community community) {
    repository.clearAnnouncements(community.id());
    changed(community);
  }

  /**
   * Names a person moderator or admin of the community.
   *
   * @param role {@link Role#MODERATOR} or {@link Role#ADMIN}
   */
  public void grant(Community community, Role role, Person person) {
    repository.grant(community.id(), role, person, clock.instant());
    changed(community);
  }

  /**
   * Takes back a role the community's admins gave.
   *
   * @return whether the person had it
   */
  public boolean revoke(Community community, Role role, Person person) {
    boolean had = repository.revoke(community.id(), role, person.key());
    changed(community);
    return had;
  }

  /** The members the community's admins named moderator or admin, with their names. */
  public List<SettingsRepository.Named> named(Community community) {
    return repository.named(community.id());
  }

  @Override
  public Role roleOf(Community community, ChatUser user) {
    CommunitySettings settings = settings(community);
    Role role = user.grantedRole();
    if (settings.admins().contains(user.key())) {
      role = Role.ADMIN;
    } else if (settings.moderators().contains(user.key()) && !role.atLeast(Role.MODERATOR)) {
      role = Role.MODERATOR;
    }
    String key = community.id() + "|" + user.key() + "|" + role + "|" + user.displayName();
    if (seen.getIfPresent(key) == null) {
      repository.seen(community.id(), user.key(), user.displayName(), role, clock.instant());
      seen.put(key, Boolean.TRUE);
    }
    return role;
  }

  /** A member the community has seen, by key ({@code telegram:42}); never by name. */
  public Optional<SettingsRepository.Member> member(Community community, String userKey) {
    return repository.member(community.id(), userKey);
  }

  /** The members the community last saw as moderators or admins. */
  public List<SettingsRepository.Member> moderators(Community community) {
    return repository.moderators(community.id());
  }
}
