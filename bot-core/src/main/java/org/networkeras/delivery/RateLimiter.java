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
 * <p>The platform counts a message when it arrives, somewhere between the moment the permit was
 * granted and the moment the send returned. A caller therefore reports the end of each send ({@link
 * #sent}), and the permit is given back a period after that end: the next message then leaves at
 * least a period after the platform received the earlier one, however long the thread waited
 * between the permit and the request.
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
  Optional<Instant> tryAcquire(Target target) {
    return tryAcquire(target, clock.instant());
  }

  /**
   * Takes a permit to send one message to {@code target} at {@code at}, as {@link
   * #tryAcquire(Target)} does.
   */
  synchronized Optional<Instant> tryAcquire(Target target, Instant at) {
    List<Window> applicable = applicable(target);
    long now = at.toEpochMilli();
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
   * Records that the message whose permit was granted at {@code grantedAt} finished sending at
   * {@code finishedAt}: that permit comes back a period after {@code finishedAt}.
   */
  synchronized void sent(Target target, Instant grantedAt, Instant finishedAt) {
    long granted = grantedAt.toEpochMilli();
    long finished = finishedAt.toEpochMilli();
    if (finished > granted) {
      applicable(target).forEach(window -> window.postpone(granted, finished));
    }
  }

  private List<Window> applicable(Target target) {
    List<Window> applicable = new ArrayList<>(3);
    SendLimits policy = limitsOf(target.platform());
    String platform = target.platform().name();
    policy.overall().ifPresent(limit -> applicable.add(window("all:" + platform, limit)));
    String chat = platform + ":" + target.chatId();
    policy.perChat().ifPresent(limit -> applicable.add(window("chat:" + chat, limit)));
    if (target.isGroup()) {
      policy.perGroup().ifPresent(limit -> applicable.add(window("group:" + chat, limit)));
    }
    return applicable;
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

  /**
   * The moments the last permits of one limit were spent (or, once reported, their sends finished);
   * the earliest of them is the next to come back.
   */
  private static final class Window {
    private final long periodMs;
    private final long[] spentAt;
    private int count;

    Window(Limit limit) {
      this.periodMs = limit.per().toMillis();
      this.spentAt = new long[limit.permits()];
    }

    long freeAt(long now) {
      if (count < spentAt.length) {
        return now;
      }
      return Math.max(now, spentAt[earliest()] + periodMs);
    }

    void spend(long now) {
      if (count < spentAt.length) {
        spentAt[count++] = now;
      } else {
        spentAt[earliest()] = now;
      }
    }

    /** Moves one permit spent at {@code granted} to {@code finished}. */
    void postpone(long granted, long finished) {
      for (int i = 0; i < count; i++) {
        if (spentAt[i] == granted) {
          spentAt[i] = finished;
          return;
        }
      }
    }

    boolean idle(long now) {
      for (int i = 0; i < count; i++) {
        if (spentAt[i] + periodMs > now) {
          return false;
        }
      }
      return true;
    }

    private int earliest() {
      int earliest = 0;
      for (int i = 1; i < count; i++) {
        if (spentAt[i] < spentAt[earliest]) {
          earliest = i;
        }
      }
      return earliest;
    }
  }
}
