package org.networkeras.suggestion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.networkeras.catalog.Admission;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Slot;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.community.Community;
import org.networkeras.moderation.ModerationLog.Action;
import org.networkeras.time.TimePhraseResolver;

/**
 * Submitting a suggestion: checked, compared with the catalog and the queue, limited per member,
 * stored as pending or published in one transaction with the messages it causes. A draft waiting
 * for a member's answer (a city to confirm, a twin to accept) is kept a while ({@link Drafts}); a
 * missing family never holds a suggestion back. Review, edits and notices live in {@link
 * Moderation}, {@link Edits} and {@link Notices}. Thread-safe.
 */
public final class SuggestionService {

  static final int HOURLY_LIMIT = 5;
  static final int PENDING_LIMIT = 10;
  static final Duration DRAFT_LIFETIME = Drafts.LIFETIME;

  /** What became of a submitted draft. */
  sealed interface Outcome {
    /** Stored: pending review, or published at once. */
    record Stored(Event event) implements Outcome {}

    /** The city is unknown: the member confirms it (or says it is a venue). */
    record NeedsCity(String draftId, String city, boolean mayBeVenue) implements Outcome {}

    /**
     * Stored as a suggestion without a family, though its author may publish: the author picks the
     * family to list it (any time later), or a moderator does on the review card.
     */
    record NeedsFamily(Event event) implements Outcome {}

    /** The catalog or the queue likely holds the same event already. */
    record Twin(String draftId, Event twin) implements Outcome {}
  }

  private final SuggestionStore store;
  private final Notices notices;
  private final TimePhraseResolver resolver;
  private final PublicationListener publications;
  private final Drafts drafts;
  private final Duplicates duplicates;

  /**
   * @param publications told of every event published here, after it is stored and announced
   */
  public SuggestionService(
      SuggestionStore store,
      Notices notices,
      TimePhraseResolver resolver,
      PublicationListener publications,
      java.time.Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.publications = Objects.requireNonNull(publications, "publications");
    this.drafts = new Drafts(clock);
    this.duplicates = new Duplicates(store);
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
        store.suggestions().suggestedSince(community, author, now.minus(Duration.ofHours(1)));
    if (recent.size() >= HOURLY_LIMIT) {
      Instant freed = recent.get(recent.size() - HOURLY_LIMIT).plus(Duration.ofHours(1));
      long minutes = Math.max(1, (Duration.between(now, freed).toSeconds() + 59) / 60);
      throw new CommandException("suggest.hourly_limit", HOURLY_LIMIT, minutes);
    }
    if (store.suggestions().pendingOf(community, author) >= PENDING_LIMIT) {
      throw new CommandException("suggest.pending_limit", PENDING_LIMIT);
    }
  }

  /** Checks a draft and stores it, or says what the member must answer first. */
  Outcome submit(Draft draft, CommandContext context) {
    checkLimits(context);
    Community community = context.community();
    ChatUser author = context.command().user();
    String title = SuggestionRules.title(draft.title());
    SuggestionRules.Times times =
        SuggestionRules.times(draft.when(), community.zone(), context.now(), resolver);
    SuggestionRules.Place place =
        SuggestionRules.place(
            draft.where(),
            draft,
            community.defaultCity(),
            store.knownCities(community, context.now()));
    String link = SuggestionRules.link(draft.link());
    String description = SuggestionRules.description(draft.description());
    if (place.unknownCity()) {
      return new Outcome.NeedsCity(
          drafts.hold(draft, author), place.candidate(), !draft.where().contains(","));
    }
    // Without a family the suggestion is filed all the same: someone picks it before it is listed.
    Optional<Family> family =
        Optional.ofNullable(draft.family()).or(() -> SuggestionRules.family(title, description));
    Instant end = SuggestionRules.end(title, times, community.zone());
    Slot slot = SuggestionRules.slot(title, times.start(), end, community.zone());
    if (times.recurrence() != null) {
      store
          .catalog()
          .checkSeries(times.recurrence(), times.start(), community.zone(), draft.when().strip());
    }
    if (!draft.twinAccepted()) {
      Optional<Event> twin =
          duplicates.twin(
              community,
              new Duplicates.Candidate(title, times.start(), place.city(), place.venue(), link));
      if (twin.isPresent()) {
        return new Outcome.Twin(drafts.hold(draft, author), twin.get());
      }
    }
    boolean mayPublish = context.role().atLeast(Role.MODERATOR) || notices.isOpen(community);
    boolean publish = mayPublish && family.isPresent();
    Instant now = context.now();
    Event candidate =
        new Event(
            0,
            community.id(),
            title,
            family.orElse(null),
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
            Admission.UNKNOWN,
            publish ? EventStatus.PUBLISHED : EventStatus.SUGGESTED,
            SuggestionRepository.SOURCE,
            times.recurrence(),
            author.key(),
            now,
            now);
    Event stored =
        store.change(
            "store a suggestion",
            community.id(),
            () -> {
              Event added = store.catalog().add(candidate);
              store.record(
                  context, publish ? Action.PUBLISHED : Action.SUGGESTED, added.id(), null);
              if (publish) {
                notices.announce(community, added);
              } else if (!mayPublish) {
                notices.notifyModerators(community, added, author);
              }
              return added;
            });
    notices.deliverNow();
    if (publish) {
      publications.published(community, stored);
    } else if (mayPublish) {
      // The author answers the family in place; meanwhile it waits in the review queue.
      return new Outcome.NeedsFamily(stored);
    }
    return new Outcome.Stored(stored);
  }

  /** Changes a held draft as the member answered and submits it again. */
  Outcome resume(String draftId, UnaryOperator<Draft> answer, CommandContext context) {
    Draft draft = drafts.take(draftId, context.command().user());
    return submit(answer.apply(draft), context);
  }

  /** Forgets a held draft; says whether the member had one under this id. */
  boolean drop(String draftId, ChatUser owner) {
    return drafts.drop(draftId, owner);
  }
}
