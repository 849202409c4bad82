package org.networkeras.suggestion;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.CatalogWords;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventRepository;
import org.networkeras.catalog.EventStatus;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.community.Community;
import org.networkeras.moderation.ModerationLog;
import org.networkeras.moderation.ModerationLog.Action;
import org.networkeras.store.Database;

/**
 * What every step of a suggestion's life reads and writes: the catalog, the suggestion queries, the
 * moderation log, and the transaction that keeps a change and its messages together. Also the
 * rights every step checks, whatever the adapter sent. Thread-safe.
 */
public final class SuggestionStore {

  private final Database database;
  private final CatalogService catalog;
  private final SuggestionRepository suggestions;
  private final ModerationLog log;

  public SuggestionStore(Database database, CatalogService catalog, ModerationLog log) {
    this.database = Objects.requireNonNull(database, "database");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.suggestions = new SuggestionRepository(database);
    this.log = Objects.requireNonNull(log, "log");
  }

  CatalogService catalog() {
    return catalog;
  }

  EventRepository events() {
    return database.events();
  }

  SuggestionRepository suggestions() {
    return suggestions;
  }

  ModerationLog log() {
    return log;
  }

  /**
   * Runs {@code change} in one transaction (every repository call on this thread joins it), then
   * tells the catalog its community changed, committed or not: what the catalog cached from inside
   * a transaction that rolled back must not outlive it.
   */
  <T> T change(String what, long communityId, Supplier<T> change) {
    try {
      return database.inTransaction(what, handle -> change.get());
    } finally {
      catalog.changed(communityId);
    }
  }

  /** Logs a moderation step of the context's member. */
  void record(CommandContext context, Action action, long eventId, String detail) {
    log.record(
        context.community().id(), context.command().user(), action, eventId, detail, context.now());
  }

  /** An event of the context's community, in any status. */
  Event event(CommandContext context, long id) {
    return catalog
        .event(context.community(), id)
        .orElseThrow(() -> new CommandException("event.not_found", Long.toString(id)));
  }

  /** The cities a place may name: the well-known ones, the community's, those of its catalog. */
  Set<String> knownCities(Community community, Instant now) {
    Set<String> cities = new LinkedHashSet<>(CatalogWords.KNOWN_CITIES);
    if (community.defaultCity() != null) {
      cities.add(community.defaultCity());
    }
    // The cities alone, not 62 days of events through the listing cache: every suggestion and
    // edit asks.
    cities.addAll(
        database
            .events()
            .cities(
                community.id(),
                now,
                now.plus(Duration.ofDays(62)),
                EnumSet.of(EventStatus.PUBLISHED, EventStatus.CANCELLED)));
    return cities;
  }

  static void requireModerator(CommandContext context) {
    if (!context.role().atLeast(Role.MODERATOR)) {
      throw new CommandException("command.moderators_only");
    }
  }

  static void requireModeratorOrPendingAuthor(Event event, CommandContext context) {
    if (context.role().atLeast(Role.MODERATOR)) {
      return;
    }
    boolean author = context.command().user().key().equals(event.author());
    if (!author || event.status() != org.networkeras.catalog.EventStatus.SUGGESTED) {
      throw new CommandException("edit.not_allowed", Long.toString(event.id()));
    }
  }
}
