package org.networkeras.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.chat.Platform;

/**
 * Per-platform send limits, checked before each message: a limit of {@code n} permits per period
 * hands out up to {@code n} at once (a burst) and gives each one back a period after it was spent.
 * Unlike a bucket that refills continuously, this never lets more than {@code n} messages through
 * in any window of one period, which is how platforms count (Telegram: "no more than 20 messages
 * per minute in the same group"). Time comes from the injected clock only; nothing sleeps: a caller
 * without a permit learns when one frees and comes back then.
 *
 * <p>Limits live in this process: instances sharing a bot token each keep their own count, which is
 * why {@link Delivery} runs one delivery round at a time across the cluster. Thread-safe.
 */
final class RateLimiter {

  /** At most {@code permits} messages in any window of {@code per}. */
  record Limit(int permits, Duration per) {
    Limit {
      if (permits < 1 || per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException("a limit is at least one permit per positive period");
      }
    }

    Duration spacing() {
      return per.dividedBy(permits);
    }
  }

  /**
   * One platform's limits.
   *
   * @param overall for everything the bot sends on the platform, or empty
   * @param perChat for each chat (group or direct), or empty
   * @param perGroup for each group chat, on top of {@code perChat}, or empty
   */
  record Policy(Optional<Limit> overall, Optional<Limit> perChat, Optional<Limit> perGroup) {
    static final Policy UNLIMITED =
        new Policy(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Telegram's published limits: about 30 messages per second, 1 per second per chat, 20 per minute
   * per group.
   */
  static final Policy TELEGRAM =
      new Policy(
          Optional.of(new Limit(30, Duration.ofSeconds(1))),
          Optional.of(new Limit(1, Duration.ofSeconds(1))),
          Optional.of(new Limit(20, Duration.ofMinutes(1))));

  /** A global cap for Discord; JDA keeps Discord's per-route buckets itself. */
  static final Policy DISCORD =
      new Policy(
          Optional.of(new Limit(50, Duration.ofSeconds(1))), Optional.empty(), Optional.empty());

  private static final int SWEEP_EVERY = 1_000;

  private final Map<Platform, Policy> policies;
  private final Clock clock;
  private final Map<String, Window> windows = new HashMap<>();
  private int acquiredSinceSweep;

  RateLimiter(Map<Platform, Policy> policies, Clock clock) {
    this.policies = Map.copyOf(policies);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Telegram's and Discord's limits; the console is unlimited. */
  static RateLimiter platformDefaults(Clock clock) {
    Map<Platform, Policy> policies = new EnumMap<>(Platform.class);
    policies.put(Platform.TELEGRAM, TELEGRAM);
    policies.put(Platform.DISCORD, DISCORD);
    return new RateLimiter(policies, clock);
  }

  /**
   * Takes a permit to send one message to {@code target} now, if every limit that applies has one.
   *
   * @return empty if the permit was taken; otherwise the earliest moment one may be free (nothing
   *     was taken)
   */
  synchronized Optional<Instant> tryAcquire(Target target) {
    List<Window> applicable = new ArrayList<>(3);
    Policy policy = policies.getOrDefault(target.platform(), Policy.UNLIMITED);
    String platform = target.platform().name();
    policy.overall().ifPresent(limit -> applicable.add(window("all:" + platform, limit)));
    String chat = platform + ":" + target.chatId();
    policy.perChat().ifPresent(limit -> applicable.add(window("chat:" + chat, limit)));
    if (target.isGroup()) {
      policy.perGroup().ifPresent(limit -> applicable.add(window("group:" + chat, limit)));
    }
    long now = clock.millis();
    long freeAt = now;
    for (Window window : applicable) {
      freeAt = Math.max(freeAt, window.freeAt(now));
    }
    if (freeAt > now) {
      return Optional.of(Instant.ofEpochMilli(freeAt));
    }
    applicable.forEach(window -> window.spend(now));
    if (++acquiredSinceSweep >= SWEEP_EVERY) {
      acquiredSinceSweep = 0;
      windows.values().removeIf(window -> window.idle(now));
    }
    return Optional.empty();
  }

  /**
   * The steady pace at which messages to {@code target} can go out (the tightest limit's period
   * divided by its permits), so that a caller can spread a queue instead of retrying all of it.
   */
  Duration spacing(Target target) {
    Policy policy = policies.getOrDefault(target.platform(), Policy.UNLIMITED);
    Duration spacing = Duration.ZERO;
    for (Optional<Limit> limit :
        List.of(policy.perChat(), target.isGroup() ? policy.perGroup() : Optional.<Limit>empty())) {
      if (limit.isPresent() && limit.get().spacing().compareTo(spacing) > 0) {
        spacing = limit.get().spacing();
      }
    }
    return spacing;
  }

  private Window window(String key, Limit limit) {
    return windows.computeIfAbsent(key, k -> new Window(limit));
  }

  /** The moments the last permits of one limit were spent, oldest first in a ring. */
  private static final class Window {
    private final long periodMs;
    private final long[] spentAt;
    private int next;
    private int count;

    Window(Limit limit) {
      this.periodMs = limit.per().toMillis();
      this.spentAt = new long[limit.permits()];
    }

    long freeAt(long now) {
      if (count < spentAt.length) {
        return now;
      }
      return Math.max(now, spentAt[next] + periodMs);
    }

    void spend(long now) {
      spentAt[next] = now;
      next = (next + 1) % spentAt.length;
      count = Math.min(count + 1, spentAt.length);
    }

    boolean idle(long now) {
      int newest = (next + spentAt.length - 1) % spentAt.length;
      return count == 0 || spentAt[newest] + periodMs <= now;
    }
  }
}
