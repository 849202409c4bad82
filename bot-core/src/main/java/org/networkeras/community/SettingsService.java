package org.networkeras.community;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Role;
import org.networkeras.command.RoleResolver;

/**
 * Reads and changes communities' settings and decides members' roles: the platform grant, raised to
 * admin or moderator when the community's settings name the member. Also remembers the members a
 * community has seen (at most one write per member, role and hour). Thread-safe.
 */
public final class SettingsService implements RoleResolver {

  private static final Duration SEEN_EVERY = Duration.ofHours(1);

  private final SettingsRepository repository;
  private final Clock clock;
  private final Cache<Long, CommunitySettings> cache =
      Caffeine.newBuilder()
          .maximumSize(10_000)
          .expireAfterWrite(Duration.ofMinutes(1))
          .recordStats()
          .build();
  private final Cache<String, Boolean> seen =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(SEEN_EVERY).build();

  public SettingsService(SettingsRepository repository, Clock clock) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The cache of communities' settings, which every command reads: for metrics only. */
  public Cache<?, ?> cache() {
    return cache;
  }

  public CommunitySettings settings(Community community) {
    return cache.get(community.id(), repository::settings);
  }

  /** Stores new settings and forgets the cached copy. */
  public void save(CommunitySettings settings) {
    repository.save(settings);
    cache.invalidate(settings.communityId());
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

  /** A member the community has seen, by key or name. */
  public java.util.Optional<SettingsRepository.Member> member(
      Community community, String keyOrName) {
    return repository.member(community.id(), keyOrName);
  }

  /** The members the community last saw as moderators or admins. */
  public List<SettingsRepository.Member> moderators(Community community) {
    return repository.moderators(community.id());
  }
}
