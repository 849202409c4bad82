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
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.delivery.DeliveryAttempt.Outcome;
import org.networkeras.delivery.Outbox.Claim;
import org.networkeras.delivery.OutboxEntry.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox messages: claims a batch, and for each message drops it if it expired or what it
 * is about no longer holds (its {@link Premise}), puts it back for later if the platform's rate
 * limit has no permit, or hands it to the platform's gateway and records the result. Several
 * workers (threads or processes) may run on one database: a claim keeps a message to one worker
 * until its lease ends. Thread-safe.
 */
final class OutboxWorker {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

  /**
   * How a worker works.
   *
   * @param batchSize messages claimed at once
   * @param lease how long a claim keeps other workers away; a message still unsent when less than
   *     {@code leaseMargin} of it is left is put back rather than sent late in its lease
   * @param leaseMargin see {@code lease}
   * @param firstRetry the wait after a first retryable failure; it doubles after each one
   * @param longestRetry the longest wait between two attempts
   * @param maxAttempts attempts after which a message that keeps failing is given up
   * @param maxRounds batches claimed at most by one {@link #deliverDue()}
   */
  record Settings(
      int batchSize,
      Duration lease,
      Duration leaseMargin,
      Duration firstRetry,
      Duration longestRetry,
      int maxAttempts,
      int maxRounds) {

    static final Settings DEFAULTS =
        new Settings(
            50,
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofMinutes(30),
            10,
            // A round keeps going while full batches come back: pausing every few thousand
            // messages would leave a burst of due reminders waiting for the next round.
            100_000);

    Settings {
      if (batchSize < 1 || maxAttempts < 1 || maxRounds < 1) {
        throw new IllegalArgumentException("batch size, attempts and rounds are positive");
      }
      if (leaseMargin.compareTo(lease) >= 0) {
        throw new IllegalArgumentException("the lease margin must be shorter than the lease");
      }
    }
  }

  private final Outbox outbox;
  private final Function<Platform, Optional<ChatGateway>> gateways;
  private final RateLimiter limiter;
  private final Clock clock;
  private final String name;
  private final DeliveryListener listener;
  private final Settings settings;
  private final Premises premises;

  OutboxWorker(
      Outbox outbox,
      Function<Platform, Optional<ChatGateway>> gateways,
      RateLimiter limiter,
      Clock clock,
      String name,
      DeliveryListener listener,
      Settings settings) {
    this(outbox, gateways, limiter, clock, name, listener, settings, Premises.NONE);
  }

  OutboxWorker(
      Outbox outbox,
      Function<Platform, Optional<ChatGateway>> gateways,
      RateLimiter limiter,
      Clock clock,
      String name,
      DeliveryListener listener,
      Settings settings,
      Premises premises) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.gateways = Objects.requireNonNull(gateways, "gateways");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.name = Objects.requireNonNull(name, "name");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.premises = Objects.requireNonNull(premises, "premises");
  }

  /** As {@link #deliverDue(BooleanSupplier)}, until nothing is due. */
  List<DeliveryAttempt> deliverDue() {
    return deliverDue(() -> true);
  }

  /**
   * Handles what is due now, batch after batch, until a batch comes back short or all of it had to
   * wait for a permit, {@code keepGoing} turns false, or {@link Settings#maxRounds} batches were
   * handled.
   *
   * @return what became of each message handled; messages put back for want of a permit are not in
   *     it
   */
  List<DeliveryAttempt> deliverDue(BooleanSupplier keepGoing) {
    List<DeliveryAttempt> attempts = new ArrayList<>();
    Map<String, Integer> waiting = new HashMap<>();
    for (int round = 0; round < settings.maxRounds() && keepGoing.getAsBoolean(); round++) {
      Instant now = clock.instant();
      List<Claim> claims =
          outbox.claim(name, now, now.plus(settings.lease()), settings.batchSize());
      int before = attempts.size();
      for (Claim claim : claims) {
        handle(claim, waiting).ifPresent(attempts::add);
      }
      if (claims.size() < settings.batchSize() || attempts.size() == before) {
        break;
      }
    }
    return attempts;
  }

  private Optional<DeliveryAttempt> handle(Claim claim, Map<String, Integer> waiting) {
    OutgoingMessage message = claim.message();
    Instant now = clock.instant();
    if (!now.isBefore(claim.until().minus(settings.leaseMargin()))) {
      // Sending now could overlap another worker's claim once the lease ends: leave it to them.
      outbox.release(claim, now, now);
      return Optional.empty();
    }
    if (message.expiresAt().isPresent() && !now.isBefore(message.expiresAt().get())) {
      return Optional.of(expire(claim, now, "expired at " + message.expiresAt().get()));
    }
    if (message.premise().isPresent()) {
      Optional<String> broken;
      try {
        broken = premises.broken(message.premise().get(), now);
      } catch (RuntimeException e) {
        LOG.warn("outbox {}: could not check what it is about", message.key(), e);
        return Optional.of(
            record(
                claim,
                DeliveryResult.Failed.retryable("could not check what it is about: " + e),
                now));
      }
      if (broken.isPresent()) {
        settle(outbox.finish(claim, Status.DROPPED, broken.get(), now), claim);
        return Optional.of(report(claim, Outcome.DROPPED, broken.get(), now));
      }
    }
    Optional<Instant> busy = limiter.tryAcquire(message.target(), now);
    if (busy.isPresent()) {
      // Spread a queue for one chat at the chat's pace rather than retrying all of it at once.
      String chat = message.target().platform() + ":" + message.target().chatId();
      int ahead = waiting.merge(chat, 1, Integer::sum) - 1;
      Instant later = busy.get().plus(limiter.spacing(message.target()).multipliedBy(ahead));
      outbox.release(claim, later, now);
      LOG.debug("outbox {}: no {} permit yet, due again at {}", message.key(), chat, later);
      try {
        listener.rateLimited(message, later);
      } catch (RuntimeException e) {
        LOG.warn("outbox {}: a delivery listener failed", message.key(), e);
      }
      return Optional.empty();
    }
    DeliveryResult result = send(message);
    Instant finished = clock.instant();
    limiter.sent(message.target(), now, finished);
    return Optional.of(record(claim, result, finished));
  }

  private DeliveryResult send(OutgoingMessage message) {
    Target target = message.target();
    Optional<ChatGateway> gateway = gateways.apply(target.platform());
    if (gateway.isEmpty()) {
      return DeliveryResult.Failed.retryable("no gateway runs for " + target.platform());
    }
    try {
      if (target instanceof Target.InConversation in) {
        return gateway.get().send(in.conversation(), message.reply(), message.key());
      }
      return gateway
          .get()
          .sendDirect(((Target.ToMember) target).member(), message.reply(), message.key());
    } catch (RuntimeException e) {
      LOG.warn("outbox {}: the {} gateway threw", message.key(), target.platform(), e);
      return DeliveryResult.Failed.retryable(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private DeliveryAttempt record(Claim claim, DeliveryResult result, Instant now) {
    OutgoingMessage message = claim.message();
    if (result instanceof DeliveryResult.Delivered delivered) {
      if (!outbox.markDelivered(claim, delivered.messageId(), now)) {
        LOG.warn(
            "outbox {}: delivered, but it was no longer pending (its claim lapsed or it was"
                + " cancelled meanwhile)",
            message.key());
      }
      return report(claim, Outcome.DELIVERED, delivered.messageId(), now);
    }
    DeliveryResult.Failed failed = (DeliveryResult.Failed) result;
    int attempts = claim.attempts() + 1;
    if (!failed.retryable()) {
      settle(outbox.finish(claim, Status.FAILED, failed.reason(), now), claim);
      return report(claim, Outcome.FAILED, failed.reason(), now);
    }
    if (attempts >= settings.maxAttempts()) {
      String reason = "gave up after " + attempts + " attempts: " + failed.reason();
      settle(outbox.finish(claim, Status.FAILED, reason, now), claim);
      return report(claim, Outcome.FAILED, reason, now);
    }
    Duration wait = backOff(claim.attempts());
    if (failed.retryAfter().isPresent() && failed.retryAfter().get().compareTo(wait) > 0) {
      wait = failed.retryAfter().get();
    }
    Instant next = now.plus(wait);
    if (message.expiresAt().isPresent() && !next.isBefore(message.expiresAt().get())) {
      return expire(claim, now, failed.reason() + "; the next try would be too late");
    }
    settle(outbox.retryLater(claim, next, failed.reason(), now), claim);
    return report(claim, Outcome.RETRYING, failed.reason() + "; next try at " + next, now);
  }

  private DeliveryAttempt expire(Claim claim, Instant now, String reason) {
    settle(outbox.finish(claim, Status.EXPIRED, reason, now), claim);
    return report(claim, Outcome.EXPIRED, reason, now);
  }

  /** The wait after {@code failures} earlier failures and this one. */
  private Duration backOff(int failures) {
    Duration wait = settings.firstRetry();
    for (int i = 0; i < failures && wait.compareTo(settings.longestRetry()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.longestRetry()) > 0 ? settings.longestRetry() : wait;
  }

  private static void settle(boolean recorded, Claim claim) {
    if (!recorded) {
      LOG.warn(
          "outbox {}: outcome not recorded, its claim lapsed or it was cancelled meanwhile",
          claim.message().key());
    }
  }

  private DeliveryAttempt report(Claim claim, Outcome outcome, String detail, Instant now) {
    OutgoingMessage message = claim.message();
    DeliveryAttempt attempt = new DeliveryAttempt(message, outcome, detail, now);
    LOG.info(
        "outbox {} on {} to {}: {} ({}) by {}",
        message.key(),
        message.target().platform(),
        message.target(),
        outcome,
        detail,
        name);
    try {
      listener.attempted(attempt);
    } catch (RuntimeException e) {
      LOG.warn("outbox {}: a delivery listener failed", message.key(), e);
    }
    return attempt;
  }
}
