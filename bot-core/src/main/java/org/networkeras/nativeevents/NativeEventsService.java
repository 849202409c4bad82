package org.networkeras.nativeevents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventChanges;
import org.networkeras.catalog.EventFilter;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Gateways;
import org.networkeras.chat.Line;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.ScheduledEvents;
import org.networkeras.chat.ScheduledEvents.Outcome;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityService;
import org.networkeras.delivery.Outbox;
import org.networkeras.delivery.OutboxOperation;
import org.networkeras.delivery.OutgoingMessage;
import org.networkeras.delivery.Target;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.store.Database;
import org.networkeras.time.TimeRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors a community's published events as Discord scheduled events once an admin turned it on.
 *
 * <p>What is mirrored: every published occurrence (a single event, or one date of a series) that
 * starts within {@link #HORIZON} from now, at most {@link #MAX_PER_ROUND} per community; an
 * occurrence that comes into that window later is picked up by {@link #sweep}, which a recurring
 * task runs every hour. Each mirror operation is an outbox item under the key {@code
 * scheduled-event:<community>:<ref>:<why>}, written when the event is published, edited or
 * cancelled; the item carries no copy of the event: {@link #perform} reads the occurrence as it
 * stands when the item is due, and brings the Discord event to it (creates, changes or cancels it).
 *
 * <p>A restart neither loses nor doubles: items wait in the outbox until Discord accepted them, and
 * a Discord event is recorded against its occurrence as soon as Discord created it. A crash between
 * Discord's answer and that record leaves an event the bot does not know; the item is performed
 * again once its claim lapses, and before creating anything it looks for an event whose description
 * holds the occurrence's marker ({@link #marker}), and adopts it. Thread-safe.
 */
public final class NativeEventsService implements OutboxOperation, EventChanges {

  /** How far ahead occurrences are mirrored. */
  public static final Duration HORIZON = Duration.ofDays(30);

  /** Occurrences mirrored at most per community (Discord keeps at most 100 scheduled events). */
  public static final int MAX_PER_ROUND = 50;

  static final String PREFIX = "scheduled-event:";
  static final String NOTICE_PREFIX = "scheduled-event-permission:";

  private static final Logger LOG = LoggerFactory.getLogger(NativeEventsService.class);

  private final NativeEventsRepository repository;
  private final CatalogService catalog;
  private final CommunityService communities;
  private final Gateways gateways;
  private final Outbox outbox;
  private final Messages messages;
  private final Clock clock;

  public NativeEventsService(
      Database database,
      CatalogService catalog,
      CommunityService communities,
      Gateways gateways,
      Outbox outbox,
      Messages messages,
      Clock clock) {
    this.repository = new NativeEventsRepository(database);
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.communities = Objects.requireNonNull(communities, "communities");
    this.gateways = Objects.requireNonNull(gateways, "gateways");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Why turning the mirror on was refused. */
  public sealed interface Refusal {
    /** The conversation is not in a server whose platform has scheduled events (Discord). */
    record NoScheduledEvents() implements Refusal {}

    /** The bot lacks these permissions on the server. */
    record MissingPermissions(List<String> names) implements Refusal {}
  }

  /**
   * Turns the mirror on for {@code community}, typed in {@code here}: checks that {@code here} is a
   * channel of a server whose platform has scheduled events (a Discord server) and whose
   * permissions let the bot manage them, records it and enqueues the mirroring of the occurrences
   * of the next {@link #HORIZON}.
   *
   * @return why it was refused, or empty once it is on
   */
  public Optional<Refusal> turnOn(Community community, Conversation here) {
    Optional<ScheduledEvents> port =
        here.isDirect() || here.communityId() == null ? Optional.empty() : port(here.platform());
    if (port.isEmpty()) {
      return Optional.of(new Refusal.NoScheduledEvents());
    }
    List<String> missing = port.get().missingPermissions(here.communityId());
    if (!missing.isEmpty()) {
      return Optional.of(new Refusal.MissingPermissions(missing));
    }
    Instant now = clock.instant();
    repository.turnOn(community.id(), here.platform(), here.communityId(), here.id(), now);
    sweep(community, now);
    return Optional.empty();
  }

  /**
   * Turns the mirror off: nothing more is created, changed or cancelled on Discord. The events
   * already created stay as they are (members who marked themselves interested keep them).
   */
  public void turnOff(Community community) {
    repository.turnOff(community.id());
  }

  /** Whether the community mirrors its events now. */
  public boolean isOn(Community community) {
    return repository
        .setting(community.id())
        .filter(NativeEventsRepository.Setting::on)
        .isPresent();
  }

  /**
   * Enqueues the mirroring of every community's occurrences that start within {@link #HORIZON} and
   * are not mirrored yet (keys already enqueued are left alone): what the hourly task runs.
   *
   * @return how many items it enqueued
   */
  public int sweep(Instant now) {
    int added = 0;
    for (long id : repository.enabledCommunities()) {
      Optional<Community> community = communities.find(id);
      if (community.isPresent()) {
        added += sweep(community.get(), now);
      }
    }
    return added;
  }

  /** Told by moderation once an event is published. */
  public void published(Community community, Event event) {
    Optional<NativeEventsRepository.Setting> setting = onFor(community);
    if (setting.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<OutgoingMessage> items = new ArrayList<>();
    for (Occurrence occurrence : occurrencesOf(community, event, now)) {
      items.add(item(community, setting.get(), occurrence.ref(), round(setting.get()), now));
    }
    outbox.enqueueAll(items);
  }

  @Override
  public void timesChanged(Community community, Event before, Event after) {
    changedEvent(community, after.id(), "edit@" + clock.millis());
    published(community, after);
  }

  @Override
  public void cancelled(Community community, Event event) {
    changedEvent(community, event.id(), "cancel");
  }

  @Override
  public void detailsChanged(Community community, Event before, Event after) {
    changedEvent(community, after.id(), "edit@" + clock.millis());
  }

  @Override
  public void occurrenceChanged(Community community, Occurrence before, Occurrence after) {
    Optional<NativeEventsRepository.Setting> setting = onFor(community);
    if (setting.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    String why = "edit@" + now.toEpochMilli();
    List<OutgoingMessage> items = new ArrayList<>();
    items.add(item(community, setting.get(), after.ref(), why, now));
    if (!before.ref().equals(after.ref())) {
      // The date moved to another day: the old reference's mirror is cancelled, if it had one.
      items.add(item(community, setting.get(), before.ref(), why, now));
    }
    outbox.enqueueAll(items);
  }

  @Override
  public void dateCancelled(Community community, Occurrence date) {
    Optional<NativeEventsRepository.Setting> setting = onFor(community);
    if (setting.isPresent()) {
      Instant now = clock.instant();
      outbox.enqueue(item(community, setting.get(), date.ref(), "cancel", now));
    }
  }

  @Override
  public String keyPrefix() {
    return PREFIX;
  }

  /**
   * Brings the Discord event of the item's occurrence to the occurrence as it stands now: creates
   * it (after looking for one a crash left unrecorded), changes it, or cancels it. Does nothing
   * while the community's mirror is off.
   */
  @Override
  public DeliveryResult perform(OutgoingMessage item) {
    String[] parts = item.key().substring(PREFIX.length()).split(":", 3);
    if (parts.length != 3) {
      return DeliveryResult.Failed.permanent("not a scheduled-event key: " + item.key());
    }
    long communityId = Long.parseLong(parts[0]);
    String ref = parts[1];
    Optional<NativeEventsRepository.Setting> setting =
        repository.setting(communityId).filter(NativeEventsRepository.Setting::on);
    Optional<Community> community = communities.find(communityId);
    if (setting.isEmpty() || community.isEmpty()) {
      return new DeliveryResult.Delivered("off");
    }
    Optional<ScheduledEvents> found = port(setting.get().platform());
    if (found.isEmpty()) {
      return DeliveryResult.Failed.retryable("no " + setting.get().platform() + " adapter runs");
    }
    ScheduledEvents port = found.get();
    String server = setting.get().serverId();
    List<String> missing = port.missingPermissions(server);
    if (!missing.isEmpty()) {
      return refused(community.get(), setting.get(), "missing " + String.join(", ", missing));
    }
    Instant now = clock.instant();
    Optional<Occurrence> occurrence =
        EventRef.tryParse(ref).flatMap(r -> catalog.occurrence(community.get(), r, now));
    boolean listed =
        occurrence.isPresent()
            && occurrence.get().ref().equals(ref)
            && occurrence.get().event().status() == EventStatus.PUBLISHED;
    Optional<NativeEventsRepository.Mirror> mirror = repository.mirror(communityId, ref);
    if (!listed) {
      if (mirror.isEmpty() || mirror.get().cancelled()) {
        return new DeliveryResult.Delivered("nothing to mirror");
      }
      return settle(
          community.get(),
          setting.get(),
          port.cancel(mirror.get().serverId(), mirror.get().remoteId()),
          done -> {
            repository.save(
                new NativeEventsRepository.Mirror(
                    communityId, ref, mirror.get().serverId(), mirror.get().remoteId(), true),
                clock.instant());
            return mirror.get().remoteId();
          },
          () -> {
            repository.forget(communityId, ref);
            return new DeliveryResult.Delivered("gone");
          });
    }
    if (mirror.isPresent() && mirror.get().cancelled()) {
      return new DeliveryResult.Delivered("cancelled on Discord");
    }
    ScheduledEvents.Spec spec = spec(community.get(), occurrence.get());
    if (mirror.isPresent()) {
      return settle(
          community.get(),
          setting.get(),
          port.update(mirror.get().serverId(), mirror.get().remoteId(), spec),
          done -> mirror.get().remoteId(),
          () -> {
            repository.forget(communityId, ref);
            return new DeliveryResult.Delivered("deleted on Discord");
          });
    }
    if (!occurrence.get().start().isAfter(now)) {
      // Discord takes no event that starts in the past.
      return new DeliveryResult.Delivered("already started");
    }
    Outcome lookedUp = port.find(server, marker(communityId, ref));
    if (lookedUp instanceof Outcome.Done done && done.eventId().isPresent()) {
      String adopted = done.eventId().get();
      LOG.info(
          "scheduled event {} of {} found by its marker: recorded, then updated", adopted, ref);
      repository.save(
          new NativeEventsRepository.Mirror(communityId, ref, server, adopted, false),
          clock.instant());
      return settle(
          community.get(),
          setting.get(),
          port.update(server, adopted, spec),
          ok -> adopted,
          () -> {
            repository.forget(communityId, ref);
            return DeliveryResult.Failed.retryable("the found event vanished");
          });
    }
    if (!(lookedUp instanceof Outcome.Done)) {
      return settle(community.get(), setting.get(), lookedUp, ok -> "", () -> null);
    }
    return settle(
        community.get(),
        setting.get(),
        port.create(server, spec),
        done -> {
          String created = done.eventId().orElseThrow();
          repository.save(
              new NativeEventsRepository.Mirror(communityId, ref, server, created, false),
              clock.instant());
          return created;
        },
        () -> DeliveryResult.Failed.retryable("gone while creating"));
  }

  /** The words in a mirrored event's description by which the bot finds it again. */
  static String marker(long communityId, String ref) {
    return "[networkeras " + communityId + "/" + ref + "]";
  }

  /** The Discord event for an occurrence, its texts cut to Discord's limits. */
  ScheduledEvents.Spec spec(Community community, Occurrence occurrence) {
    Event event = occurrence.event();
    Language language = community.language() != null ? community.language() : Language.EN;
    String marker = marker(community.id(), occurrence.ref());
    StringBuilder text = new StringBuilder();
    if (event.description() != null && !event.description().isBlank()) {
      text.append(event.description().strip()).append("\n\n");
    }
    if (event.link() != null && !event.link().isBlank()) {
      text.append(event.link().strip()).append("\n");
    }
    text.append(messages.get(language, "scheduled_events.reference", occurrence.ref()));
    String tail = "\n" + marker;
    String body = cut(text.toString(), ScheduledEvents.MAX_DESCRIPTION - tail.length());
    List<String> where = new ArrayList<>();
    for (String part : new String[] {event.venue(), event.address(), event.city()}) {
      if (part != null && !part.isBlank() && where.stream().noneMatch(part.strip()::equals)) {
        where.add(part.strip());
      }
    }
    String location =
        where.isEmpty()
            ? messages.get(language, "scheduled_events.no_place")
            : String.join(", ", where);
    return new ScheduledEvents.Spec(
        cut(event.title().strip(), ScheduledEvents.MAX_NAME),
        body + tail,
        cut(location, ScheduledEvents.MAX_LOCATION),
        occurrence.start(),
        occurrence.end().isAfter(occurrence.start())
            ? occurrence.end()
            : occurrence.start().plus(Duration.ofHours(1)));
  }

  private interface OnDone {
    String apply(Outcome.Done done);
  }

  /**
   * An outcome as the outbox records it; a missing permission is explained once and ends the item
   * for good.
   */
  private DeliveryResult settle(
      Community community,
      NativeEventsRepository.Setting setting,
      Outcome outcome,
      OnDone onDone,
      java.util.function.Supplier<DeliveryResult> onGone) {
    if (outcome instanceof Outcome.Done done) {
      return new DeliveryResult.Delivered(onDone.apply(done));
    }
    if (outcome instanceof Outcome.Gone) {
      return onGone.get();
    }
    if (outcome instanceof Outcome.MissingPermission missing) {
      return refused(community, setting, missing.reason());
    }
    Outcome.Failed failed = (Outcome.Failed) outcome;
    if (!failed.retryable()) {
      return DeliveryResult.Failed.permanent(failed.reason());
    }
    return failed.retryAfter().isPresent()
        ? DeliveryResult.Failed.retryAfter(failed.reason(), failed.retryAfter().get())
        : DeliveryResult.Failed.retryable(failed.reason());
  }

  /**
   * Explains in the channel where the mirror was turned on which permissions to grant, once per
   * time it was turned on (not once per event), and ends the item for good.
   */
  private DeliveryResult refused(
      Community community, NativeEventsRepository.Setting setting, String reason) {
    Language language = community.language() != null ? community.language() : Language.EN;
    Reply notice =
        Reply.builder(language.locale())
            .line(Line.text(messages.get(language, "scheduled_events.refused")))
            .line(Line.text(messages.get(language, "scheduled_events.grant")))
            .build();
    Instant now = clock.instant();
    outbox.enqueue(
        OutgoingMessage.unexpiring(
            NOTICE_PREFIX
                + community.id()
                + ":"
                + setting.enabledAt().map(Instant::toEpochMilli).orElse(0L),
            Target.conversation(
                Conversation.group(setting.platform(), setting.noticeTo(), setting.serverId())),
            notice,
            now));
    return DeliveryResult.Failed.permanent("Discord refused: " + reason);
  }

  private int sweep(Community community, Instant now) {
    Optional<NativeEventsRepository.Setting> setting = onFor(community);
    if (setting.isEmpty()) {
      return 0;
    }
    List<OutgoingMessage> items = new ArrayList<>();
    for (Occurrence occurrence :
        catalog.list(community, new TimeRange(now, now.plus(HORIZON)), EventFilter.ALL)) {
      if (items.size() >= MAX_PER_ROUND) {
        break;
      }
      if (occurrence.event().status() == EventStatus.PUBLISHED && occurrence.start().isAfter(now)) {
        items.add(item(community, setting.get(), occurrence.ref(), round(setting.get()), now));
      }
    }
    return outbox.enqueueAll(items);
  }

  /** The occurrences of an event to mirror: itself, or its dates within the horizon. */
  private List<Occurrence> occurrencesOf(Community community, Event event, Instant now) {
    if (event.status() != EventStatus.PUBLISHED) {
      return List.of();
    }
    Instant until = now.plus(HORIZON);
    if (!event.isSeries()) {
      return event.start().isAfter(now) && event.start().isBefore(until)
          ? List.of(new Occurrence(event, event.start(), event.end(), EventRef.of(event.id())))
          : List.of();
    }
    return catalog.upcoming(event, community.zone(), now, MAX_PER_ROUND).stream()
        .filter(o -> o.start().isAfter(now) && o.start().isBefore(until))
        .filter(o -> o.event().status() == EventStatus.PUBLISHED)
        .toList();
  }

  /** Re-mirrors every known date of an event (edited or cancelled as a whole). */
  private void changedEvent(Community community, long eventId, String why) {
    Optional<NativeEventsRepository.Setting> setting = onFor(community);
    if (setting.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<OutgoingMessage> items = new ArrayList<>();
    for (NativeEventsRepository.Mirror mirror : repository.mirrorsOf(community.id(), eventId)) {
      if (!mirror.cancelled()) {
        items.add(item(community, setting.get(), mirror.ref(), why, now));
      }
    }
    if (items.isEmpty()) {
      // Perhaps enqueued but not yet mirrored: the item finds the event cancelled and does nothing.
      items.add(item(community, setting.get(), EventRef.of(eventId), why, now));
    }
    outbox.enqueueAll(items);
  }

  private Optional<NativeEventsRepository.Setting> onFor(Community community) {
    return repository.setting(community.id()).filter(NativeEventsRepository.Setting::on);
  }

  private static String round(NativeEventsRepository.Setting setting) {
    return "on@" + setting.enabledAt().orElseThrow().toEpochMilli();
  }

  private OutgoingMessage item(
      Community community,
      NativeEventsRepository.Setting setting,
      String ref,
      String why,
      Instant now) {
    Language language = community.language() != null ? community.language() : Language.EN;
    return OutgoingMessage.unexpiring(
        PREFIX + community.id() + ":" + ref + ":" + why,
        Target.conversation(
            Conversation.group(setting.platform(), setting.noticeTo(), setting.serverId())),
        Reply.text(language.locale(), "mirror " + ref + " as a Discord scheduled event"),
        now);
  }

  private Optional<ScheduledEvents> port(Platform platform) {
    return gateways.forPlatform(platform).flatMap(ChatGateway::scheduledEvents);
  }

  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
