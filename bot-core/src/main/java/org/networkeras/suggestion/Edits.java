package org.networkeras.suggestion;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.networkeras.catalog.CatalogWords;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventChanges;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.catalog.Recurrences;
import org.networkeras.catalog.SeriesDate;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandContext;
import org.networkeras.command.CommandException;
import org.networkeras.community.Community;
import org.networkeras.moderation.ModerationLog.Action;
import org.networkeras.time.TimePhraseResolver;

/**
 * Changes to an event after it was suggested: {@code /edit} of one field and {@code /cancel_event}.
 * Moderators may change any event; an author, their own suggestion while it is pending. A change to
 * a published event's time moves its reminders and a cancellation drops them and tells the people
 * going, in the change's transaction. Thread-safe.
 */
public final class Edits {

  static final int EDIT_HOURLY_LIMIT = 20;

  private final SuggestionStore store;
  private final Notices notices;
  private final TimePhraseResolver resolver;
  private final EventChanges changes;

  /**
   * @param changes told, in the change's transaction, when a published event's time changes or it
   *     is cancelled
   */
  public Edits(
      SuggestionStore store, Notices notices, TimePhraseResolver resolver, EventChanges changes) {
    this.store = Objects.requireNonNull(store, "store");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.changes = Objects.requireNonNull(changes, "changes");
  }

  /** Which dates of a series an edit or a cancellation acts on. */
  public enum Scope {
    /** A single event, or a series still waiting for review: the event as a whole. */
    EVENT,
    /** One date of a series (its {@code 42-1203} reference): an RFC 5545 override. */
    DATE,
    /** Every date of a series from its next one on; earlier dates stay as they were. */
    SERIES
  }

  /**
   * What an edit changed.
   *
   * @param event the event or series as it now stands
   * @param occurrence the date as it now stands, for {@link Scope#DATE}; for {@link Scope#SERIES},
   *     the first date changed; for {@link Scope#EVENT}, the event
   * @param scope what the edit acted on
   */
  public record Edited(Event event, Occurrence occurrence, Scope scope) {}

  /** The fields a single date of a series may have of its own. */
  static final Set<String> DATE_FIELDS =
      Set.of("title", "titre", "when", "quand", "date", "where", "ou", "où", "lieu");

  /** How far back a change of a whole series keeps past dates as they were. */
  private static final Duration KEPT_PAST = Duration.ofDays(62);

  /**
   * Changes one field of an event: moderators always, the author while it is pending. On a
   * published series, a date reference ({@code 42-1203}) changes that date only, a series reference
   * ({@code 42}) every date from the next one on, unless {@code scope} says otherwise.
   */
  Edited edit(EventRef ref, String field, String value, Scope scope, CommandContext context) {
    Event event = store.event(context, ref.eventId());
    SuggestionStore.requireModeratorOrPendingAuthor(event, context);
    checkEditLimit(context);
    String key = SuggestionRules.lower(field.strip());
    if (!event.isSeries() || event.status() != EventStatus.PUBLISHED) {
      return editEvent(event, key, field, value, context);
    }
    Scope acted =
        scope != null
            ? scope
            : ref.day() != null && !repeats(key, value, context) ? Scope.DATE : Scope.SERIES;
    if (acted == Scope.DATE) {
      if (ref.day() == null) {
        throw new CommandException("event.bad_ref", EventRef.of(event.id()));
      }
      return editDate(event, ref, key, field, value, context);
    }
    Instant from =
        ref.day() != null ? readFrom(dateOf(event, ref, context), context) : context.now();
    return editSeries(event, key, field, value, from, context);
  }

  /** Whether {@code value} is a when phrase that repeats ({@code every other Thursday 7pm}). */
  private boolean repeats(String key, String value, CommandContext context) {
    return WHEN_FIELDS.contains(key)
        && SuggestionRules.times(value, context.community().zone(), context.now(), resolver)
                .recurrence()
            != null;
  }

  private static final Set<String> WHEN_FIELDS = Set.of("when", "quand", "date");

  /**
   * Where a change of one date (or of the series from it) starts reading a when phrase: the
   * beginning of the date's day, or now if that is later.
   */
  private static Instant readFrom(Occurrence date, CommandContext context) {
    Instant dayStart =
        date.start()
            .atZone(context.community().zone())
            .toLocalDate()
            .atStartOfDay(context.community().zone())
            .toInstant();
    return dayStart.isAfter(context.now()) ? dayStart : context.now();
  }

  /**
   * Whether {@code /edit <date ref> when <phrase>} could mean the whole series: the phrase moves
   * the date to another weekday and names no calendar date ("friday 8pm" rather than "friday 4/12
   * 8pm" or "8pm"), as one says of a series' day.
   */
  boolean couldMeanTheSeries(EventRef ref, String field, String value, CommandContext context) {
    String key = SuggestionRules.lower(field.strip());
    if (ref.day() == null || !WHEN_FIELDS.contains(key) || namesADate(value)) {
      return false;
    }
    Event event = store.event(context, ref.eventId());
    if (!event.isSeries() || event.status() != EventStatus.PUBLISHED) {
      return false;
    }
    Occurrence date = dateOf(event, ref, context);
    ZoneId zone = context.community().zone();
    SuggestionRules.Times times = SuggestionRules.times(value, zone, context.now(), resolver);
    return times.recurrence() == null
        && times.start().atZone(zone).getDayOfWeek() != date.start().atZone(zone).getDayOfWeek();
  }

  private static final Pattern CALENDAR_DATE =
      Pattern.compile(
          "\\d{1,4}\\s*[/.-]\\s*\\d{1,2}"
              + "|\\b\\d{1,2}(?:st|nd|rd|th|er)?\\s+(?:jan|f[eé]v|feb|mar|a[pv]r|ma[iy]|jui?n|jui?l|ao[uû]|aug|sep|oct|nov|d[eé]c)"
              + "|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b"
              + "|\\b(?:today|tomorrow|tonight|aujourd|demain|ce soir)");

  /** Whether a when phrase names a calendar day ("4/12", "4 December", "tomorrow"). */
  static boolean namesADate(String phrase) {
    return CALENDAR_DATE.matcher(SuggestionRules.lower(phrase)).find();
  }

  private Edited editEvent(
      Event event, String key, String field, String value, CommandContext context) {
    long id = event.id();
    Event changed = changed(event, key, field, value, context);
    if (changed.isSeries() && !event.isSeries() && event.status() == EventStatus.PUBLISHED) {
      throw new CommandException("edit.becomes_series", Long.toString(id));
    }
    Event stamped =
        copy(changed)
            .recurrence(ruleAfter(event, changed, context.community().zone()))
            .updatedAt(context.now())
            .build();
    Community community = context.community();
    store.change(
        "edit event " + id,
        event.communityId(),
        () -> {
          if (!store.suggestions().edit(stamped, event.status())) {
            throw new CommandException("review.already_handled", Long.toString(id));
          }
          store.record(context, Action.EDITED, id, key);
          if (event.status() == EventStatus.PUBLISHED
              && !event.isSeries()
              && movedOrRenamed(event, stamped, false)) {
            // The reminders move with the event and those going are told, in the same transaction.
            store.catalog().changed(event.communityId());
            changes.occurrenceChanged(community, single(event), single(stamped));
          }
          if (event.status() == EventStatus.PUBLISHED && detailsDiffer(event, stamped)) {
            changes.detailsChanged(community, event, stamped);
          }
          return stamped;
        });
    notices.deliverNow();
    return new Edited(stamped, single(stamped), Scope.EVENT);
  }

  /** Overrides one date of a series: its RSVPs stay, its reminders move, those going are told. */
  private Edited editDate(
      Event series, EventRef ref, String key, String field, String value, CommandContext context) {
    if (!DATE_FIELDS.contains(key)) {
      if (EditCommand.FIELDS.contains(key) || Set.of("lien", "famille").contains(key)) {
        throw new CommandException("edit.series_field", field.strip(), EventRef.of(series.id()));
      }
      throw new CommandException("edit.unknown_field", field.strip());
    }
    Community community = context.community();
    Occurrence before = dateOf(series, ref, context);
    Event changed =
        changed(
            before.event(),
            key,
            field,
            value,
            context,
            namesADate(value) ? context.now() : readFrom(before, context));
    Instant start = before.start();
    Instant end = before.end();
    if (!changed.start().equals(before.event().start())) {
      start = changed.start();
      end = changed.end();
    }
    SeriesDate date =
        SeriesDate.of(before, originalDate(series, before, community.zone()), context.now())
            .with(start, end, changed.title(), changed.city(), changed.venue(), context.now());
    Occurrence after = date.occurrence(series);
    store.change(
        "edit " + before.ref(),
        series.communityId(),
        () -> {
          store.catalog().putDate(date);
          store.record(context, Action.EDITED, series.id(), key + " " + before.ref());
          changes.occurrenceChanged(community, before, after);
          return null;
        });
    notices.deliverNow();
    return new Edited(series, after, Scope.DATE);
  }

  /**
   * Changes every date of a series from the next one on. Past dates (of the last two months, the
   * ones references still name) are kept as they were; a date with its own changes keeps them. A
   * new time may move the series to another weekday: the n-th coming date becomes the n-th date of
   * the new rule and keeps its answers.
   */
  private Edited editSeries(
      Event series, String key, String field, String value, Instant from, CommandContext context) {
    Community community = context.community();
    ZoneId zone = community.zone();
    Instant now = from;
    Event changed =
        changed(series, key, field, value, context, namesADate(value) ? context.now() : from);
    Event stamped;
    boolean moved =
        !changed.start().equals(series.start())
            || !changed.recurrence().equals(series.recurrence());
    if (moved) {
      stamped =
          copy(changed)
              .recurrence(ruleAfter(series, changed, zone))
              .updatedAt(context.now())
              .build();
    } else {
      stamped = copy(changed).updatedAt(context.now()).build();
    }
    Map<LocalDate, SeriesDate> own = store.catalog().dates(series);
    Instant stampedAt = context.now();
    Instant horizon = now.plus(Duration.ofDays(366));
    List<Occurrence> past = store.catalog().ruleDates(series, zone, now.minus(KEPT_PAST), now);
    List<Occurrence> coming = store.catalog().ruleDates(series, zone, now, horizon);
    if (coming.isEmpty()) {
      throw new CommandException("edit.series_ended", EventRef.of(series.id()));
    }
    List<Occurrence> next =
        moved
            ? store.catalog().ruleDates(stamped, zone, now, horizon.plus(Duration.ofDays(31)))
            : store.catalog().ruleDates(stamped, zone, now, horizon);
    store.change(
        "edit series " + series.id(),
        series.communityId(),
        () -> {
          for (Occurrence date : past) {
            LocalDate day = date.start().atZone(zone).toLocalDate();
            if (!own.containsKey(day)) {
              store.catalog().putDate(SeriesDate.of(date, day, stampedAt));
            }
          }
          if (!store.suggestions().edit(stamped, series.status())) {
            throw new CommandException("review.already_handled", Long.toString(series.id()));
          }
          store.record(context, Action.EDITED, series.id(), key + " from " + coming.get(0).ref());
          store.catalog().changed(series.communityId());
          int pairs = Math.min(coming.size(), next.size());
          // Dates moving later are moved last first, so that no date takes the answers of one
          // that has not moved yet.
          boolean later = pairs > 0 && next.get(0).start().isAfter(coming.get(0).start());
          for (int n = 0; n < pairs; n++) {
            int i = later ? pairs - 1 - n : n;
            Occurrence before = coming.get(i);
            if (own.containsKey(before.start().atZone(zone).toLocalDate())) {
              continue;
            }
            Occurrence after = next.get(i);
            if (movedOrRenamed(before, after)) {
              changes.occurrenceChanged(community, before, after);
            }
          }
          // A new rule with fewer dates (an end, a longer interval): those going to a date that
          // no longer is are told it is off.
          for (Occurrence gone : coming.subList(pairs, coming.size())) {
            if (!own.containsKey(gone.start().atZone(zone).toLocalDate())) {
              changes.dateCancelled(community, gone);
            }
          }
          if (detailsDiffer(series, stamped)) {
            changes.detailsChanged(community, series, stamped);
          }
          return null;
        });
    notices.deliverNow();
    return new Edited(stamped, next.isEmpty() ? coming.get(0) : next.get(0), Scope.SERIES);
  }

  /**
   * Before a series is cancelled from now on: its past dates (of the last two months) are stored as
   * they were, so they stay listed as they happened, and its coming dates changed on their own are
   * cancelled with it.
   */
  private void keepPastDates(Event series, CommandContext context) {
    ZoneId zone = context.community().zone();
    Instant now = context.now();
    Map<LocalDate, SeriesDate> own = store.catalog().dates(series);
    for (Occurrence date : store.catalog().ruleDates(series, zone, now.minus(KEPT_PAST), now)) {
      LocalDate day = date.start().atZone(zone).toLocalDate();
      if (!own.containsKey(day)) {
        store.catalog().putDate(SeriesDate.of(date, day, now));
      }
    }
    for (SeriesDate date : own.values()) {
      if (!date.cancelled() && !date.start().isBefore(now)) {
        store.catalog().putDate(date.cancel(now));
      }
    }
  }

  /** The date a reference names, as it now stands. */
  private Occurrence dateOf(Event series, EventRef ref, CommandContext context) {
    return store
        .catalog()
        .occurrence(context.community(), ref, context.now())
        .filter(o -> o.event().id() == series.id())
        .orElseThrow(
            () ->
                new CommandException(
                    "event.not_found",
                    EventRef.of(series.id())
                        + "-"
                        + String.format(
                            "%02d%02d", ref.day().getMonthValue(), ref.day().getDayOfMonth())));
  }

  /** The day under the rule that names {@code date} (its reference's day). */
  private LocalDate originalDate(Event series, Occurrence date, ZoneId zone) {
    for (SeriesDate own : store.catalog().dates(series).values()) {
      if (EventRef.of(series.id(), own.date()).equals(date.ref())) {
        return own.date();
      }
    }
    return date.start().atZone(zone).toLocalDate();
  }

  /**
   * The rule of a series after a change of its time: the new repeat when the phrase gave one, else
   * its rule moved to the new start's weekday ({@code null} for a single event).
   */
  private static String ruleAfter(Event before, Event changed, ZoneId zone) {
    if (!before.isSeries() || !changed.recurrence().equals(before.recurrence())) {
      return changed.recurrence();
    }
    if (changed.start().equals(before.start())) {
      return before.recurrence();
    }
    // Moved to another time: the new start's time is the one every date keeps (no stale pin).
    return Recurrences.seeded(
        onDay(before.recurrence(), changed.start().atZone(zone).getDayOfWeek()),
        changed.start(),
        null,
        zone);
  }

  /** {@code rule} on another weekday: its one {@code BYDAY} day replaced, ordinals kept. */
  static String onDay(String rule, DayOfWeek day) {
    Matcher byDay = BYDAY.matcher(rule);
    String code = day.name().substring(0, 2);
    if (!byDay.find()) {
      return rule;
    }
    if (byDay.group(1).contains(",")) {
      throw new CommandException("edit.series_days", rule);
    }
    return byDay.replaceFirst("BYDAY=" + byDay.group(2) + code);
  }

  private static final Pattern BYDAY = Pattern.compile("BYDAY=(([+-]?\\d*)[A-Z]{2}(?:,[^;]*)?)");

  private static boolean movedOrRenamed(Occurrence before, Occurrence after) {
    return !before.start().equals(after.start())
        || !before.end().equals(after.end())
        || !Objects.equals(before.event().venue(), after.event().venue())
        || !Objects.equals(before.event().city(), after.event().city());
  }

  private static boolean movedOrRenamed(Event before, Event after, boolean title) {
    return !before.start().equals(after.start())
        || !before.end().equals(after.end())
        || !Objects.equals(before.venue(), after.venue())
        || !Objects.equals(before.city(), after.city())
        || (title && !before.title().equals(after.title()));
  }

  /** Whether what an event says of itself besides its time and place changed. */
  static boolean detailsDiffer(Event before, Event after) {
    return !before.title().equals(after.title())
        || !Objects.equals(before.description(), after.description())
        || !Objects.equals(before.link(), after.link());
  }

  private static Occurrence single(Event event) {
    return new Occurrence(event, event.start(), event.end(), EventRef.of(event.id()));
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
        store
            .log()
            .timesSince(
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

  /**
   * Cancels an event: a published one stays listed as cancelled (moderators only); a pending one is
   * withdrawn (its author or a moderator).
   */
  Event cancel(long id, CommandContext context) {
    Event event = store.event(context, id);
    SuggestionStore.requireModeratorOrPendingAuthor(event, context);
    return cancelEvent(event, context);
  }

  /**
   * Cancels what a reference names: one date of a published series ({@code 42-1203}: an RFC 5545
   * exception date, the other dates go on), or else the event or series as {@link #cancel(long,
   * CommandContext)} does.
   */
  Edited cancel(EventRef ref, CommandContext context) {
    Event event = store.event(context, ref.eventId());
    SuggestionStore.requireModeratorOrPendingAuthor(event, context);
    if (ref.day() == null || !event.isSeries() || event.status() != EventStatus.PUBLISHED) {
      Event cancelled = cancelEvent(event, context);
      return new Edited(cancelled, single(cancelled), Scope.EVENT);
    }
    Occurrence before = dateOf(event, ref, context);
    if (before.event().status() == EventStatus.CANCELLED) {
      throw new CommandException("cancel_event.not_active", before.ref());
    }
    ZoneId zone = context.community().zone();
    SeriesDate date =
        SeriesDate.of(before, originalDate(event, before, zone), context.now())
            .cancel(context.now());
    store.change(
        "cancel " + before.ref(),
        event.communityId(),
        () -> {
          store.catalog().putDate(date);
          store.record(context, Action.CANCELLED, event.id(), before.ref());
          // That date's reminders are dropped and those going told, in the same transaction.
          changes.dateCancelled(context.community(), before);
          return null;
        });
    notices.deliverNow();
    return new Edited(event, date.occurrence(event), Scope.DATE);
  }

  private Event cancelEvent(Event event, CommandContext context) {
    long id = event.id();
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
    store.change(
        "cancel event " + id,
        event.communityId(),
        () -> {
          if (!store.suggestions().transition(id, event.status(), to, context.now())) {
            throw new CommandException("review.already_handled", Long.toString(id));
          }
          store.record(context, action, id, null);
          if (to == EventStatus.CANCELLED && event.isSeries()) {
            keepPastDates(event, context);
          }
          if (to == EventStatus.CANCELLED) {
            // The reminders are dropped and the people going told, in the same transaction.
            store.catalog().changed(event.communityId());
            changes.cancelled(context.community(), event);
          }
          return null;
        });
    notices.deliverNow();
    return event.withStatus(to, context.now());
  }

  private Event changed(
      Event event, String key, String field, String value, CommandContext context) {
    return changed(event, key, field, value, context, context.now());
  }

  /**
   * {@code event} with one field changed; a when phrase is read as if it were {@code readFrom} (the
   * day of a series date, so that "8pm" means that date at 8pm).
   */
  private Event changed(
      Event event,
      String key,
      String field,
      String value,
      CommandContext context,
      Instant readFrom) {
    Community community = context.community();
    TimePhraseResolver reader =
        readFrom.equals(context.now())
            ? resolver
            : new TimePhraseResolver(Clock.fixed(readFrom, community.zone()));
    return switch (key) {
      case "title", "titre" -> copy(event).title(SuggestionRules.title(value)).build();
      case "when", "quand", "date" -> {
        SuggestionRules.Times times =
            SuggestionRules.times(value, community.zone(), readFrom, reader);
        // A series (and each of its dates) keeps its length unless the phrase gives an end.
        Instant end =
            times.endGiven() || !event.isSeries()
                ? SuggestionRules.end(event.title(), times, community.zone())
                : times.start().plus(Duration.between(event.start(), event.end()));
        EventCopy moved =
            copy(event)
                .times(times.start(), end)
                .slot(SuggestionRules.slot(event.title(), times.start(), end, community.zone()));
        if (times.recurrence() != null) {
          store
              .catalog()
              .checkSeries(times.recurrence(), times.start(), community.zone(), value.strip());
          moved.recurrence(times.recurrence());
        }
        yield moved.build();
      }
      case "where", "ou", "où", "lieu" -> {
        SuggestionRules.Place place =
            SuggestionRules.place(
                value,
                Draft.of("", "", value, null, null).withCityConfirmed(),
                community.defaultCity(),
                store.knownCities(community, context.now()));
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
  }

  private static EventCopy copy(Event event) {
    return new EventCopy(event);
  }
}
