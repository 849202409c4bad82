package org.networkeras.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.networkeras.agenda.AgendaService;
import org.networkeras.calendar.CalendarCardSection;
import org.networkeras.calendar.CalendarCommand;
import org.networkeras.calendar.CalendarService;
import org.networkeras.calendar.CalendarSettings;
import org.networkeras.catalog.CardSection;
import org.networkeras.catalog.CatalogCompleter;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.EventCommand;
import org.networkeras.catalog.EventsCommand;
import org.networkeras.catalog.GuideCommand;
import org.networkeras.catalog.StarterCatalog;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.Gateways;
import org.networkeras.chat.Usernames;
import org.networkeras.cluster.CacheEvents;
import org.networkeras.command.CommandHandler;
import org.networkeras.command.CommandListener;
import org.networkeras.command.Dispatcher;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.community.CommunityService;
import org.networkeras.delivery.Delivery;
import org.networkeras.delivery.DeliveryListener;
import org.networkeras.foryou.ForYouCommand;
import org.networkeras.foryou.ForYouService;
import org.networkeras.help.HelpCommand;
import org.networkeras.help.StartCommand;
import org.networkeras.i18n.Messages;
import org.networkeras.imports.ImportCommand;
import org.networkeras.imports.ImportService;
import org.networkeras.imports.ImportSettings;
import org.networkeras.moderation.LogCommand;
import org.networkeras.moderation.ModerationLog;
import org.networkeras.nativeevents.NativeEventsService;
import org.networkeras.page.PageService;
import org.networkeras.reminder.MineCommand;
import org.networkeras.reminder.OccurrencePremises;
import org.networkeras.reminder.RemindCommand;
import org.networkeras.reminder.ReminderService;
import org.networkeras.reminder.RemindersCommand;
import org.networkeras.rsvp.CapacityCommand;
import org.networkeras.rsvp.Rsvp;
import org.networkeras.rsvp.RsvpCardSection;
import org.networkeras.rsvp.RsvpCommand;
import org.networkeras.rsvp.RsvpService;
import org.networkeras.rsvp.VisibleCommand;
import org.networkeras.settings.LinkCommand;
import org.networkeras.settings.SettingsCommand;
import org.networkeras.settings.SettingsRegistry;
import org.networkeras.settings.SettingsRepository;
import org.networkeras.settings.SettingsService;
import org.networkeras.settings.UnlinkCommand;
import org.networkeras.settings.UsernameRepository;
import org.networkeras.soon.StartingSoonService;
import org.networkeras.store.Database;
import org.networkeras.subscription.SubscribeCommand;
import org.networkeras.subscription.SubscriptionService;
import org.networkeras.subscription.SubscriptionsCommand;
import org.networkeras.subscription.UnsubscribeCommand;
import org.networkeras.suggestion.CancelCommand;
import org.networkeras.suggestion.CancelEventCommand;
import org.networkeras.suggestion.EditCommand;
import org.networkeras.suggestion.Edits;
import org.networkeras.suggestion.GuidedSuggestion;
import org.networkeras.suggestion.ImportedEvents;
import org.networkeras.suggestion.Moderation;
import org.networkeras.suggestion.Notices;
import org.networkeras.suggestion.PublicationListener;
import org.networkeras.suggestion.ReviewCommand;
import org.networkeras.suggestion.SuggestCommand;
import org.networkeras.suggestion.SuggestionService;
import org.networkeras.suggestion.SuggestionStore;
import org.networkeras.time.TimePhraseResolver;
import org.networkeras.time.WhenCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's object graph, wired by hand in one place: storage → services → commands → the
 * dispatcher adapters call. Holds no threads; closing the database is the caller's job.
 */
public final class CoreWiring {

  private static final Logger LOG = LoggerFactory.getLogger(CoreWiring.class);

  private final Messages messages;
  private final CommunityService communities;
  private final CatalogService catalog;
  private final TimePhraseResolver resolver;
  private final Dispatcher dispatcher;
  private final Clock clock;
  private final Gateways gateways = new Gateways();
  private final Delivery delivery;
  private final SettingsService settings;
  private final ModerationLog moderationLog;
  private final RsvpService rsvps;
  private final SubscriptionService subscriptions;
  private final AgendaService agenda;
  private final StartingSoonService startingSoon;
  private final DeliveryRelay relay;
  private final Usernames usernames;
  private final PageService pages;
  private final CalendarService calendars;
  private final NativeEventsService nativeEvents;
  private final ImportService imports;

  /** The core without calendar feeds (no HTTP server): "Add to calendar" files only. */
  public CoreWiring(Database database, Clock clock, CommunityDefaults defaults) {
    this(database, clock, defaults, CalendarSettings.OFF);
  }

  /**
   * @param calendarSettings where calendar feeds are read from, as the operator configured it
   */
  public CoreWiring(
      Database database,
      Clock clock,
      CommunityDefaults defaults,
      CalendarSettings calendarSettings) {
    this(database, clock, defaults, calendarSettings, ImportSettings.DEFAULT);
  }

  /**
   * @param calendarSettings where calendar feeds are read from, as the operator configured it
   * @param importSettings how followed calendars ({@code /import}) are fetched
   */
  public CoreWiring(
      Database database,
      Clock clock,
      CommunityDefaults defaults,
      CalendarSettings calendarSettings,
      ImportSettings importSettings) {
    Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    // The reminders listen to deliveries but need the outbox: a relay breaks the cycle.
    this.relay = new DeliveryRelay();
    this.delivery = new Delivery(database, gateways::forPlatform, clock, relay);
    this.messages = Messages.load();
    CacheEvents cacheEvents = database.cacheEvents();
    this.communities = new CommunityService(database.communities(), defaults, clock, cacheEvents);
    this.catalog = new CatalogService(database.events(), cacheEvents);
    this.resolver = new TimePhraseResolver(clock);
    EventsCommand events = new EventsCommand(catalog, resolver, messages);
    this.rsvps = new RsvpService(database, delivery.outbox(), messages, clock);
    RsvpCardSection rsvpCard = new RsvpCardSection(rsvps, catalog);
    SettingsRepository settingsRepository = new SettingsRepository(database);
    this.settings = new SettingsService(settingsRepository, clock, cacheEvents);
    this.usernames = new UsernameRepository(database, clock);
    ReminderService reminders =
        new ReminderService(
            database,
            rsvps,
            catalog,
            settings,
            delivery.outbox(),
            messages,
            platform -> gateways.forPlatform(platform).flatMap(ChatGateway::privateChatLink),
            clock);
    rsvps.listen(reminders);
    relay.target = reminders;
    delivery.checkPremisesWith(new OccurrencePremises(database, catalog, communities, rsvps));
    this.calendars =
        new CalendarService(
            database, catalog, rsvps, communities, messages, calendarSettings, clock);
    CalendarCardSection calendarCard = new CalendarCardSection(calendars, catalog);
    EventCommand event =
        new EventCommand(catalog, messages, clock, CardSection.of(rsvpCard, calendarCard));
    this.moderationLog = new ModerationLog(database);
    this.pages = new PageService(database, cacheEvents);
    rsvps.onChange(pages::changed);
    this.subscriptions =
        new SubscriptionService(database, communities, delivery.outbox(), messages, clock);
    this.agenda =
        new AgendaService(database, communities, settings, catalog, delivery.outbox(), messages);
    this.startingSoon =
        new StartingSoonService(
            database, communities, settings, catalog, delivery.outbox(), messages);
    this.nativeEvents =
        new NativeEventsService(
            database, catalog, communities, gateways, delivery.outbox(), messages, clock);
    delivery.performWith(nativeEvents);
    PublicationListener publications =
        (community, published) -> {
          subscriptions.published(community, published);
          try {
            nativeEvents.published(community, published);
          } catch (RuntimeException e) {
            // The hourly sweep mirrors it later.
            LOG.warn("could not enqueue the scheduled event of event {}", published.id(), e);
          }
        };
    SuggestionStore suggestionStore = new SuggestionStore(database, catalog, moderationLog);
    Notices notices = new Notices(settings, delivery, messages, clock);
    SuggestionService suggestions =
        new SuggestionService(suggestionStore, notices, resolver, publications, clock);
    Moderation moderation = new Moderation(suggestionStore, notices, publications);
    Edits edits = new Edits(suggestionStore, notices, resolver, reminders.andThen(nativeEvents));
    this.imports =
        new ImportService(
            database,
            communities,
            catalog,
            new ImportedEvents(
                suggestionStore, notices, reminders.andThen(nativeEvents), publications),
            importSettings,
            clock);
    GuidedSuggestion guided = new GuidedSuggestion(suggestions, moderation, messages, clock);
    SuggestCommand suggest = new SuggestCommand(suggestions, moderation, guided, messages);
    ReviewCommand review = new ReviewCommand(moderation, guided, settings, messages);
    List<CommandHandler> commands = new ArrayList<>();
    commands.add(new StartCommand(messages, communities));
    HelpCommand help =
        new HelpCommand(messages, () -> commands.stream().map(CommandHandler::spec).toList());
    commands.add(help);
    commands.add(events);
    commands.add(event);
    commands.add(new GuideCommand(messages));
    commands.add(new WhenCommand(resolver, messages));
    commands.add(suggest);
    commands.add(new CancelCommand(guided, messages));
    commands.add(review);
    EditCommand edit = new EditCommand(edits, messages, database.state());
    commands.add(edit);
    commands.add(new CancelEventCommand(edits, messages));
    SettingsRegistry registry =
        SettingsRegistry.standard(communities, settings, agenda, startingSoon, pages, nativeEvents);
    commands.add(new LogCommand(moderationLog, messages, registry::logged));
    commands.add(new SettingsCommand(registry, settings, moderationLog, messages));
    SubscribeCommand subscribe = new SubscribeCommand(subscriptions, catalog, messages);
    commands.add(subscribe);
    commands.add(new UnsubscribeCommand(subscriptions, catalog, messages));
    commands.add(new SubscriptionsCommand(subscriptions, messages));
    commands.add(new ForYouCommand(new ForYouService(catalog, rsvps, subscriptions), messages));
    commands.add(new LinkCommand(communities, settingsRepository, moderationLog, messages));
    commands.add(new UnlinkCommand(communities, settingsRepository, moderationLog, messages));
    commands.add(new RsvpCommand(rsvps, catalog, messages, Rsvp.Status.GOING));
    commands.add(new RsvpCommand(rsvps, catalog, messages, Rsvp.Status.INTERESTED));
    commands.add(new RsvpCommand(rsvps, catalog, messages, Rsvp.Status.NOT_GOING));
    commands.add(new VisibleCommand(rsvps, messages));
    commands.add(new CapacityCommand(rsvps, catalog, messages));
    commands.add(new RemindCommand(reminders, rsvps, catalog, messages));
    commands.add(new RemindersCommand(reminders, messages));
    commands.add(new MineCommand(reminders, rsvps, messages));
    commands.add(new CalendarCommand(calendars, messages));
    commands.add(new ImportCommand(imports, messages));
    this.dispatcher =
        new Dispatcher(
            commands,
            List.of(
                events, event, suggest, guided, review, rsvpCard, calendarCard, edit, subscribe),
            List.of(new CatalogCompleter(catalog, messages, clock), help),
            List.of(guided),
            settings,
            gateways::capabilities,
            communities,
            messages,
            clock);
  }

  /**
   * Passes delivery attempts on to a listener set once the graph is built, and to observers
   * (metrics) added later.
   */
  private static final class DeliveryRelay implements DeliveryListener {
    private volatile DeliveryListener target = DeliveryListener.NONE;
    private final List<DeliveryListener> observers =
        new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void attempted(org.networkeras.delivery.DeliveryAttempt attempt) {
      target.attempted(attempt);
      observers.forEach(observer -> observer.attempted(attempt));
    }

    @Override
    public void rateLimited(org.networkeras.delivery.OutgoingMessage message, Instant until) {
      observers.forEach(observer -> observer.rateLimited(message, until));
    }
  }

  /** Tells {@code listener} of every command handled (metrics); replaces the previous one. */
  public void listen(CommandListener listener) {
    dispatcher.listen(listener);
  }

  /** Tells {@code listener} too of every delivery attempt and rate-limit wait (metrics). */
  public void listen(DeliveryListener listener) {
    relay.observers.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * The caches every command reads, by name, for metrics (hit rates, sizes); they record their
   * statistics.
   */
  public Map<String, Cache<?, ?>> caches() {
    return Map.of(
        "communities", communities.cache(),
        "community-settings", settings.cache(),
        "catalog-days", catalog.cache());
  }

  /** What adapters call. */
  public BotCore core() {
    return dispatcher;
  }

  /**
   * Where core's own messages (notifications, announcements) go: launchers register each platform's
   * gateway here once its adapter has started.
   */
  /**
   * The outbox and its worker: what core sends on its own goes through it. The caller starts its
   * scheduler ({@link Delivery#start()}) when the bot runs on real time, and closes it.
   */
  public Delivery delivery() {
    return delivery;
  }

  /** Communities' weekly agendas. */
  public AgendaService agenda() {
    return agenda;
  }

  /** Communities' public web agendas: on or off, and their addresses. */
  public PageService pages() {
    return pages;
  }

  /** The calendars communities follow ({@code /import}) and their hourly fetches. */
  public ImportService imports() {
    return imports;
  }

  /** Communities' "starting soon" posts. */
  public StartingSoonService startingSoon() {
    return startingSoon;
  }

  /** The mirror of published events as Discord scheduled events. */
  public NativeEventsService nativeEvents() {
    return nativeEvents;
  }

  /** Members' subscriptions and their hourly digests. */
  public SubscriptionService subscriptions() {
    return subscriptions;
  }

  /**
   * Runs the time-based work that fell due at the clock's time (subscription digests, weekly
   * agendas, "starting soon" posts), on the calling thread: what the scheduler's recurring tasks do
   * every minute, for tests and the console's {@code :advance}. Deliver what it enqueued with
   * {@link Delivery#deliverDueNow()}.
   *
   * @return how many messages it enqueued
   */
  public int runDue() {
    Instant now = clock.instant();
    return subscriptions.runDue(now) + agenda.runDue(now) + startingSoon.runDue(now);
  }

  /**
   * The next moment after {@code after} at which a running bot could have work: when the next
   * queued message falls due, and at the latest {@link StartingSoonService#MIN_LEAD} later, so that
   * {@link #runDue()} run at each such moment enqueues every "starting soon" post before its event
   * starts (agendas and digests wait longer than that). A simulated clock stops at each one in
   * turn.
   */
  public Instant nextDue(Instant after) {
    Instant tick = after.plus(StartingSoonService.MIN_LEAD);
    return delivery.outbox().nextDueAfter(after).filter(at -> at.isBefore(tick)).orElse(tick);
  }

  /**
   * The recurring tasks to start with {@link Delivery#start(List)}: each checks every minute for
   * work that fell due, as {@link #runDue()} does.
   */
  public List<RecurringTask<?>> recurringTasks() {
    return List.of(
        Tasks.recurring("subscription-digests", FixedDelay.of(Duration.ofMinutes(1)))
            .execute((instance, context) -> subscriptions.runDue(clock.instant())),
        Tasks.recurring("weekly-agenda", FixedDelay.of(Duration.ofMinutes(1)))
            .execute((instance, context) -> agenda.runDue(clock.instant())),
        Tasks.recurring("starting-soon", FixedDelay.of(Duration.ofMinutes(1)))
            .execute((instance, context) -> startingSoon.runDue(clock.instant())),
        Tasks.recurring("scheduled-events", FixedDelay.of(Duration.ofHours(1)))
            .execute((instance, context) -> nativeEvents.sweep(clock.instant())),
        // Checks every few minutes which followed calendars are due (each is fetched hourly).
        Tasks.recurring("calendar-imports", FixedDelay.of(Duration.ofMinutes(5)))
            .execute((instance, context) -> imports.runDue(clock.instant())));
  }

  public Gateways gateways() {
    return gateways;
  }

  /** Communities' settings and members' roles. */
  public SettingsService settings() {
    return settings;
  }

  /**
   * The usernames people were seen with, per platform: an adapter whose members name each other by
   * {@code @username} records what it sees here and looks names up here.
   */
  public Usernames usernames() {
    return usernames;
  }

  public ModerationLog moderationLog() {
    return moderationLog;
  }

  /** Members' answers to events. */
  public RsvpService rsvps() {
    return rsvps;
  }

  public Messages messages() {
    return messages;
  }

  public CommunityService communities() {
    return communities;
  }

  /** Calendar files and feeds, which the web server answers. */
  public CalendarService calendars() {
    return calendars;
  }

  public CatalogService catalog() {
    return catalog;
  }

  public TimePhraseResolver resolver() {
    return resolver;
  }

  /**
   * Loads the starter catalog into a community whose catalog is empty.
   *
   * @return how many sample series were added (0 when the catalog already had events)
   */
  public int loadStarterCatalog(Community community) {
    if (catalog.count(community) > 0) {
      return 0;
    }
    return catalog.addAll(StarterCatalog.events(community, clock.instant())).size();
  }
}
