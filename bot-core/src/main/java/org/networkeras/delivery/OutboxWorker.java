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
import java.util.PriorityQueue;
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
   * @param recordEvery sends recorded at most in one transaction, for platforms that drop a
   *     repeated send ({@link ChatGateway#dropsRepeatedSends()}): a crash resends at most that many
   *     messages, which such a platform drops; a send to any other platform is recorded before the
   *     next one
   */
  record Settings(
      int batchSize,
      Duration lease,
      Duration leaseMargin,
      Duration firstRetry,
      Duration longestRetry,
      int maxAttempts,
      int maxRounds,
      int recordEvery) {

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
            100_000,
            // Ten sends per commit on platforms that drop repeats: most of the gain of batching,
            // and few repeats for the platform to drop after a crash.
            10);

    Settings {
      if (batchSize < 1 || maxAttempts < 1 || maxRounds < 1 || recordEvery < 1) {
        throw new IllegalArgumentException(
            "batch size, attempts, rounds and sends per record are positive");
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
  private final Function<String, Optional<OutboxOperation>> operations;

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
    this(
        outbox,
        gateways,
        limiter,
        clock,
        name,
        listener,
        settings,
        premises,
        key -> Optional.empty());
  }

  OutboxWorker(
      Outbox outbox,
      Function<Platform, Optional<ChatGateway>> gateways,
      RateLimiter limiter,
      Clock clock,
      String name,
      DeliveryListener listener,
      Settings settings,
      Premises premises,
      Function<String, Optional<OutboxOperation>> operations) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.gateways = Objects.requireNonNull(gateways, "gateways");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.name = Objects.requireNonNull(name, "name");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.premises = Objects.requireNonNull(premises, "premises");
    this.operations = Objects.requireNonNull(operations, "operations");
  }

  /**
   * How a round waits for a permit that frees soon: the scheduler's rounds sleep, so that the next
   * message leaves when its permit frees rather than at the next poll; {@link #NONE} ends the round
   * instead (the console, tests that drive the clock themselves).
   */
  @FunctionalInterface
  interface Pause {

    /** Ends the round rather than waiting (compared by identity). */
    Pause NONE = moment -> {};

    /**
     * Returns at {@code moment} or soon after.
     *
     * @throws InterruptedException if the thread was interrupted: the round ends
     */
    void until(Instant moment) throws InterruptedException;
  }

  /**
   * How far ahead a permit may free for a round to wait for it rather than end: one second, the
   * longest window in which a platform counts a burst (Telegram's and Discord's overall limits).
   */
  static final Duration PERMIT_HORIZON = Duration.ofSeconds(1);

  /**
   * The longest single pause: a round waiting for a permit claims again at least this often, so a
   * message due meanwhile (another platform's, a command's answer) waits no longer than it would
   * for the scheduler's next poll.
   */
  static final Duration PAUSE_STEP = Delivery.POLLING_INTERVAL;

  /** How long a round may go on pausing before it ends and leaves the rest to the next poll. */
  static final Duration LONGEST_ROUND = Duration.ofSeconds(30);

  /** As {@link #deliverDue(BooleanSupplier)}, until nothing is due. */
  List<DeliveryAttempt> deliverDue() {
    return deliverDue(() -> true);
  }

  /** As {@link #deliverDue(BooleanSupplier, Pause)}, ending the round rather than pausing. */
  List<DeliveryAttempt> deliverDue(BooleanSupplier keepGoing) {
    return deliverDue(keepGoing, Pause.NONE);
  }

  /**
   * Handles what is due now, batch after batch, until a batch comes back short or all of it had to
   * wait for a permit, {@code keepGoing} turns false, or {@link Settings#maxRounds} batches were
   * handled. Outcomes are written in one transaction per round, and sooner after a send (see {@link
   * Settings#recordEvery}); each is reported once written.
   *
   * <p>With a {@code pause}, while messages this round put back for want of a permit are due again
   * within {@link #PERMIT_HORIZON}, the round does not end: it pauses (at most {@link #PAUSE_STEP}
   * at a time, for at most {@link #LONGEST_ROUND} in all) and claims again. Ending the round there
   * left the next second's messages to the scheduler's next poll, up to two polling intervals after
   * their permits freed, and under a platform's ceiling those delays added up second after second
   * until a whole second's permits went unused (issue 16's lateness runs).
   *
   * @param pause how to wait for a permit, or {@link Pause#NONE}
   * @return what became of each message handled; messages put back for want of a permit are not in
   *     it
   */
  List<DeliveryAttempt> deliverDue(BooleanSupplier keepGoing, Pause pause) {
    List<DeliveryAttempt> attempts = new ArrayList<>();
    Map<String, Integer> waiting = new HashMap<>();
    PriorityQueue<Instant> putBack = new PriorityQueue<>();
    Instant started = clock.instant();
    for (int round = 0; round < settings.maxRounds() && keepGoing.getAsBoolean(); round++) {
      Instant now = clock.instant();
      List<Claim> claims =
          outbox.claim(name, now, now.plus(settings.lease()), settings.batchSize());
      int before = attempts.size();
      Chunk chunk = new Chunk();
      for (Claim claim : claims) {
        handle(claim, waiting, chunk).ifPresent(putBack::add);
        if (chunk.mustRecord()) {
          chunk.record(attempts);
          chunk = new Chunk();
        }
      }
      chunk.record(attempts);
      if (pause != Pause.NONE) {
        Instant after = clock.instant();
        boolean dueAgain = false;
        while (!putBack.isEmpty() && !putBack.peek().isAfter(after)) {
          putBack.poll();
          dueAgain = true;
        }
        boolean roundLeft = after.isBefore(started.plus(LONGEST_ROUND));
        if (dueAgain && roundLeft) {
          // Some put back during this batch are due again already: claim them at once.
          waiting.clear();
          continue;
        }
        if (!putBack.isEmpty()
            && !putBack.peek().isAfter(after.plus(PERMIT_HORIZON))
            && roundLeft) {
          Instant wake = putBack.peek();
          if (wake.isAfter(after.plus(PAUSE_STEP))) {
            wake = after.plus(PAUSE_STEP);
          }
          try {
            pause.until(wake);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
          // What was put back is spread again from the permits free now, not from stale counts.
          waiting.clear();
          continue;
        }
      }
      if (claims.size() < settings.batchSize() || attempts.size() == before) {
        break;
      }
    }
    return attempts;
  }

  /**
   * Handles one claimed message.
   *
   * @return when it is due again if it was put back for want of a permit
   */
  private Optional<Instant> handle(Claim claim, Map<String, Integer> waiting, Chunk chunk) {
    OutgoingMessage message = claim.message();
    Instant now = clock.instant();
    if (!now.isBefore(claim.until().minus(settings.leaseMargin()))) {
      // Sending now could overlap another worker's claim once the lease ends: leave it to them.
      chunk.outcomes.release(claim, now, now);
      chunk.then(recorded -> Optional.empty());
      return Optional.empty();
    }
    if (message.expiresAt().isPresent() && !now.isBefore(message.expiresAt().get())) {
      expire(claim, now, "expired at " + message.expiresAt().get(), chunk);
      return Optional.empty();
    }
    if (message.premise().isPresent()) {
      Optional<String> broken;
      try {
        broken = premises.broken(message.premise().get(), now);
      } catch (RuntimeException e) {
        LOG.warn("outbox {}: could not check what it is about", message.key(), e);
        record(
            claim,
            DeliveryResult.Failed.retryable("could not check what it is about: " + e),
            now,
            chunk);
        return Optional.empty();
      }
      if (broken.isPresent()) {
        chunk.outcomes.finish(claim, Status.DROPPED, broken.get(), now);
        chunk.then(settled(claim, Outcome.DROPPED, broken.get(), now));
        return Optional.empty();
      }
    }
    Optional<Instant> busy = limiter.tryAcquire(message.target(), now);
    if (busy.isPresent()) {
      // Spread a queue for one chat at the chat's pace rather than retrying all of it at once.
      String chat = message.target().platform() + ":" + message.target().chatId();
      int ahead = waiting.merge(chat, 1, Integer::sum) - 1;
      Instant later = busy.get().plus(limiter.spacing(message.target()).multipliedBy(ahead));
      chunk.outcomes.release(claim, later, now);
      chunk.then(
          recorded -> {
            LOG.debug("outbox {}: no {} permit yet, due again at {}", message.key(), chat, later);
            try {
              listener.rateLimited(message, later);
            } catch (RuntimeException e) {
              LOG.warn("outbox {}: a delivery listener failed", message.key(), e);
            }
            return Optional.empty();
          });
      return Optional.of(later);
    }
    Optional<ChatGateway> gateway = gateways.apply(message.target().platform());
    Optional<OutboxOperation> operation = operations.apply(message.key());
    DeliveryResult result =
        operation.isPresent() ? perform(operation.get(), message) : send(gateway, message);
    Instant finished = clock.instant();
    limiter.sent(message.target(), now, finished);
    if (operation.isPresent()) {
      // An operation's repeat is not dropped by the platform: record it before the next one.
      chunk.sent(false);
    } else {
      gateway.ifPresent(sender -> chunk.sent(sender.dropsRepeatedSends()));
    }
    record(claim, result, finished, chunk);
    return Optional.empty();
  }

  private static DeliveryResult perform(OutboxOperation operation, OutgoingMessage item) {
    try {
      return operation.perform(item);
    } catch (RuntimeException e) {
      LOG.warn("outbox {}: the operation threw", item.key(), e);
      return DeliveryResult.Failed.retryable(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static DeliveryResult send(Optional<ChatGateway> gateway, OutgoingMessage message) {
    Target target = message.target();
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

  private void record(Claim claim, DeliveryResult result, Instant now, Chunk chunk) {
    OutgoingMessage message = claim.message();
    if (result instanceof DeliveryResult.Delivered delivered) {
      chunk.outcomes.delivered(claim, delivered.messageId(), now);
      chunk.then(
          recorded -> {
            if (!recorded) {
              LOG.warn(
                  "outbox {}: delivered, but it was no longer pending (its claim lapsed or it was"
                      + " cancelled meanwhile)",
                  message.key());
            }
            return Optional.of(report(claim, Outcome.DELIVERED, delivered.messageId(), now));
          });
      return;
    }
    DeliveryResult.Failed failed = (DeliveryResult.Failed) result;
    int attempts = claim.attempts() + 1;
    if (!failed.retryable()) {
      chunk.outcomes.finish(claim, Status.FAILED, failed.reason(), now);
      chunk.then(settled(claim, Outcome.FAILED, failed.reason(), now));
      return;
    }
    if (attempts >= settings.maxAttempts()) {
      String reason = "gave up after " + attempts + " attempts: " + failed.reason();
      chunk.outcomes.finish(claim, Status.FAILED, reason, now);
      chunk.then(settled(claim, Outcome.FAILED, reason, now));
      return;
    }
    Duration wait = backOff(claim.attempts());
    if (failed.retryAfter().isPresent() && failed.retryAfter().get().compareTo(wait) > 0) {
      wait = failed.retryAfter().get();
    }
    Instant next = now.plus(wait);
    if (message.expiresAt().isPresent() && !next.isBefore(message.expiresAt().get())) {
      expire(claim, now, failed.reason() + "; the next try would be too late", chunk);
      return;
    }
    chunk.outcomes.retryLater(claim, next, failed.reason(), now);
    chunk.then(settled(claim, Outcome.RETRYING, failed.reason() + "; next try at " + next, now));
  }

  private void expire(Claim claim, Instant now, String reason, Chunk chunk) {
    chunk.outcomes.finish(claim, Status.EXPIRED, reason, now);
    chunk.then(settled(claim, Outcome.EXPIRED, reason, now));
  }

  /** The wait after {@code failures} earlier failures and this one. */
  private Duration backOff(int failures) {
    Duration wait = settings.firstRetry();
    for (int i = 0; i < failures && wait.compareTo(settings.longestRetry()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.longestRetry()) > 0 ? settings.longestRetry() : wait;
  }

  /** What to do once a settling outcome is written: warn if it was not, then report it. */
  private Function<Boolean, Optional<DeliveryAttempt>> settled(
      Claim claim, Outcome outcome, String detail, Instant now) {
    return recorded -> {
      if (!recorded) {
        LOG.warn(
            "outbox {}: outcome not recorded, its claim lapsed or it was cancelled meanwhile",
            claim.message().key());
      }
      return Optional.of(report(claim, outcome, detail, now));
    };
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

  /**
   * Outcomes decided since the last write, and what to do once each is written. A crash before
   * {@link #record} loses them: the messages are due again when the claim lapses, and those sent
   * are sent again (see {@link Settings#recordEvery}).
   */
  private final class Chunk {
    private final Outbox.Outcomes outcomes = new Outbox.Outcomes();
    private final List<Function<Boolean, Optional<DeliveryAttempt>>> afterwards = new ArrayList<>();
    private int sends;
    private boolean repeatShows;

    /** What to do once the outcome just added is written (or found stale). */
    void then(Function<Boolean, Optional<DeliveryAttempt>> afterward) {
      afterwards.add(afterward);
    }

    /** A message was handed to a gateway, which drops a repeat of it or not. */
    void sent(boolean repeatDropped) {
      sends++;
      repeatShows |= !repeatDropped;
    }

    /** Whether a further send must wait until these outcomes are written. */
    boolean mustRecord() {
      return repeatShows || sends >= settings.recordEvery();
    }

    /** Writes the outcomes in one transaction, then reports them into {@code attempts}. */
    void record(List<DeliveryAttempt> attempts) {
      if (outcomes.size() == 0) {
        return;
      }
      boolean[] recorded = outbox.record(outcomes);
      for (int i = 0; i < recorded.length; i++) {
        afterwards.get(i).apply(recorded[i]).ifPresent(attempts::add);
      }
    }
  }
}
