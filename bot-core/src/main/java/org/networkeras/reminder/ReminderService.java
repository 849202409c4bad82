package org.networkeras.reminder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventChanges;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.Button;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.community.Community;
import org.networkeras.delivery.DeliveryAttempt;
import org.networkeras.delivery.DeliveryListener;
import org.networkeras.delivery.Outbox;
import org.networkeras.delivery.OutgoingMessage;
import org.networkeras.delivery.Premise;
import org.networkeras.delivery.Target;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.rsvp.Rsvp;
import org.networkeras.rsvp.RsvpService;
import org.networkeras.settings.CommunitySettings;
import org.networkeras.settings.SettingsService;
import org.networkeras.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each member's reminders in the outbox in step with their answers, their preferences and the
 * event. Members going or interested get a direct message at each offset before the start; offsets
 * come from, in order, the member's choice for that occurrence ({@code /remind}), their defaults
 * ({@code /reminders}), the community's settings (a day and two hours unless changed).
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>An offset is elapsed time before the start ({@code 1d} = 24 hours, also across a change of
 *       summer time).
 *   <li>A reminder whose time has already passed when it is planned (an answer given an hour before
 *       the start, for a 2-hour offset) is skipped, not sent late.
 *   <li>During the member's quiet hours a reminder waits until they end; if they end at or after
 *       the start, it is dropped. Two reminders that land on the same moment are sent once.
 *   <li>Each reminder is an outbox message keyed {@code reminder:<ref>:<memberKey>:<offset>@<start,
 *       epoch seconds>} that expires at the start. Any change cancels the member's pending
 *       reminders for the occurrence and enqueues them anew: reminders already sent are never sent
 *       again for the same start, and an event moved to another time (a new start in the key)
 *       reminds again.
 *   <li>A change and the reminders and notices it causes are written in one transaction (the
 *       caller's, when one is open on its thread): a failure between the two leaves neither. Each
 *       reminder names what it is about (the occurrence, its start, the member): just before
 *       sending it, the delivery worker drops it if the occurrence was cancelled or moved, or the
 *       member no longer goes.
 *   <li>Moving an event moves its reminders; cancelling it cancels them and tells those going or
 *       waiting by direct message.
 *   <li>A reminder the platform refuses for good (closed direct messages) makes the bot tell the
 *       member once, in the group they last answered from, how to open them.
 * </ul>
 *
 * Thread-safe.
 */
public final class ReminderService implements RsvpService.Listener, EventChanges, DeliveryListener {

  /** The offsets used when a community set none. */
  static final List<Duration> FALLBACK = List.of(Duration.ofDays(1), Duration.ofHours(2));

  static final String PREFIX = "reminder:";
  private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);

  /** A reminder as planned: its offset and when it goes. */
  public record Planned(Duration offset, Instant at) {}

  private final Database database;
  private final RsvpService rsvps;
  private final CatalogService catalog;
  private final SettingsService settings;
  private final ReminderPreferences preferences;
  private final Outbox outbox;
  private final Messages messages;
  private final Function<Platform, Optional<URI>> privateChatLinks;
  private final Clock clock;

  /** Reminders whose failure notices carry no link to a private chat. */
  public ReminderService(
      Database database,
      RsvpService rsvps,
      CatalogService catalog,
      SettingsService settings,
      Outbox outbox,
      Messages messages,
      Clock clock) {
    this(database, rsvps, catalog, settings, outbox, messages, platform -> Optional.empty(), clock);
  }

  /**
   * @param privateChatLinks per platform, the link that opens a member's private chat with the bot
   *     ({@link ChatGateway#privateChatLink()}), put under the notice of a reminder that could not
   *     be sent
   */
  public ReminderService(
      Database database,
      RsvpService rsvps,
      CatalogService catalog,
      SettingsService settings,
      Outbox outbox,
      Messages messages,
      Function<Platform, Optional<URI>> privateChatLinks,
      Clock clock) {
    this.privateChatLinks = Objects.requireNonNull(privateChatLinks, "privateChatLinks");
    this.database = Objects.requireNonNull(database, "database");
    this.rsvps = Objects.requireNonNull(rsvps, "rsvps");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.preferences = new ReminderPreferences(database);
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void answered(Community community, Occurrence occurrence, Rsvp rsvp) {
    reschedule(community, occurrence, rsvp);
  }

  /**
   * The reminders {@code rsvp} gets for {@code occurrence} from now on, in time order (empty unless
   * going or interested).
   */
  public List<Planned> plan(Community community, Occurrence occurrence, Rsvp rsvp) {
    Instant now = clock.instant();
    if (!rsvp.status().reminded()
        || occurrence.event().status() != EventStatus.PUBLISHED
        || !occurrence.start().isAfter(now)) {
      return List.of();
    }
    ReminderPreferences.Choice choice = preferences.of(community.id(), rsvp.memberKey());
    List<Duration> offsets = offsets(community, rsvp, choice);
    List<Planned> planned = new ArrayList<>();
    Set<Instant> taken = new HashSet<>();
    for (Duration offset : offsets) {
      Instant due = occurrence.start().minus(offset);
      if (!due.isAfter(now)) {
        continue;
      }
      Instant at = choice.quiet().map(q -> q.release(due, community.zone())).orElse(due);
      if (!at.isBefore(occurrence.start()) || !taken.add(at)) {
        continue;
      }
      planned.add(new Planned(offset, at));
    }
    planned.sort(java.util.Comparator.comparing(Planned::at));
    return planned;
  }

  /** The offsets that apply to a member for an answer, before quiet hours and the clock. */
  List<Duration> offsets(Community community, Rsvp rsvp, ReminderPreferences.Choice choice) {
    Optional<String> own = rsvp.remindOffsets().or(choice::offsets);
    if (own.isPresent()) {
      return own.get().equals("off") ? List.of() : ReminderOffsets.stored(own.get());
    }
    return communityOffsets(community);
  }

  /** The community's offsets (a day and two hours unless it set others). */
  List<Duration> communityOffsets(Community community) {
    CommunitySettings current = settings.settings(community);
    return current.reminderOffsets().isEmpty() ? FALLBACK : current.reminderOffsets();
  }

  /**
   * Replaces the member's pending reminders for an occurrence by those planned now, in one
   * transaction (the caller's, if one is open).
   */
  void reschedule(Community community, Occurrence occurrence, Rsvp rsvp) {
    database.useTransaction(
        "reschedule the reminders of " + rsvp.memberKey() + " for " + rsvp.ref(),
        handle -> {
          outbox.cancel(PREFIX, rsvp.ref(), rsvp.memberKey());
          List<OutgoingMessage> messages = new ArrayList<>();
          for (Planned planned : plan(community, occurrence, rsvp)) {
            messages.add(
                OutgoingMessage.of(
                        prefix(rsvp.ref(), rsvp.memberKey())
                            + ReminderOffsets.format(planned.offset())
                            + "@"
                            + occurrence.start().getEpochSecond(),
                        Target.member(rsvp.member()),
                        reminder(community, occurrence, rsvp.language()),
                        planned.at(),
                        occurrence.start())
                    .about(Premise.attendance(rsvp.ref(), occurrence.start(), rsvp.memberKey())));
          }
          outbox.enqueueAll(messages);
        });
  }

  /** Recomputes every pending reminder of a member in a community (their defaults changed). */
  void rescheduleMember(Community community, String memberKey) {
    database.useTransaction(
        "reschedule the reminders of " + memberKey,
        handle -> {
          for (Rsvp rsvp : rsvps.forMember(community, memberKey)) {
            occurrence(community, rsvp).ifPresent(o -> reschedule(community, o, rsvp));
          }
        });
  }

  /** The occurrence an answer is about, as the catalog has it now. */
  Optional<Occurrence> occurrence(Community community, Rsvp rsvp) {
    return catalog.occurrence(community, EventRef.parse(rsvp.ref()), clock.instant());
  }

  /** Sets a member's own offsets for one occurrence they answered ({@code off} for none). */
  Rsvp remindFor(Community community, Occurrence occurrence, Rsvp rsvp, Optional<String> offsets) {
    return rsvps.setRemindOffsets(community, occurrence, rsvp, offsets);
  }

  ReminderPreferences.Choice preferences(Community community, String memberKey) {
    return preferences.of(community.id(), memberKey);
  }

  /** Stores a member's default offsets and moves their reminders, in one transaction. */
  void setDefaults(Community community, String memberKey, Optional<String> offsets) {
    database.useTransaction(
        "set the default reminders of " + memberKey,
        handle -> {
          preferences.setOffsets(community.id(), memberKey, offsets);
          rescheduleMember(community, memberKey);
        });
  }

  /** Stores a member's quiet hours and moves their reminders, in one transaction. */
  void setQuiet(Community community, String memberKey, Optional<QuietHours> quiet) {
    database.useTransaction(
        "set the quiet hours of " + memberKey,
        handle -> {
          preferences.setQuiet(community.id(), memberKey, quiet);
          rescheduleMember(community, memberKey);
        });
  }

  /**
   * Moves the reminders of everyone who answered the event, in one transaction: the caller's, when
   * it stores the change in one open on this thread, so that the change and its reminders commit
   * together.
   */
  @Override
  public void timesChanged(Community community, Event before, Event after) {
    database.useTransaction(
        "move the reminders of event " + after.id(),
        handle -> {
          for (Rsvp rsvp : rsvps.forEvent(after.id())) {
            Optional<Occurrence> occurrence = occurrence(community, rsvp);
            if (occurrence.isPresent()) {
              reschedule(community, occurrence.get(), rsvp);
            } else {
              // A series date that moved to another day: its ref names no occurrence any more.
              outbox.cancel(PREFIX, rsvp.ref(), rsvp.memberKey());
            }
          }
        });
    LOG.info("event {} moved: its reminders follow", after.id());
  }

  /**
   * Drops the reminders of everyone who answered the event and tells those going or waiting, in one
   * transaction: the caller's, when it stores the cancellation in one open on this thread, so that
   * the cancellation, the dropped reminders and the notices commit together.
   */
  @Override
  public void cancelled(Community community, Event event) {
    int told =
        database.inTransaction(
            "cancel the reminders of event " + event.id(), handle -> dropAndTell(community, event));
    LOG.info("event {} cancelled: reminders dropped, {} told", event.id(), told);
  }

  /**
   * Gives the answers to {@code before} to {@code after}, moves their reminders and tells those
   * going or waiting what changed, in one transaction: the caller's, when one is open on this
   * thread.
   */
  @Override
  public void occurrenceChanged(Community community, Occurrence before, Occurrence after) {
    int told =
        database.inTransaction(
            "move the answers and reminders of " + before.ref(),
            handle -> {
              for (Rsvp rsvp : rsvps.forOccurrence(before.ref())) {
                outbox.cancel(PREFIX, rsvp.ref(), rsvp.memberKey());
              }
              rsvps.move(before.ref(), after.ref());
              Instant now = clock.instant();
              List<OutgoingMessage> notices = new ArrayList<>();
              for (Rsvp rsvp : rsvps.forOccurrence(after.ref())) {
                reschedule(community, after, rsvp);
                if (told(rsvp) && after.start().isAfter(now)) {
                  notices.add(
                      OutgoingMessage.of(
                          "changed:"
                              + after.ref()
                              + ":"
                              + rsvp.memberKey()
                              + "@"
                              + now.toEpochMilli(),
                          Target.member(rsvp.member()),
                          changed(community, before, after, rsvp.language()),
                          now,
                          after.start()));
                }
              }
              outbox.enqueueAll(notices);
              return notices.size();
            });
    LOG.info(
        "occurrence {} changed (now {}): reminders follow, {} told",
        before.ref(),
        after.ref(),
        told);
  }

  /**
   * Drops the reminders of one cancelled series date and tells those going to it or waiting, in one
   * transaction: the caller's, when one is open on this thread. The other dates are untouched.
   */
  @Override
  public void dateCancelled(Community community, Occurrence date) {
    int told =
        database.inTransaction(
            "cancel the reminders of " + date.ref(),
            handle -> {
              Instant now = clock.instant();
              List<OutgoingMessage> notices = new ArrayList<>();
              for (Rsvp rsvp : rsvps.forOccurrence(date.ref())) {
                outbox.cancel(PREFIX, rsvp.ref(), rsvp.memberKey());
                if (!told(rsvp) || !date.start().isAfter(now)) {
                  continue;
                }
                Language language = rsvp.language();
                Reply reply =
                    Reply.builder(language.locale())
                        .line(
                            Piece.text(messages.get(language, "reminder.cancelled_date") + " "),
                            Piece.bold(date.event().title()),
                            Piece.text(" · "),
                            Piece.time(date.start(), community.zone(), Piece.TimeStyle.FULL),
                            Piece.text(" · "),
                            Piece.eventRef(date.ref()))
                        .build();
                notices.add(
                    OutgoingMessage.of(
                        "cancelled:" + rsvp.ref() + ":" + rsvp.memberKey(),
                        Target.member(rsvp.member()),
                        reply,
                        now,
                        date.start()));
              }
              outbox.enqueueAll(notices);
              return notices.size();
            });
    LOG.info("date {} cancelled: its reminders dropped, {} told", date.ref(), told);
  }

  /** Whether a member is told when an occurrence changes or is cancelled. */
  private static boolean told(Rsvp rsvp) {
    return rsvp.status() == Rsvp.Status.GOING || rsvp.status() == Rsvp.Status.WAITING;
  }

  /** "Changed: title (ref) / Now: when · where / Before: when · where". */
  private Reply changed(
      Community community, Occurrence before, Occurrence after, Language language) {
    return Reply.builder(language.locale())
        .line(
            Piece.text(messages.get(language, "reminder.changed") + " "),
            Piece.bold(after.event().title()),
            Piece.text(" ("),
            Piece.eventRef(after.ref()),
            Piece.text(")"))
        .line(stateLine(community, after, messages.get(language, "reminder.changed.now")))
        .line(
            stateLine(community, before, messages.get(language, "reminder.changed.before"), after))
        .build();
  }

  private static Line stateLine(
      Community community, Occurrence o, String label, Occurrence... other) {
    List<Piece> pieces = new ArrayList<>();
    pieces.add(Piece.text(label + " "));
    if (other.length > 0 && !other[0].event().title().equals(o.event().title())) {
      pieces.add(Piece.text(o.event().title() + " · "));
    }
    pieces.add(Piece.time(o.start(), community.zone(), Piece.TimeStyle.FULL));
    pieces.add(Piece.text(" – "));
    pieces.add(Piece.time(o.end(), community.zone(), Piece.TimeStyle.TIME));
    String place =
        java.util.stream.Stream.of(o.event().venue(), o.event().city())
            .filter(Objects::nonNull)
            .collect(java.util.stream.Collectors.joining(", "));
    if (!place.isEmpty()) {
      pieces.add(Piece.text(" · " + place));
    }
    return new Line(pieces);
  }

  private int dropAndTell(Community community, Event event) {
    Instant now = clock.instant();
    List<OutgoingMessage> notices = new ArrayList<>();
    for (Rsvp rsvp : rsvps.forEvent(event.id())) {
      outbox.cancel(PREFIX, rsvp.ref(), rsvp.memberKey());
      if (rsvp.status() != Rsvp.Status.GOING && rsvp.status() != Rsvp.Status.WAITING) {
        continue;
      }
      Optional<Occurrence> occurrence = occurrence(community, rsvp);
      if (occurrence.isEmpty() || !occurrence.get().start().isAfter(now)) {
        continue;
      }
      Language language = rsvp.language();
      Reply reply =
          Reply.builder(language.locale())
              .line(
                  Piece.text(messages.get(language, "reminder.cancelled") + " "),
                  Piece.bold(event.title()),
                  Piece.text(" · "),
                  Piece.time(occurrence.get().start(), community.zone(), Piece.TimeStyle.FULL))
              .build();
      notices.add(
          OutgoingMessage.of(
              "cancelled:" + rsvp.ref() + ":" + rsvp.memberKey(),
              Target.member(rsvp.member()),
              reply,
              now,
              occurrence.get().start()));
    }
    outbox.enqueueAll(notices);
    return notices.size();
  }

  @Override
  public void attempted(DeliveryAttempt attempt) {
    if (attempt.outcome() != DeliveryAttempt.Outcome.FAILED
        || !attempt.message().key().startsWith(PREFIX)
        || !(attempt.message().target() instanceof Target.ToMember to)) {
      return;
    }
    String memberKey = to.member().key();
    Optional<Rsvp> last = rsvps.lastAnsweredInAGroup(memberKey);
    if (last.isEmpty()) {
      LOG.info(
          "reminder {} failed and {} answered from no group", attempt.message().key(), memberKey);
      return;
    }
    Language language = last.get().language();
    String platform = to.member().platform().name().toLowerCase(Locale.ROOT);
    Reply.Builder notice =
        Reply.builder(language.locale())
            .line(
                Line.text(
                    messages.get(
                        language, "reminder.dms_closed." + platform, to.member().displayName())));
    privateChatLinks
        .apply(to.member().platform())
        .ifPresent(
            link ->
                notice.buttonRow(
                    Button.link(messages.get(language, "reminder.open_private"), link)));
    // Keyed by member alone: told once, however many reminders fail.
    boolean told =
        outbox.enqueue(
            OutgoingMessage.unexpiring(
                "dms-closed:" + memberKey,
                Target.conversation(last.get().group().orElseThrow()),
                notice.build(),
                clock.instant()));
    if (told) {
      LOG.info("reminder {} failed: telling {} in their group", attempt.message().key(), memberKey);
    }
  }

  /** The reminder message. */
  private Reply reminder(Community community, Occurrence occurrence, Language language) {
    return Reply.builder(language.locale())
        .line(
            Piece.text(messages.get(language, "reminder.title") + " "),
            Piece.bold(occurrence.event().title()))
        .line(
            Piece.text(messages.get(language, "reminder.starts") + " "),
            Piece.time(occurrence.start(), community.zone(), Piece.TimeStyle.FULL))
        .line(
            Piece.text(messages.get(language, "rsvp.ref") + " "), Piece.eventRef(occurrence.ref()))
        .build();
  }

  static String prefix(String ref, String memberKey) {
    return PREFIX + ref + ":" + memberKey + ":";
  }
}
