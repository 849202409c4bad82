package org.networkeras.suggestion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.CatalogWords;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventChanges;
import org.networkeras.catalog.EventRepository;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Slot;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.community.Community;
import org.networkeras.delivery.Delivery;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.moderation.ModerationLog;
import org.networkeras.moderation.ModerationLog.Action;
import org.networkeras.settings.CommunitySettings;
import org.networkeras.settings.SettingsRepository;
import org.networkeras.settings.SettingsService;
import org.networkeras.store.Database;
import org.networkeras.time.TimePhraseResolver;

/**
 * The life of a suggestion: checked, compared with the catalog and the queue, limited per member,
 * stored as pending or published, reviewed, edited, cancelled; every step logged, and the people
 * concerned told through the outbox. Every privileged step checks the caller's role here, whatever
 * the adapter sent. Drafts waiting for a member's answer (a city to confirm, a family to choose, a
 * twin to accept) are kept 15 minutes after their last use. Thread-safe.
 */
public final class SuggestionService {

  static final int HOURLY_LIMIT = 5;
  static final int EDIT_HOURLY_LIMIT = 20;
  static final int PENDING_LIMIT = 10;
  static final Duration TWIN_WINDOW = Duration.ofHours(2);
  static final Duration DRAFT_LIFETIME = Duration.ofMinutes(15);
  private static final String DRAFT_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

  /** What became of a submitted draft. */
  sealed interface Outcome {
    /** Stored: pending review, or published at once. */
    record Stored(Event event) implements Outcome {}

    /** The city is unknown: the member confirms it (or says it is a venue). */
    record NeedsCity(String draftId, String city, boolean mayBeVenue) implements Outcome {}

    /** No family could be inferred: the member picks one. */
    record NeedsFamily(String draftId) implements Outcome {}

    /** The catalog or the queue likely holds the same event already. */
    record Twin(String draftId, Event twin) implements Outcome {}
  }

  private record Held(String ownerKey, Draft draft) {}

  private final CatalogService catalog;
  private final EventRepository events;
  private final SuggestionRepository suggestions;
  private final SettingsService settings;
  private final ModerationLog log;
  private final Notifier notifier;
  private final TimePhraseResolver resolver;
  private final Messages messages;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Cache<String, Held> drafts;
  private final EventChanges changes;
  private final PublicationListener publications;

  public SuggestionService(
      Database database,
      CatalogService catalog,
      SettingsService settings,
      ModerationLog log,
      Delivery delivery,
      TimePhraseResolver resolver,
      Messages messages,
      Clock clock) {
    this(
        database,
        catalog,
        settings,
        log,
        delivery,
        resolver,
        messages,
        clock,
        EventChanges.NONE,
        PublicationListener.NONE);
  }

  /**
   * As the other constructor, telling {@code changes} when a published event's time changes or it
   * is cancelled, and {@code publications} of every event this service publishes.
   */
  public SuggestionService(
      Database database,
      CatalogService catalog,
      SettingsService settings,
      ModerationLog log,
      Delivery delivery,
      TimePhraseResolver resolver,
      Messages messages,
      Clock clock,
      EventChanges changes,
      PublicationListener publications) {
    this.changes = Objects.requireNonNull(changes, "changes");
    this.publications = Objects.requireNonNull(publications, "publications");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.events = database.events();
    this.suggestions = new SuggestionRepository(database);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.log = Objects.requireNonNull(log, "log");
    this.notifier = new Notifier(delivery, clock);
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.drafts =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(DRAFT_LIFETIME)
            .ticker(() -> nanos(clock))
            .build();
  }

  static long nanos(Clock clock) {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  TimePhraseResolver resolver() {
    return resolver;
  }

  /** Checks the per-member limits before anything is asked or stored. */
  void checkLimits(CommandContext context) {
    if (context.role().atLeast(Role.MODERATOR)) {
      return;
    }
    long community = context.community().id();
    String author = context.command().user().key();
    Instant now = context.now();
    List<Instant> recent =
        suggestions.suggestedSince(community, author, now.minus(Duration.ofHours(1)));
    if (recent.size() >= HOURLY_LIMIT) {
      Instant freed = recent.get(recent.size() - HOURLY_LIMIT).plus(Duration.ofHours(1));
      long minutes = Math.max(1, (Duration.between(now, freed).toSeconds() + 59) / 60);
      throw new CommandException("suggest.hourly_limit", HOURLY_LIMIT, minutes);
    }
    if (suggestions.pendingOf(community, author) >= PENDING_LIMIT) {
      throw new CommandException("suggest.pending_limit", PENDING_LIMIT);
    }
  }

  /**
   * Checks that a member (not a moderator) has changed suggestions fewer than {@value
   * #EDIT_HOURLY_LIMIT} times in the last hour: each change drops the community's cached listings.
   */
  private void checkEditLimit(CommandContext context) {
    if (context.role().atLeast(Role.MODERATOR)) {
      return;
    }
    Instant now = context.now();
    List<Instant> recent =
        log.timesSince(
            context.community().id(),
            context.command().user().key(),
            Action.EDITED,
            now.minus(Duration.ofHours(1)));
    if (recent.size() >= EDIT_HOURLY_LIMIT) {
      Instant freed = recent.get(recent.size() - EDIT_HOURLY_LIMIT).plus(Duration.ofHours(1));
      long minutes = Math.max(1, (Duration.between(now, freed).toSeconds() + 59) / 60);
      throw new CommandException("edit.hourly_limit", EDIT_HOURLY_LIMIT, minutes);
    }
  }

  /** Checks a draft and stores it, or says what the member must answer first. */
  Outcome submit(Draft draft, CommandContext context) {
    checkLimits(context);
    Community community = context.community();
    String title = SuggestionRules.title(draft.title());
    SuggestionRules.Times times =
        SuggestionRules.times(draft.when(), community.zone(), context.now(), resolver);
    SuggestionRules.Place place =
        SuggestionRules.place(
            draft.where(), draft, community.defaultCity(), knownCities(community));
    String link = SuggestionRules.link(draft.link());
    String description = SuggestionRules.description(draft.description());
    if (place.unknownCity()) {
      return new Outcome.NeedsCity(
          hold(draft, context), place.candidate(), !draft.where().contains(","));
    }
    Optional<Family> family =
        Optional.ofNullable(draft.family()).or(() -> SuggestionRules.family(title, description));
    if (family.isEmpty()) {
      return new Outcome.NeedsFamily(hold(draft, context));
    }
    Instant end = times.end();
    Slot slot = SuggestionRules.slot(title, times.start(), end, community.zone());
    if (!times.endGiven() && slot == Slot.SATURDAY) {
      end = times.start().plus(SuggestionRules.CAMP_LENGTH);
      slot = SuggestionRules.slot(title, times.start(), end, community.zone());
    }
    if (!draft.twinAccepted()) {
      Optional<Event> twin = twin(community, title, times.start(), link);
      if (twin.isPresent()) {
        return new Outcome.Twin(hold(draft, context), twin.get());
      }
    }
    ChatUser author = context.command().user();
    boolean publish =
        context.role().atLeast(Role.MODERATOR)
            || settings.settings(community).mode() == CommunitySettings.Mode.OPEN;
    Instant now = context.now();
    Event stored =
        catalog.add(
            new Event(
                0,
                community.id(),
                title,
                family.get(),
                slot,
                place.city(),
                place.venue(),
                null,
                times.start(),
                end,
                description,
                link,
                null,
                List.of(),
                false,
                publish ? EventStatus.PUBLISHED : EventStatus.SUGGESTED,
                SuggestionRepository.SOURCE,
                null,
                author.key(),
                now,
                now));
    log.record(
        community.id(),
        author,
        publish ? Action.PUBLISHED : Action.SUGGESTED,
        stored.id(),
        null,
        now);
    if (publish) {
      announce(community, stored);
    } else {
      notifyModerators(community, stored, author);
    }
    return new Outcome.Stored(stored);
  }

  /** Changes a held draft as the member answered and submits it again. */
  Outcome resume(String draftId, UnaryOperator<Draft> answer, CommandContext context) {
    Held held = drafts.getIfPresent(draftId);
    if (held == null || !held.ownerKey().equals(context.command().user().key())) {
      throw new CommandException("suggest.draft_gone");
    }
    drafts.invalidate(draftId);
    return submit(answer.apply(held.draft()), context);
  }

  /** Forgets a held draft; says whether the member had one under this id. */
  boolean drop(String draftId, ChatUser owner) {
    Held held = drafts.getIfPresent(draftId);
    if (held == null || !held.ownerKey().equals(owner.key())) {
      return false;
    }
    drafts.invalidate(draftId);
    return true;
  }

  /** The oldest pending suggestions of a community. */
  List<Event> queue(Community community, int limit) {
    List<Event> queue = new ArrayList<>();
    for (long id : suggestions.pending(community.id(), limit)) {
      events.find(id).ifPresent(queue::add);
    }
    return queue;
  }

  long queueSize(Community community) {
    return suggestions.pendingCount(community.id());
  }

  /** An event of the context's community, in any status. */
  Event event(CommandContext context, long id) {
    return catalog
        .event(context.community(), id)
        .orElseThrow(() -> new CommandException("event.not_found", Long.toString(id)));
  }

  /**
   * Publishes a pending suggestion. Of several concurrent approvals, exactly one succeeds; the
   * others are told it was already handled.
   */
  Event approve(long id, CommandContext context) {
    requireModerator(context);
    Event event = event(context, id);
    if (!suggestions.transition(id, EventStatus.SUGGESTED, EventStatus.PUBLISHED, context.now())) {
      throw new CommandException("review.already_handled", Long.toString(id));
    }
    catalog.changed(event.communityId());
    Event published = event.withStatus(EventStatus.PUBLISHED, context.now());
    log.record(
        event.communityId(), context.command().user(), Action.APPROVED, id, null, context.now());
    tellAuthor(context.community(), published, "review.told_approved", null);
    announce(context.community(), published);
    return published;
  }

  /** Rejects a pending suggestion with a reason the author is told. */
  Event reject(long id, String reason, CommandContext context) {
    requireModerator(context);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new CommandException("review.reason_missing");
    }
    if (why.length() > 500) {
      throw new CommandException("review.reason_too_long", 500);
    }
    Event event = event(context, id);
    if (!suggestions.transition(id, EventStatus.SUGGESTED, EventStatus.REJECTED, context.now())) {
      throw new CommandException("review.already_handled", Long.toString(id));
    }
    catalog.changed(event.communityId());
    log.record(
        event.communityId(), context.command().user(), Action.REJECTED, id, why, context.now());
    Event rejected = event.withStatus(EventStatus.REJECTED, context.now());
    tellAuthor(context.community(), rejected, "review.told_rejected", why);
    return rejected;
  }

  /** Changes one field of an event: moderators always, the author while it is pending. */
  Event edit(long id, String field, String value, CommandContext context) {
    Event event = event(context, id);
    requireModeratorOrPendingAuthor(event, context);
    checkEditLimit(context);
    Community community = context.community();
    String key = SuggestionRules.lower(field.strip());
    Event changed =
        switch (key) {
          case "title", "titre" -> copy(event).title(SuggestionRules.title(value)).build();
          case "when", "quand", "date" -> {
            SuggestionRules.Times times =
                SuggestionRules.times(value, community.zone(), context.now(), resolver);
            yield copy(event)
                .times(times.start(), times.end())
                .slot(
                    SuggestionRules.slot(
                        event.title(), times.start(), times.end(), community.zone()))
                .build();
          }
          case "where", "ou", "où", "lieu" -> {
            SuggestionRules.Place place =
                SuggestionRules.place(
                    value,
                    Draft.of("", "", value, null, null).withCityConfirmed(),
                    community.defaultCity(),
                    knownCities(community));
            yield copy(event).place(place.city(), place.venue()).build();
          }
          case "link", "lien" -> copy(event).link(SuggestionRules.link(value)).build();
          case "description" -> copy(event).description(SuggestionRules.description(value)).build();
          case "family", "famille" ->
              copy(event)
                  .family(
                      CatalogWords.family(value.strip())
                          .orElseThrow(
                              () -> new CommandException("events.unknown_family", value.strip())))
                  .build();
          default -> throw new CommandException("edit.unknown_field", field.strip());
        };
    Event stamped = copy(changed).updatedAt(context.now()).build();
    if (!suggestions.edit(stamped, event.status())) {
      throw new CommandException("review.already_handled", Long.toString(id));
    }
    catalog.changed(event.communityId());
    log.record(
        event.communityId(), context.command().user(), Action.EDITED, id, key, context.now());
    if (event.status() == EventStatus.PUBLISHED
        && (!event.start().equals(stamped.start()) || !event.end().equals(stamped.end()))) {
      changes.timesChanged(community, event, stamped);
    }
    return stamped;
  }

  /**
   * Cancels an event: a published one stays listed as cancelled (moderators only); a pending one is
   * withdrawn (its author or a moderator).
   */
  Event cancel(long id, CommandContext context) {
    Event event = event(context, id);
    requireModeratorOrPendingAuthor(event, context);
    EventStatus to;
    Action action;
    if (event.status() == EventStatus.PUBLISHED) {
      to = EventStatus.CANCELLED;
      action = Action.CANCELLED;
    } else if (event.status() == EventStatus.SUGGESTED) {
      to = EventStatus.REJECTED;
      action = Action.WITHDRAWN;
    } else {
      throw new CommandException("cancel_event.not_active", Long.toString(id));
    }
    if (!suggestions.transition(id, event.status(), to, context.now())) {
      throw new CommandException("review.already_handled", Long.toString(id));
    }
    catalog.changed(event.communityId());
    log.record(event.communityId(), context.command().user(), action, id, null, context.now());
    if (to == EventStatus.CANCELLED) {
      changes.cancelled(context.community(), event);
    }
    return event.withStatus(to, context.now());
  }

  private void requireModerator(CommandContext context) {
    if (!context.role().atLeast(Role.MODERATOR)) {
      throw new CommandException("command.moderators_only");
    }
  }

  private void requireModeratorOrPendingAuthor(Event event, CommandContext context) {
    if (context.role().atLeast(Role.MODERATOR)) {
      return;
    }
    boolean author = context.command().user().key().equals(event.author());
    if (!author || event.status() != EventStatus.SUGGESTED) {
      throw new CommandException("edit.not_allowed", Long.toString(event.id()));
    }
  }

  private String hold(Draft draft, CommandContext context) {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      id.append(DRAFT_ALPHABET.charAt(random.nextInt(DRAFT_ALPHABET.length())));
    }
    drafts.put(id.toString(), new Held(context.command().user().key(), draft));
    return id.toString();
  }

  private Set<String> knownCities(Community community) {
    Set<String> cities = new LinkedHashSet<>(CatalogWords.KNOWN_CITIES);
    if (community.defaultCity() != null) {
      cities.add(community.defaultCity());
    }
    Instant now = clock.instant();
    // The cities alone, not 62 days of events: every suggestion and edit asks.
    cities.addAll(
        events.cities(
            community.id(),
            now,
            now.plus(Duration.ofDays(62)),
            EnumSet.of(EventStatus.PUBLISHED, EventStatus.CANCELLED)));
    return cities;
  }

  private Optional<Event> twin(Community community, String title, Instant start, String link) {
    if (link != null) {
      for (long id : suggestions.withLink(community.id(), link)) {
        Optional<Event> same = events.find(id);
        if (same.isPresent()) {
          return same;
        }
      }
    }
    return events
        .findSingles(
            community.id(),
            start.minus(TWIN_WINDOW),
            start.plus(TWIN_WINDOW).plusMillis(1),
            EnumSet.of(EventStatus.SUGGESTED, EventStatus.PUBLISHED))
        .stream()
        .filter(e -> SuggestionRules.similarTitles(e.title(), title))
        .findFirst();
  }

  private Language languageOf(Community community) {
    return community.language() != null ? community.language() : Language.EN;
  }

  private void notifyModerators(Community community, Event event, ChatUser author) {
    CommunitySettings current = settings.settings(community);
    Language language = languageOf(community);
    Reply reply = SuggestionText.newSuggestion(messages, language, community, event, author);
    String key = "suggested:" + event.id();
    Conversation chat = current.moderatorsChat();
    if (chat != null) {
      notifier.post(chat, reply, key + ":" + chat.key());
      return;
    }
    Set<String> moderators = new LinkedHashSet<>(current.admins());
    moderators.addAll(current.moderators());
    for (SettingsRepository.Member member : settings.moderators(community)) {
      moderators.add(member.userKey());
    }
    moderators.remove(author.key());
    for (String moderator : moderators) {
      notifier.tell(moderator, nameOf(community, moderator), reply, key + ":" + moderator);
    }
  }

  private void tellAuthor(Community community, Event event, String messageKey, String reason) {
    if (event.author() == null) {
      return;
    }
    Reply reply =
        SuggestionText.decision(
            messages, languageOf(community), community, event, messageKey, reason);
    notifier.tell(
        event.author(), nameOf(community, event.author()), reply, "decision:" + event.id());
  }

  /** A member's name as the community last saw it, or their key. */
  private String nameOf(Community community, String userKey) {
    return settings
        .member(community, userKey)
        .filter(m -> m.userKey().equals(userKey))
        .map(SettingsRepository.Member::displayName)
        .orElse(userKey);
  }

  private void announce(Community community, Event event) {
    Reply reply = SuggestionText.announcement(messages, languageOf(community), community, event);
    for (Conversation to : settings.settings(community).announceTo()) {
      notifier.post(to, reply, "announce:" + event.id() + ":" + to.key());
    }
    // Every path to publication announces: the listener hears of each one here.
    publications.published(community, event);
  }

  private static EventCopy copy(Event event) {
    return new EventCopy(event);
  }
}
