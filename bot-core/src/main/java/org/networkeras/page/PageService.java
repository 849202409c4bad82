package org.networkeras.page;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.community.Community;
import org.networkeras.store.Database;

/**
 * Communities' public web agendas: on or off, and the address each is served at. The address holds
 * a slug of 128 random bits (from {@link SecureRandom}), drawn when a page is first turned on and
 * kept afterwards, so that nobody reaches a page from a chat id or by counting. Thread-safe.
 */
public final class PageService {

  /** The path every page's address starts with, before the slug. */
  public static final String PATH = "/w/";

  private static final int SLUG_BYTES = 16;

  private final PageRepository repository;
  private final SecureRandom random;
  private volatile String baseUrl;

  public PageService(Database database) {
    this(database, new SecureRandom());
  }

  PageService(Database database, SecureRandom random) {
    this.repository = new PageRepository(database);
    this.random = Objects.requireNonNull(random, "random");
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

  private String newSlug() {
    byte[] bytes = new byte[SLUG_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
