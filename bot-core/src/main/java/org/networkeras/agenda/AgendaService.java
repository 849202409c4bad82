package org.networkeras.agenda;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.EventFilter;
import org.networkeras.catalog.EventListing;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Piece.TimeStyle;
import org.networkeras.chat.Reply;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityService;
import org.networkeras.delivery.Outbox;
import org.networkeras.delivery.OutgoingMessage;
import org.networkeras.delivery.Target;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.settings.CommunitySettings;
import org.networkeras.settings.SettingsService;
import org.networkeras.store.Database;
import org.networkeras.time.TimeRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each community's weekly agenda: at its chosen local day and time (Monday 09:00 unless
 * changed; see {@link AgendaSchedule} for when it is on), the events of the coming week — the
 * Monday-to-Sunday week that starts on the day of the post, or the next Monday — grouped by day, in
 * every announcement conversation (on each day, those in the community's home city first). {@link
 * #runDue} runs every minute from the scheduler (and on the console's {@code :advance}); each post
 * is one outbox message under {@code agenda:<community id>:<conversation key>:<Monday of the
 * week>}, so a restart, a second run or a second instance never posts a week twice. A post that
 * could not be made at its time (the bot was down) is still made within {@link #LATE_LIMIT}, and
 * dropped after. The agenda lists what starts from its post on, never an event already under way at
 * the post (unlike {@code /events}, which marks one as on now): it is read over the day, when such
 * an event is likely over. Thread-safe.
 */
public final class AgendaService {

  /** How late an agenda may still be posted. */
  public static final Duration LATE_LIMIT = Duration.ofHours(12);

  private static final Logger LOG = LoggerFactory.getLogger(AgendaService.class);

  private final AgendaRepository repository;
  private final CommunityService communities;
  private final SettingsService settings;
  private final CatalogService catalog;
  private final Outbox outbox;
  private final Messages messages;

  public AgendaService(
      Database database,
      CommunityService communities,
      SettingsService settings,
      CatalogService catalog,
      Outbox outbox,
      Messages messages) {
    this.repository = new AgendaRepository(database);
    this.communities = Objects.requireNonNull(communities, "communities");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /** The community's schedule: the one it chose, or {@link AgendaSchedule#DEFAULT}. */
  public AgendaSchedule schedule(Community community) {
    return repository.find(community.id()).orElse(AgendaSchedule.DEFAULT);
  }

  /** Stores the schedule an admin chose (on or off, a day and a time). */
  public void choose(Community community, AgendaSchedule schedule) {
    repository.save(community.id(), schedule);
  }

  /**
   * Turns the agenda on or off, keeping the day and time as stored (whoever last changed them), so
   * that switching it never undoes a new day or time chosen at the same moment elsewhere.
   */
  public void turn(Community community, boolean on) {
    repository.setEnabled(community.id(), on);
  }

  /**
   * Enqueues the agendas due at {@code now}: for each community whose agenda is on and whose post
   * time this week is past by less than {@link #LATE_LIMIT}, one message per announcement
   * conversation. Running it again, here or in another process, adds nothing.
   *
   * @return how many messages were added to the outbox
   */
  public int runDue(Instant now) {
    int enqueued = 0;
    for (long id : repository.communitiesWithAnnouncements()) {
      Optional<Community> community = communities.find(id);
      if (community.isEmpty()) {
        continue;
      }
      try {
        enqueued += post(community.get(), now);
      } catch (RuntimeException e) {
        LOG.error("weekly agenda of community {} not posted", id, e);
      }
    }
    return enqueued;
  }

  private int post(Community community, Instant now) {
    CommunitySettings current = settings.settings(community);
    List<Conversation> to = current.announceTo();
    AgendaSchedule schedule = schedule(community);
    if (!schedule.isOn(!to.isEmpty())) {
      return 0;
    }
    ZoneId zone = community.zone();
    LocalDate postDay =
        now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(schedule.day()));
    // ZonedDateTime.of moves a time inside a spring-forward gap to just after it.
    Instant postAt = ZonedDateTime.of(postDay, schedule.time(), zone).toInstant();
    if (now.isBefore(postAt) || !now.isBefore(postAt.plus(LATE_LIMIT))) {
      return 0;
    }
    LocalDate monday = postDay.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    Instant weekStart = monday.atStartOfDay(zone).toInstant();
    Instant weekEnd = monday.plusDays(7).atStartOfDay(zone).toInstant();
    Instant from = postAt.isAfter(weekStart) ? postAt : weekStart;
    List<Occurrence> week =
        catalog.list(community, new TimeRange(from, weekEnd), EventFilter.ALL).stream()
            .filter(o -> o.event().status() == EventStatus.PUBLISHED)
            .toList();
    Reply reply =
        render(community, monday, EventListing.homeCityFirst(week, community.defaultCity(), zone));
    List<OutgoingMessage> posts = new ArrayList<>();
    for (Conversation conversation : to) {
      posts.add(
          OutgoingMessage.of(
              "agenda:" + community.id() + ":" + conversation.key() + ":" + monday,
              Target.conversation(conversation),
              reply,
              postAt,
              postAt.plus(LATE_LIMIT)));
    }
    return outbox.enqueueAll(posts);
  }

  private Reply render(Community community, LocalDate monday, List<Occurrence> week) {
    Language language = community.language() != null ? community.language() : Language.EN;
    ZoneId zone = community.zone();
    Reply.Builder reply = Reply.builder(language.locale());
    reply.line(
        Piece.bold(messages.get(language, "agenda.title") + " "),
        Piece.time(monday.atTime(12, 0).atZone(zone).toInstant(), zone, TimeStyle.DATE),
        Piece.text(" – "),
        Piece.time(
            monday.plusDays(6).atTime(12, 0).atZone(zone).toInstant(), zone, TimeStyle.DATE));
    if (week.isEmpty()) {
      reply.line(Line.text(messages.get(language, "agenda.empty")));
      return reply.build();
    }
    EventListing.byDay(messages, language, week, zone).forEach(reply::block);
    reply.line(Line.text(messages.get(language, "agenda.footer")));
    return reply.build();
  }
}
