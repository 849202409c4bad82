package org.networkeras.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventListing;
import org.networkeras.catalog.EventRepository;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.Block;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityService;
import org.networkeras.delivery.Outbox;
import org.networkeras.delivery.OutgoingMessage;
import org.networkeras.delivery.Target;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' subscriptions and the direct messages that tell them of matching events.
 *
 * <p>Batching: when an event is published ({@link #published}), each member with a matching
 * subscription gets a <em>match</em> recorded. A member's waiting matches are gathered into one
 * <em>digest</em> (one direct message, through the outbox) as soon as their previous digest is at
 * least {@link #EVERY} old: the first match after a quiet hour goes out at once, the ones that
 * follow within the hour wait and leave together with the next digest, made by {@link #runDue}
 * (every minute from the scheduler, or on the console's {@code :advance}) once the hour is over. A
 * member therefore receives at most one message an hour, whatever the number of communities or
 * events. The digest's outbox key is {@code subs:<member key>:<hours since the epoch>}; the
 * database decides which process makes a digest, so two instances never send it twice, and a digest
 * made just before a crash is enqueued by the next {@link #runDue}. A digest lists the matched
 * events still published when it is made, and expires after a day.
 *
 * <p>The member who suggested an event is not told of it. Thread-safe.
 */
public final class SubscriptionService {

  /** The least time between two digests to one member. */
  public static final Duration EVERY = Duration.ofHours(1);

  static final int MAX_SUBSCRIPTIONS = 20;
  private static final Duration DIGEST_LIFETIME = Duration.ofDays(1);
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionService.class);

  private final SubscriptionRepository repository;
  private final EventRepository events;
  private final CommunityService communities;
  private final Outbox outbox;
  private final Messages messages;
  private final Clock clock;

  public SubscriptionService(
      Database database,
      CommunityService communities,
      Outbox outbox,
      Messages messages,
      Clock clock) {
    this.repository = new SubscriptionRepository(database);
    this.events = database.events();
    this.communities = Objects.requireNonNull(communities, "communities");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A member's subscriptions in a community. */
  List<Subscription> of(Community community, ChatUser member) {
    return repository.of(community.id(), member.key());
  }

  /**
   * Something a member follows, as {@code /foryou} weighs it.
   *
   * @param name how it reads in the member's language ({@code Networking}, {@code Lyon}, {@code
   *     #kotlin})
   * @param matches which events it asks for
   */
  public record Followed(String name, java.util.function.Predicate<Event> matches) {}

  /** What a member follows in a community, named in {@code language} (one query). */
  public List<Followed> followed(Community community, ChatUser member, Language language) {
    return of(community, member).stream()
        .map(
            s ->
                new Followed(
                    switch (s.kind()) {
                      case FAMILY -> messages.get(language, "family." + s.value());
                      case SLOT -> messages.get(language, "slot." + s.value());
                      case CITY -> s.value();
                      case TAG -> "#" + s.value();
                    },
                    s::matches))
        .toList();
  }

  /**
   * Adds subscriptions (those the member has already are kept once).
   *
   * @return the ones that were new
   * @throws org.networkeras.command.CommandException if the member would have more than {@value
   *     #MAX_SUBSCRIPTIONS}
   */
  List<Subscription> subscribe(
      Community community, ChatUser member, Language language, List<Subscription> wanted) {
    List<Subscription> current = of(community, member);
    List<Subscription> added = new ArrayList<>();
    for (Subscription subscription : wanted) {
      boolean known =
          current.stream().anyMatch(subscription::sameAs)
              || added.stream().anyMatch(subscription::sameAs);
      if (!known) {
        added.add(subscription);
      }
    }
    if (current.size() + added.size() > MAX_SUBSCRIPTIONS) {
      throw new org.networkeras.command.CommandException("subscribe.too_many", MAX_SUBSCRIPTIONS);
    }
    repository.add(
        community.id(), member.key(), member.displayName(), language, added, clock.instant());
    return added;
  }

  /**
   * Removes subscriptions (compared as {@link Subscription#sameAs}).
   *
   * @return the ones the member had, as stored
   */
  List<Subscription> unsubscribe(Community community, ChatUser member, List<Subscription> gone) {
    List<Subscription> removed =
        of(community, member).stream().filter(s -> gone.stream().anyMatch(s::sameAs)).toList();
    repository.remove(community.id(), member.key(), removed);
    return removed;
  }

  /**
   * Removes every subscription of a member in a community, and drops the matches there still
   * waiting for their next digest; returns how many subscriptions there were. (Removing some
   * subscriptions only keeps the waiting matches: they matched when the event was published.)
   */
  int unsubscribeAll(Community community, ChatUser member) {
    return repository.removeAll(community.id(), member.key());
  }

  /**
   * Tells the subscribers of a newly published event: records a match for each member (but its
   * author) with a subscription it matches, and enqueues a digest for those whose last one is an
   * hour old. Failures are logged, never thrown: publishing must not fail because of them.
   */
  public void published(Community community, Event event) {
    if (event.status() != EventStatus.PUBLISHED) {
      return;
    }
    try {
      Instant now = clock.instant();
      List<String> matched = new ArrayList<>();
      for (SubscriptionRepository.Subscriber subscriber : repository.subscribers(community.id())) {
        if (subscriber.userKey().equals(event.author())) {
          continue;
        }
        if (subscriber.subscriptions().stream().anyMatch(s -> s.matches(event))
            && repository.addMatch(subscriber, community.id(), event.id(), now)) {
          matched.add(subscriber.userKey());
        }
      }
      for (String member : matched) {
        repository.makeDigest(member, now, EVERY).ifPresent(this::enqueue);
      }
    } catch (RuntimeException e) {
      LOG.error("subscribers of community {} not told of event {}", community.id(), event.id(), e);
    }
  }

  /**
   * Makes the digests that are due at {@code now}: for every member with waiting matches whose last
   * digest is at least {@link #EVERY} old, and for digests made before a crash that never reached
   * the outbox. Safe to run at once in several processes.
   *
   * @return how many digests were enqueued
   */
  public int runDue(Instant now) {
    int enqueued = 0;
    for (SubscriptionRepository.Digest lost : repository.lostDigests(now.minus(DIGEST_LIFETIME))) {
      enqueued += enqueue(lost) ? 1 : 0;
    }
    for (String member : repository.membersWaiting()) {
      Optional<SubscriptionRepository.Digest> digest = repository.makeDigest(member, now, EVERY);
      if (digest.isPresent() && enqueue(digest.get())) {
        enqueued++;
      }
    }
    return enqueued;
  }

  private boolean enqueue(SubscriptionRepository.Digest digest) {
    Optional<Reply> reply = render(digest);
    Optional<ChatUser> member = member(digest.userKey(), digest.displayName());
    if (reply.isEmpty() || member.isEmpty()) {
      return false;
    }
    return outbox.enqueue(
        OutgoingMessage.of(
            digest.key(),
            Target.member(member.get()),
            reply.get(),
            digest.madeAt(),
            digest.madeAt().plus(DIGEST_LIFETIME)));
  }

  /** The digest's message, or empty when none of its events is still published. */
  private Optional<Reply> render(SubscriptionRepository.Digest digest) {
    Language language = digest.language();
    // One listing per community (each in its own zone), by day, in start order.
    java.util.Map<Community, List<Occurrence>> byCommunity = new java.util.LinkedHashMap<>();
    int count = 0;
    for (SubscriptionRepository.Match match : digest.matches()) {
      Optional<Event> event =
          events.find(match.eventId()).filter(e -> e.status() == EventStatus.PUBLISHED);
      Optional<Community> community = communities.find(match.communityId());
      if (event.isEmpty() || community.isEmpty()) {
        continue;
      }
      byCommunity
          .computeIfAbsent(community.get(), c -> new ArrayList<>())
          .add(EventListing.first(event.get(), community.get().zone()));
      count++;
    }
    List<Block> blocks = new ArrayList<>();
    byCommunity.forEach(
        (community, occurrences) -> {
          List<Occurrence> sorted =
              occurrences.stream()
                  .sorted(java.util.Comparator.comparing(Occurrence::start))
                  .toList();
          ZoneId zone = community.zone();
          blocks.addAll(EventListing.byDay(messages, language, sorted, zone));
        });
    if (count == 0) {
      return Optional.empty();
    }
    Reply.Builder reply = Reply.builder(language.locale());
    reply.line(Piece.bold(messages.get(language, "subs.digest.title", count)));
    blocks.forEach(reply::block);
    reply.line(Line.text(messages.get(language, "subs.digest.footer")));
    return Optional.of(reply.build());
  }

  /** The member a key names ({@code telegram:42}), to write to directly. */
  private static Optional<ChatUser> member(String userKey, String displayName) {
    int colon = userKey.indexOf(':');
    if (colon <= 0 || colon == userKey.length() - 1) {
      LOG.warn("digest for {} dropped: not a member key", userKey);
      return Optional.empty();
    }
    try {
      Platform platform = Platform.valueOf(userKey.substring(0, colon).toUpperCase(Locale.ROOT));
      return Optional.of(ChatUser.member(platform, userKey.substring(colon + 1), displayName));
    } catch (IllegalArgumentException e) {
      LOG.warn("digest for {} dropped: unknown platform", userKey);
      return Optional.empty();
    }
  }
}
