package org.networkeras.page;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.networkeras.catalog.CatalogService;
import org.networkeras.cluster.CacheEvents;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityService;
import org.networkeras.settings.SettingsService;
import org.networkeras.store.Database;

/**
 * Communities' public web agendas: on or off, and the address each is served at. The address holds
 * a slug of 128 random bits (from {@link SecureRandom}), drawn when a page is first turned on and
 * kept afterwards, so that nobody reaches a page from a chat id or by counting.
 *
 * <p>It also keeps each community's {@linkplain #version version} of what its page shows: the
 * number grows when its catalog, settings or members' answers change (on any instance sharing the
 * database, through {@link CacheEvents}), so that a page rendered before is never served again.
 * Thread-safe.
 */
public final class PageService {

  /** The path every page's address starts with, before the slug. */
  public static final String PATH = "/w/";

  /** The cache's name in {@link CacheEvents}; its keys are community ids. */
  public static final String CACHE_NAME = "public-pages";

  private static final int SLUG_BYTES = 16;

  private final CacheEvents cacheEvents;
  private final Map<Long, Long> versions = new ConcurrentHashMap<>();
  private final AtomicLong everything = new AtomicLong();

  private final PageRepository repository;
  private final SecureRandom random;
  private volatile String baseUrl;

  /** Pages whose versions follow changes made in this process only. */
  public PageService(Database database) {
    this(database, CacheEvents.local());
  }

  /**
   * @param cacheEvents how the instances sharing the database hear of each other's changes
   */
  public PageService(Database database, CacheEvents cacheEvents) {
    this(database, cacheEvents, new SecureRandom());
  }

  PageService(Database database, CacheEvents cacheEvents, SecureRandom random) {
    this.repository = new PageRepository(database);
    this.random = Objects.requireNonNull(random, "random");
    this.cacheEvents = Objects.requireNonNull(cacheEvents, "cacheEvents");
    for (String cache :
        new String[] {
          CACHE_NAME,
          CatalogService.CACHE_NAME,
          SettingsService.CACHE_NAME,
          CommunityService.CACHE_NAME
        }) {
      cacheEvents.onChange(cache, this::forget);
    }
  }

  /**
   * The version of what the community's page shows: it grows with every change to the community's
   * events, settings, name, or members' answers and visibility.
   */
  public String version(long communityId) {
    return everything.get() + "." + versions.getOrDefault(communityId, 0L);
  }

  /**
   * Tells every instance that what the community's page shows changed otherwise than through its
   * catalog or settings (an answer, a member's visibility).
   */
  public void changed(long communityId) {
    cacheEvents.changed(CACHE_NAME, Long.toString(communityId));
  }

  private void forget(String key) {
    if (CacheEvents.EVERYTHING.equals(key)) {
      everything.incrementAndGet();
    } else {
      try {
        versions.merge(Long.parseLong(key), 1L, Long::sum);
      } catch (NumberFormatException e) {
        everything.incrementAndGet();
      }
    }
  }

  /**
   * Says where the HTTP server is reached from outside ({@code https://agenda.example.org}); until
   * then pages have no address (the server is off).
   */
  public void publishAt(String publicUrl) {
    String url = Objects.requireNonNull(publicUrl, "publicUrl").strip();
    this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * Turns the community's page on or off.
   *
   * @return its slug
   */
  public String turn(Community community, boolean on) {
    repository.save(community.id(), newSlug(), on);
    changed(community.id());
    return repository.find(community.id()).orElseThrow().slug();
  }

  /** The slug of the community's page when it is on. */
  public Optional<String> slug(Community community) {
    return repository
        .find(community.id())
        .filter(PageRepository.Row::enabled)
        .map(PageRepository.Row::slug);
  }

  /** The community whose page is on at {@code slug}; empty for an unknown slug or a page off. */
  public Optional<Long> communityAt(String slug) {
    if (slug == null || slug.isBlank() || slug.length() > 64) {
      return Optional.empty();
    }
    return repository
        .bySlug(slug)
        .filter(PageRepository.Row::enabled)
        .map(PageRepository.Row::communityId);
  }

  /** The full address of the page at {@code slug}, or empty while no server publishes it. */
  public Optional<String> address(String slug) {
    String base = baseUrl;
    return base == null ? Optional.empty() : Optional.of(base + PATH + slug);
  }

  /** The full address of {@code path} on the server, or empty while no server publishes it. */
  public Optional<String> siteAddress(String path) {
    String base = baseUrl;
    return base == null ? Optional.empty() : Optional.of(base + path);
  }

  private String newSlug() {
    byte[] bytes = new byte[SLUG_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
