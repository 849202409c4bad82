package org.networkeras.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which member the buttons of a personal answer in a group belong to. Telegram shows every message
 * of a group to everyone, so a member's RSVP confirmation or their {@code /mine} carries buttons
 * other members could press; the adapter refuses those presses with a short alert. Remembered for
 * two days (older buttons are rarely pressed, and core still acts for whoever presses).
 * Thread-safe.
 */
final class TelegramButtonOwners {

  static final Duration KEPT = Duration.ofDays(2);

  private final Cache<String, String> owners;

  TelegramButtonOwners(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    Ticker ticker = () -> clock.millis() * 1_000_000L;
    this.owners =
        Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(KEPT).ticker(ticker).build();
  }

  /** The buttons of message {@code messageId} in {@code chatId} answer member {@code userId}. */
  void own(String chatId, int messageId, String userId) {
    owners.put(key(chatId, messageId), userId);
  }

  /** The buttons of a message are everyone's again (it now shows a public card). */
  void release(String chatId, int messageId) {
    owners.invalidate(key(chatId, messageId));
  }

  /** The member the buttons of a message belong to, or empty when they are everyone's. */
  Optional<String> owner(String chatId, int messageId) {
    return Optional.ofNullable(owners.getIfPresent(key(chatId, messageId)));
  }

  private static String key(String chatId, int messageId) {
    return chatId + ":" + messageId;
  }
}
