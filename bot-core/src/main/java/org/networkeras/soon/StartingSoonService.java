package org.networkeras.soon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.EventFilter;
import org.networkeras.catalog.EventListing;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandException;
import org.networkeras.command.Words;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityService;
import org.networkeras.delivery.Outbox;
import org.networkeras.delivery.OutgoingMessage;
import org.networkeras.delivery.Target;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.settings.SettingsService;
import org.networkeras.store.Database;
import org.networkeras.time.TimeRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts "starting soon" in a community's announcement conversations a chosen lead before each of
 * its published events starts (off unless chosen). {@link #runDue} runs every minute from the
 * scheduler (and on the console's {@code :advance}); each post is one outbox message under {@code
 * soon:<community id>:<conversation key>:<occurrence ref>@<start epoch seconds>}, due at start
 * minus the lead and expiring at the start: never posted twice, never after the event started. An
 * event moved to another time gets its own post for the new time. Thread-safe.
 */
public final class StartingSoonService {

  /** The shortest lead a community may choose. */
  public static final Duration MIN_LEAD = Duration.ofMinutes(5);

  /** The longest lead a community may choose. */
  public static final Duration MAX_LEAD = Duration.ofDays(1);

  private static final Pattern LEAD = Pattern.compile("(\\d{1,4})\\s*(min|mn|[mhdj])");
  private static final Logger LOG = LoggerFactory.getLogger(StartingSoonService.class);

  private final StartingSoonRepository repository;
  private final CommunityService communities;
  private final SettingsService settings;
  private final CatalogService catalog;
  private final Outbox outbox;
  private final Messages messages;

  public StartingSoonService(
      Database database,
      CommunityService communities,
      SettingsService settings,
      CatalogService catalog,
      Outbox outbox,
      Messages messages) {
    this.repository = new StartingSoonRepository(database);
    this.communities = Objects.requireNonNull(communities, "communities");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /** How long before an event the community's post is made, or empty when it is off. */
  public Optional<Duration> lead(Community community) {
    return repository.find(community.id());
  }

  /** Stores the lead an admin chose, or turns the post off when empty. */
  public void choose(Community community, Optional<Duration> lead) {
    lead.ifPresent(StartingSoonService::checkLead);
    repository.save(community.id(), lead);
  }

  /**
   * Reads a lead as an admin typed it: {@code 15m}, {@code 1h}, {@code 1d} (or {@code 1j}), from
   * {@link #MIN_LEAD} to {@link #MAX_LEAD}, or {@code off}.
   *
   * @return empty for off
   * @throws CommandException {@code settings.bad_soon} for anything else
   */
  public static Optional<Duration> parse(String value) {
    String folded = Words.fold(value.strip()).toLowerCase(Locale.ROOT);
    if (folded.equals("off")
        || folded.equals("non")
        || folded.equals("aucun")
        || folded.equals("desactive")
        || folded.equals("-")) {
      return Optional.empty();
    }
    Matcher m = LEAD.matcher(folded);
    if (!m.matches()) {
      throw new CommandException("settings.bad_soon", value.strip());
    }
    long n = Long.parseLong(m.group(1));
    Duration lead =
        switch (m.group(2)) {
          case "m", "min", "mn" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
    if (lead.compareTo(MIN_LEAD) < 0 || lead.compareTo(MAX_LEAD) > 0) {
      throw new CommandException("settings.bad_soon", value.strip());
    }
    return Optional.of(lead);
  }

  /** A lead as {@link #parse} reads it back: {@code 15m}, {@code 2h}, {@code 1d}, or off. */
  public static String describe(Optional<Duration> lead) {
    if (lead.isEmpty()) {
      return "off";
    }
    long minutes = lead.get().toMinutes();
    if (minutes % (24 * 60) == 0) {
      return minutes / (24 * 60) + "d";
    }
    return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
  }

  /**
   * Enqueues the posts for events starting within the lead (plus the minute until the next run) of
   * {@code now}, for every community whose post is on, one per announcement conversation. Running
   * it again, here or in another process, adds nothing.
   *
   * @return how many messages were added to the outbox
   */
  public int runDue(Instant now) {
    int enqueued = 0;
    for (long id : repository.communitiesToPostFor()) {
      Optional<Community> community = communities.find(id);
      if (community.isEmpty()) {
        continue;
      }
      try {
        enqueued += post(community.get(), now);
      } catch (RuntimeException e) {
        LOG.error("starting-soon posts of community {} not enqueued", id, e);
      }
    }
    return enqueued;
  }

  private int post(Community community, Instant now) {
    List<Conversation> to = settings.settings(community).announceTo();
    Optional<Duration> lead = lead(community);
    if (to.isEmpty() || lead.isEmpty()) {
      return 0;
    }
    TimeRange window = new TimeRange(now, now.plus(lead.get()).plus(Duration.ofMinutes(1)));
    List<OutgoingMessage> posts = new ArrayList<>();
    for (Occurrence occurrence : catalog.list(community, window, EventFilter.ALL)) {
      if (occurrence.event().status() != EventStatus.PUBLISHED
          || occurrence.start().isBefore(now)) {
        continue;
      }
      Reply reply = render(community, occurrence);
      for (Conversation conversation : to) {
        posts.add(
            OutgoingMessage.of(
                "soon:"
                    + community.id()
                    + ":"
                    + conversation.key()
                    + ":"
                    + occurrence.ref()
                    + "@"
                    + occurrence.start().getEpochSecond(),
                Target.conversation(conversation),
                reply,
                occurrence.start().minus(lead.get()),
                occurrence.start()));
      }
    }
    return posts.isEmpty() ? 0 : outbox.enqueueAll(posts);
  }

  private Reply render(Community community, Occurrence occurrence) {
    Language language = community.language() != null ? community.language() : Language.EN;
    Reply.Builder reply = Reply.builder(language.locale());
    reply.line(Piece.bold(messages.get(language, "soon.title")));
    reply.line(EventListing.line(messages, language, occurrence, community.zone()));
    return reply.build();
  }

  private static void checkLead(Duration lead) {
    if (lead.compareTo(MIN_LEAD) < 0 || lead.compareTo(MAX_LEAD) > 0) {
      throw new IllegalArgumentException("a starting-soon lead is between 5 minutes and 1 day");
    }
  }
}
