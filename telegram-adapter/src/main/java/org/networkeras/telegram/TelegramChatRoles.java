package org.networkeras.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.networkeras.chat.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.MemberStatus;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The role Telegram grants a member in a group: the creator is {@link Role#ADMIN}, other chat
 * administrators are {@link Role#MODERATOR}, everyone else is {@link Role#MEMBER}. Core decides
 * what each role may do. A group's administrators are asked once per {@link #TTL} and cached; when
 * Telegram cannot be asked, the member is treated as a member and nothing is cached. Thread-safe.
 */
final class TelegramChatRoles {

  /** How long a group's administrator list is trusted. */
  static final Duration TTL = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(TelegramChatRoles.class);

  private final TelegramClient client;
  private final Cache<Long, Map<Long, Role>> administrators;

  TelegramChatRoles(TelegramClient client, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    Objects.requireNonNull(clock, "clock");
    this.administrators =
        Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .maximumSize(10_000)
            .build();
  }

  /** The role {@code userId} holds in the group {@code chatId}. */
  Role roleIn(long chatId, long userId) {
    Map<Long, Role> roles = administrators.getIfPresent(chatId);
    if (roles == null) {
      try {
        roles = fetch(chatId);
      } catch (TelegramApiException e) {
        log.warn(
            "Cannot read the administrators of Telegram chat {}; treating user {} as a member: {}",
            chatId,
            userId,
            e.getMessage());
        return Role.MEMBER;
      }
      administrators.put(chatId, roles);
    }
    return roles.getOrDefault(userId, Role.MEMBER);
  }

  private Map<Long, Role> fetch(long chatId) throws TelegramApiException {
    List<ChatMember> members =
        client.execute(GetChatAdministrators.builder().chatId(chatId).build());
    Map<Long, Role> roles = new HashMap<>();
    for (ChatMember member : members) {
      if (member.getUser() == null) {
        continue;
      }
      if (MemberStatus.CREATOR.equals(member.getStatus())) {
        roles.put(member.getUser().getId(), Role.ADMIN);
      } else if (MemberStatus.ADMINISTRATOR.equals(member.getStatus())) {
        roles.put(member.getUser().getId(), Role.MODERATOR);
      }
    }
    return Map.copyOf(roles);
  }
}
