package org.networkeras.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import org.networkeras.catalog.CatalogService;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Occurrence;
import org.networkeras.catalog.SeriesDate;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Platform;
import org.networkeras.command.CommandException;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityService;
import org.networkeras.store.Database;
import org.networkeras.suggestion.ImportedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendars communities follow: added and removed by moderators ({@code /import}), fetched when
 * added and then every {@link #EVERY} ({@link #runDue}), each fetch brought into the catalog (new
 * entries added, changed ones updated, cancelled or vanished ones cancelled, with the usual
 * notices). A feed that fails leaves the catalog as it was and says why in {@code /import list} and
 * to the moderators. Thread-safe: downloads run side by side, each community's catalog takes one
 * fetched feed at a time.
 */
public final class ImportService {

  private static final Logger log = LoggerFactory.getLogger(ImportService.class);

  /** How often a feed is fetched. */
  public static final Duration EVERY = Duration.ofHours(1);

  /**
   * The most new events one fetch announces in an open community; when a fetch brings more (a whole
   * agenda followed at once), they are published without a post each.
   */
  static final int MOST_ANNOUNCED = 5;

  /** The most feeds one community may follow. */
  static final int MOST_FEEDS = 10;

  /** What one fetch did. */
  public record Summary(
      int found,
      int added,
      int known,
      int updated,
      int cancelled,
      boolean unchanged,
      String errorKey,
      String errorArgument) {

    boolean failed() {
      return errorKey != null;
    }

    static Summary unchangedFeed() {
      return new Summary(0, 0, 0, 0, 0, true, null, null);
    }

    static Summary failure(String key, String argument) {
      return new Summary(0, 0, 0, 0, 0, false, key, argument);
    }
  }

  /** A feed as {@code /import list} shows it. */
  public record FeedView(String url, Instant lastFetch, String status, String error) {}

  private final ImportRepository repository;
  private final CommunityService communities;
  private final CatalogService catalog;
  private final ImportedEvents imported;
  private final ImportSettings settings;
  private final FeedFetcher fetcher;
  private final Clock clock;

  /** One lock per community, held while a fetched feed is brought into its catalog. */
  private final Map<Long, Object> bringingIn = new ConcurrentHashMap<>();

  public ImportService(
      Database database,
      CommunityService communities,
      CatalogService catalog,
      ImportedEvents imported,
      ImportSettings settings,
      Clock clock) {
    this.repository = new ImportRepository(database);
    this.communities = Objects.requireNonNull(communities, "communities");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.imported = Objects.requireNonNull(imported, "imported");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.fetcher = new FeedFetcher(settings);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Follows a feed and fetches it at once.
   *
   * @throws CommandException when the address is not an http(s) one, is already followed, or the
   *     community follows {@value #MOST_FEEDS} feeds
   */
  public Summary add(Community community, ChatUser by, String url) {
    String address = url.strip();
    if (address.startsWith("<") && address.endsWith(">")) {
      address = address.substring(1, address.length() - 1);
    }
    if (address.toLowerCase(Locale.ROOT).startsWith("webcal://")) {
      address = "https://" + address.substring("webcal://".length());
    }
    HttpUrl parsed = HttpUrl.parse(address);
    String lower = address.toLowerCase(Locale.ROOT);
    if (parsed == null || !(lower.startsWith("http://") || lower.startsWith("https://"))) {
      throw new CommandException("import.bad_url", url.strip());
    }
    if (repository.feeds(community.id()).size() >= MOST_FEEDS) {
      throw new CommandException("import.too_many_feeds", MOST_FEEDS);
    }
    ImportRepository.Feed feed =
        repository
            .add(community.id(), parsed.toString(), by.key(), clock.instant())
            .orElseThrow(() -> new CommandException("import.duplicate"));
    Summary first = fetch(feed, false);
    if (first.failed()) {
      // Not kept: the moderator sees why at once and may add it again once it answers.
      repository.remove(feed.id());
    }
    return first;
  }

  /** A community's feeds, numbered from 1 in this order. */
  public List<FeedView> list(Community community) {
    return repository.feeds(community.id()).stream()
        .map(f -> new FeedView(f.url(), f.lastFetch(), f.lastStatus(), f.lastError()))
        .toList();
  }

  /**
   * Stops following the {@code number}-th feed (its events stay as they are).
   *
   * @return its address
   */
  public String remove(Community community, int number) {
    List<ImportRepository.Feed> feeds = repository.feeds(community.id());
    if (number < 1 || number > feeds.size()) {
      throw new CommandException("import.no_such_feed", number, feeds.size());
    }
    ImportRepository.Feed feed = feeds.get(number - 1);
    repository.remove(feed.id());
    return feed.url();
  }

  /**
   * Fetches every feed last fetched {@link #EVERY} or more before {@code now} (what the hourly task
   * does).
   *
   * @return how many feeds were fetched
   */
  public int runDue(Instant now) {
    int fetched = 0;
    for (ImportRepository.Feed feed : repository.all()) {
      if (feed.lastFetch() == null || !feed.lastFetch().plus(EVERY).isAfter(now)) {
        try {
          fetch(feed, true);
        } catch (RuntimeException e) {
          log.error(
              "feed {} of community {} could not be brought in", feed.id(), feed.communityId(), e);
        }
        fetched++;
      }
    }
    return fetched;
  }

  /**
   * Fetches one feed and brings it into its community's catalog. The download and the reading take
   * no lock, so a slow host delays only its own feed; bringing entries in is one community at a
   * time, so that two feeds of a community never add the same event twice.
   */
  Summary fetch(ImportRepository.Feed feed, boolean tellModerators) {
    Community community =
        communities
            .find(feed.communityId())
            .orElseThrow(() -> new IllegalStateException("no community " + feed.communityId()));
    Instant now = clock.instant();
    FeedFetcher.Result result = fetcher.fetch(feed.url(), feed.etag(), feed.lastModified());
    if (result instanceof FeedFetcher.Result.Unchanged) {
      repository.fetched(feed.id(), now, "unchanged", null, null, null);
      return Summary.unchangedFeed();
    }
    if (result instanceof FeedFetcher.Result.Failed failed) {
      return failed(community, feed, now, tellModerators, failed.key(), failed.argument());
    }
    FeedFetcher.Result.Fetched fetched = (FeedFetcher.Result.Fetched) result;
    List<FeedReader.Entry> entries;
    try {
      entries = FeedReader.read(fetched.body(), community.zone(), settings.maxEvents());
    } catch (FeedReader.Malformed malformed) {
      return failed(
          community,
          feed,
          now,
          tellModerators,
          "import.error.malformed",
          Integer.toString(malformed.line()));
    } catch (FeedReader.TooMany tooMany) {
      return failed(
          community,
          feed,
          now,
          tellModerators,
          "import.error.too_many",
          Integer.toString(settings.maxEvents()));
    }
    synchronized (bringingIn.computeIfAbsent(community.id(), id -> new Object())) {
      Summary summary = bringIn(community, feed, entries, now);
      repository.fetched(feed.id(), now, "ok", null, fetched.etag(), fetched.lastModified());
      return summary;
    }
  }

  private Summary failed(
      Community community,
      ImportRepository.Feed feed,
      Instant now,
      boolean tellModerators,
      String key,
      String argument) {
    String error = key + (argument == null ? "" : "|" + argument);
    repository.fetched(feed.id(), now, "failed", error, null, null);
    if (tellModerators && !error.equals(feed.lastError())) {
      // Told once per new trouble, not every hour while it lasts.
      imported.tellModerators(
          community,
          "import-failed:" + feed.id() + ":" + now.toEpochMilli(),
          "import.failed_notice",
          feed.url(),
          key,
          argument == null ? "" : argument);
    }
    log.info("feed {} of community {} failed: {}", feed.id(), community.id(), error);
    return Summary.failure(key, argument);
  }

  /** A stored error ({@code key|argument}) as a key and its argument. */
  record ErrorText(String key, String argument) {
    static ErrorText of(String key, String argument) {
      return new ErrorText(key, argument);
    }

    static Optional<ErrorText> parse(String stored) {
      if (stored == null) {
        return Optional.empty();
      }
      int bar = stored.indexOf('|');
      return Optional.of(
          bar < 0
              ? new ErrorText(stored, null)
              : new ErrorText(stored.substring(0, bar), stored.substring(bar + 1)));
    }
  }

  private Summary bringIn(
      Community community,
      ImportRepository.Feed feed,
      List<FeedReader.Entry> entries,
      Instant now) {
    ChatUser from = feedUser(feed);
    ZoneId zone = community.zone();
    Map<ImportRepository.Key, ImportRepository.Link> links = repository.links(feed.id());
    Set<ImportRepository.Key> seen = new HashSet<>();
    int added = 0;
    int known = 0;
    int updated = 0;
    int cancelled = 0;
    boolean announce =
        entries.stream()
                .filter(e -> e.recurrenceDate() == null && !e.cancelled())
                .filter(e -> !links.containsKey(new ImportRepository.Key(e.uid(), "")))
                .count()
            <= MOST_ANNOUNCED;
    for (FeedReader.Entry entry : entries) {
      if (entry.recurrenceDate() != null) {
        continue;
      }
      ImportRepository.Key key = new ImportRepository.Key(entry.uid(), "");
      seen.add(key);
      String rule = entry.rule();
      if (rule != null) {
        try {
          catalog.checkSeries(rule, entry.start(), zone, rule);
        } catch (CommandException unsupported) {
          rule = null; // a rule the catalog cannot hold: its first date alone
        }
      }
      ImportedEvents.Place place = imported.place(community, entry.location(), now);
      Optional<Event> candidate =
          imported.candidate(
              community,
              entry.title(),
              entry.start(),
              entry.end(),
              place,
              entry.description(),
              entry.url(),
              rule,
              from.key(),
              now);
      if (candidate.isEmpty()) {
        continue;
      }
      ImportRepository.Link linked = links.get(key);
      Optional<Event> existing =
          linked == null ? Optional.empty() : catalog.event(community, linked.eventId());
      String fingerprint = fingerprint(entry);
      if (existing.isPresent()) {
        known++;
        Event event = existing.get();
        if (fingerprint.equals(linked.fingerprint())) {
          continue; // unchanged in the feed: a moderator's own edit stays
        }
        repository.link(feed.id(), key, event.id(), fingerprint);
        if (entry.cancelled()) {
          if (imported.cancel(community, event, from, now)) {
            cancelled++;
          }
          continue;
        }
        if (active(event) && imported.update(community, event, candidate.get(), from)) {
          updated++;
        }
        if (rule != null) {
          cancelled += exceptions(community, event.id(), entry, from, now);
        }
        continue;
      }
      if (entry.cancelled() || (rule == null && !entry.end().isAfter(now))) {
        continue; // nothing to add: called off, or over
      }
      Optional<Event> same =
          rule == null ? imported.same(community, candidate.get()) : Optional.empty();
      if (same.isPresent()) {
        repository.link(feed.id(), key, same.get().id(), fingerprint);
        known++;
        continue;
      }
      Event stored = imported.add(community, candidate.get(), from, announce);
      repository.link(feed.id(), key, stored.id(), fingerprint);
      added++;
      if (rule != null) {
        exceptions(community, stored.id(), entry, from, now);
      }
    }
    // Overrides of one date, once their series are in.
    Map<ImportRepository.Key, ImportRepository.Link> linksNow = repository.links(feed.id());
    for (FeedReader.Entry entry : entries) {
      if (entry.recurrenceDate() == null) {
        continue;
      }
      ImportRepository.Key key =
          new ImportRepository.Key(entry.uid(), entry.recurrenceDate().toString());
      seen.add(key);
      ImportRepository.Link seriesLink = linksNow.get(new ImportRepository.Key(entry.uid(), ""));
      ImportRepository.Link own = linksNow.get(key);
      String fingerprint = fingerprint(entry);
      if (seriesLink == null || (own != null && own.fingerprint().equals(fingerprint))) {
        continue;
      }
      long seriesId = seriesLink.eventId();
      Optional<Event> series = catalog.event(community, seriesId).filter(Event::isSeries);
      if (series.isEmpty()) {
        continue;
      }
      Optional<Occurrence> before = dateOf(series.get(), entry.recurrenceDate(), zone);
      if (before.isEmpty()) {
        continue;
      }
      ImportedEvents.Place place = imported.place(community, entry.location(), now);
      SeriesDate date =
          SeriesDate.of(before.get(), entry.recurrenceDate(), now)
              .with(
                  entry.start(),
                  entry.end(),
                  clip(entry.title()),
                  place.city(),
                  place.venue(),
                  now);
      if (entry.cancelled()) {
        date = date.cancel(now);
      }
      if (imported.putDate(community, before.get(), date, from)) {
        if (entry.cancelled()) {
          cancelled++;
        } else {
          updated++;
        }
      }
      repository.link(feed.id(), key, seriesId, fingerprint);
    }
    // Entries the feed no longer lists: coming events are cancelled, past ones left as they were.
    for (Map.Entry<ImportRepository.Key, ImportRepository.Link> link : linksNow.entrySet()) {
      if (seen.contains(link.getKey())) {
        continue;
      }
      if (link.getKey().recurrenceId().isEmpty()) {
        Optional<Event> event = catalog.event(community, link.getValue().eventId());
        if (event.isPresent()
            && (event.get().isSeries() || event.get().end().isAfter(now))
            && imported.cancel(community, event.get(), from, now)) {
          cancelled++;
        }
      }
      repository.unlink(feed.id(), link.getKey());
    }
    return new Summary(
        (int) entries.stream().filter(e -> e.recurrenceDate() == null).count(),
        added,
        known,
        updated,
        cancelled,
        false,
        null,
        null);
  }

  /** A digest of what an entry says, to tell whether the feed changed it since the last fetch. */
  static String fingerprint(FeedReader.Entry entry) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(entry.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 16);
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Cancels the dates of a series its feed excludes ({@code EXDATE}); how many it cancelled. */
  private int exceptions(
      Community community, long seriesId, FeedReader.Entry entry, ChatUser from, Instant now) {
    int count = 0;
    Event series = catalog.event(community, seriesId).orElseThrow();
    ZoneId zone = community.zone();
    for (Instant excluded : entry.exceptionDates()) {
      LocalDate day = excluded.atZone(zone).toLocalDate();
      Optional<Occurrence> before = dateOf(series, day, zone);
      if (before.isPresent() && before.get().event().status() != EventStatus.CANCELLED) {
        SeriesDate date = SeriesDate.of(before.get(), day, now).cancel(now);
        if (imported.putDate(community, before.get(), date, from)) {
          count++;
        }
      }
    }
    return count;
  }

  /** The date of a series that its rule puts on {@code day}, as it now stands. */
  private Optional<Occurrence> dateOf(Event series, LocalDate day, ZoneId zone) {
    SeriesDate own = catalog.dates(series).get(day);
    if (own != null) {
      return Optional.of(own.occurrence(series));
    }
    Instant from = day.atStartOfDay(zone).toInstant();
    return catalog
        .ruleDates(series, zone, from, day.plusDays(1).atStartOfDay(zone).toInstant())
        .stream()
        .findFirst();
  }

  private static boolean active(Event event) {
    return event.status() == EventStatus.PUBLISHED || event.status() == EventStatus.SUGGESTED;
  }

  private static String clip(String title) {
    String stripped = title.strip();
    return stripped.length() <= 100 ? stripped : stripped.substring(0, 99) + "…";
  }

  /** Who a feed's entries come from, as moderators see it: the feed's host. */
  private static ChatUser feedUser(ImportRepository.Feed feed) {
    String added = feed.addedBy();
    Platform platform;
    try {
      platform =
          Platform.valueOf(
              added.substring(0, Math.max(0, added.indexOf(':'))).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      platform = Platform.values()[0];
    }
    HttpUrl url = HttpUrl.parse(feed.url());
    return ChatUser.member(platform, "feed-" + feed.id(), url == null ? feed.url() : url.host());
  }
}
