package org.networkeras.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.networkeras.chat.Platform;
import org.networkeras.chat.SendLimits;
import org.networkeras.chat.SendLimits.Limit;

/**
 * Per-platform send limits, checked before each message: a limit of {@code n} permits per period
 * hands out up to {@code n} at once (a burst) and gives each one back a period after it was spent.
 * Unlike a bucket that refills continuously, this never lets more than {@code n} messages through
 * in any window of one period, which is how platforms count (Telegram: "no more than 20 messages
 * per minute in the same group"). Time comes from the injected clock only; nothing sleeps: a caller
 * without a permit learns when one frees and comes back then.
 *
 * <p>Each platform's limits are the ones its adapter declares ({@link
 * org.networkeras.chat.Capabilities#sendLimits()}). Limits live in this process: instances sharing
 * a bot token each keep their own count, which is why {@link Delivery} runs one delivery round at a
 * time across the cluster. Thread-safe.
 */
final class RateLimiter {

  private static final int SWEEP_EVERY = 1_000;

  private final Function<Platform, SendLimits> limits;
  private final Clock clock;
  private final Map<String, Window> windows = new HashMap<>();
  private int acquiredSinceSweep;

  /**
   * @param limits each platform's limits, as its adapter declared them (read on every acquire, so
   *     an adapter registered later is followed)
   */
  RateLimiter(Function<Platform, SendLimits> limits, Clock clock) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Fixed limits per platform; a platform not in the map is unlimited. */
  RateLimiter(Map<Platform, SendLimits> limits, Clock clock) {
    this(copyOfFunction(limits), clock);
  }

  private static Function<Platform, SendLimits> copyOfFunction(Map<Platform, SendLimits> limits) {
    Map<Platform, SendLimits> copy = Map.copyOf(limits);
    return platform -> copy.getOrDefault(platform, SendLimits.UNLIMITED);
  }

  /**
   * Takes a permit to send one message to {@code target} now, if every limit that applies has one.
   *
   * @return empty if the permit was taken; otherwise the earliest moment one may be free (nothing
   *     was taken)
   */
  synchronized Optional<Instant> tryAcquire(Target target) {
    List<Window> applicable = new ArrayList<>(3);
    SendLimits policy = limitsOf(target.platform());
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
    SendLimits policy = limitsOf(target.platform());
    Duration spacing = Duration.ZERO;
    for (Optional<Limit> limit :
        List.of(policy.perChat(), target.isGroup() ? policy.perGroup() : Optional.<Limit>empty())) {
      if (limit.isPresent() && limit.get().spacing().compareTo(spacing) > 0) {
        spacing = limit.get().spacing();
      }
    }
    return spacing;
  }

  private SendLimits limitsOf(Platform platform) {
    SendLimits declared = limits.apply(platform);
    return declared == null ? SendLimits.UNLIMITED : declared;
  }

  private Window window(String key, Limit limit) {
    // The limit is part of the key: an adapter declaring other limits starts new windows.
    return windows.computeIfAbsent(
        key + "/" + limit.permits() + "/" + limit.per().toMillis(), k -> new Window(limit));
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
