package org.networkeras.web.agenda;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.networkeras.calendar.IcsCalendar;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.Attachment;
import org.networkeras.community.Community;
import org.networkeras.core.CoreWiring;
import org.networkeras.i18n.Language;
import org.networkeras.page.PageService;
import org.networkeras.web.CalendarRoutes;
import org.networkeras.web.WebRoutes;

/**
 * The public agenda over HTTP: {@code GET /w/<slug>} (the agenda, filtered by the query string's
 * {@code family}, {@code slot}, {@code city} and {@code when}), {@code GET /w/<slug>/events/<ref>}
 * (an event) and the style sheet. A slug that is unknown or whose page is off answers 404, as does
 * an event that is not listed. The language comes from {@code ?lang=} (remembered in a cookie),
 * {@code Accept-Language} or the community.
 *
 * <p>Rendered pages are kept for {@link #FRESHNESS} per address, language and {@linkplain
 * org.networkeras.page.PageService#version version} of the community's page, so a busy page costs
 * one rendering every half minute, and a change in the chat (an event edited, an answer, a member
 * hiding their name) shows on the next request. Browsers revalidate every page with its {@code
 * ETag} (304 while unchanged). Whether the page is on is read on every request, so turning it off
 * takes effect at once. Thread-safe.
 */
public final class AgendaRoutes implements WebRoutes {

  /** How long a rendered page is served again before it is rendered anew. */
  public static final Duration FRESHNESS = Duration.ofSeconds(30);

  private static final String CSS = "/web/agenda.css";
  private static final String ICON = "/web/icon.svg";
  private static final String PREVIEW = "/web/preview.png";

  /** Where the picture of a chat's preview of a page (OpenGraph {@code og:image}) is served. */
  public static final String PREVIEW_PATH = "/w/assets/preview.png";

  private static final String HTML = "text/html; charset=utf-8";

  /** The end of an event's calendar file's address. */
  static final String ICS = ".ics";

  private final CoreWiring core;
  private final AgendaPages pages;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Cache<String, Page> rendered;
  private final byte[] css;
  private final byte[] icon;
  private final byte[] preview;

  /** A rendered page and its tag. */
  private record Page(String html, String etag) {
    static Page of(String html) {
      return new Page(html, CalendarRoutes.etag(html.getBytes(StandardCharsets.UTF_8)));
    }
  }

  public AgendaRoutes(CoreWiring core, Clock clock) {
    this.core = Objects.requireNonNull(core, "core");
    this.pages = new AgendaPages(core, clock);
    this.rendered = Caffeine.newBuilder().maximumSize(2_000).expireAfterWrite(FRESHNESS).build();
    this.css = resource(CSS);
    this.icon = resource(ICON);
    this.preview = resource(PREVIEW);
  }

  /** The path of a community's agenda. */
  public static String agendaPath(String slug) {
    return PageService.PATH + slug;
  }

  /** The path of an occurrence's page. */
  public static String eventPath(String slug, String ref) {
    return agendaPath(slug) + "/events/" + URLEncoder.encode(ref, StandardCharsets.UTF_8);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(
        "/w/assets/agenda.css",
        ctx ->
            ctx.contentType("text/css; charset=utf-8")
                .header("Cache-Control", "public, max-age=86400")
                .result(css));
    routes.get(
        "/w/assets/icon.svg",
        ctx ->
            ctx.contentType("image/svg+xml")
                .header("Cache-Control", "public, max-age=86400")
                .result(icon));
    routes.get(
        PREVIEW_PATH,
        ctx ->
            ctx.contentType("image/png")
                .header("Cache-Control", "public, max-age=86400")
                .result(preview));
    routes.get("/w/{slug}", this::agenda);
    routes.get("/w/{slug}/events/{ref}", this::event);
  }

  private void agenda(Context ctx) {
    Optional<Community> community = community(ctx.pathParam("slug"));
    Language language = language(ctx, community.orElse(null));
    if (community.isEmpty()) {
      notFound(ctx, language);
      return;
    }
    String slug = ctx.pathParam("slug");
    AgendaQuery query =
        new AgendaQuery(
            ctx.queryParam("family"),
            ctx.queryParam("slot"),
            ctx.queryParam("city"),
            ctx.queryParam("when"));
    String key = key(community.get(), language) + query.toQueryString("") + "|agenda";
    html(
        ctx,
        language,
        rendered.get(
            key,
            k ->
                Page.of(
                    render("agenda.jte", pages.agenda(community.get(), slug, language, query)))));
  }

  private void event(Context ctx) {
    Optional<Community> community = community(ctx.pathParam("slug"));
    Language language = language(ctx, community.orElse(null));
    if (community.isEmpty()) {
      notFound(ctx, language);
      return;
    }
    String slug = ctx.pathParam("slug");
    String ref = ctx.pathParam("ref");
    if (ref.endsWith(ICS)) {
      Optional<Occurrence> listed =
          pages.listed(community.get(), ref.substring(0, ref.length() - ICS.length()));
      if (listed.isEmpty()) {
        notFound(ctx, language);
        return;
      }
      calendar(ctx, core.calendars().file(community.get(), listed.get()));
      return;
    }
    String key = key(community.get(), language) + ref + "|event";
    Page page = rendered.getIfPresent(key);
    if (page == null) {
      Optional<EventView> view = pages.event(community.get(), slug, language, ref);
      if (view.isEmpty()) {
        notFound(ctx, language);
        return;
      }
      page = Page.of(render("event.jte", view.get()));
      rendered.put(key, page);
    }
    html(ctx, language, page);
  }

  /** A calendar file to download, or 304 when the caller already holds these bytes. */
  private static void calendar(Context ctx, Attachment file) {
    String etag = CalendarRoutes.etag(file.content());
    ctx.header("ETag", etag)
        .header("Cache-Control", "max-age=" + FRESHNESS.toSeconds())
        .header("X-Content-Type-Options", "nosniff");
    if (CalendarRoutes.matches(ctx.header("If-None-Match"), etag)) {
      ctx.status(304);
      return;
    }
    ctx.contentType(IcsCalendar.MEDIA_TYPE + "; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
        .result(file.content());
  }

  /** The start of a rendered page's key: a change of the community's page version misses it. */
  private String key(Community community, Language language) {
    return community.id()
        + "|"
        + core.pages().version(community.id())
        + "|"
        + language.code()
        + "|";
  }

  private Optional<Community> community(String slug) {
    return core.pages().communityAt(slug).flatMap(id -> core.communities().find(id));
  }

  /** The page's language; a choice made with the switch is remembered for a year. */
  private static Language language(Context ctx, Community community) {
    String asked = ctx.queryParam("lang");
    Optional<Language> chosen = Language.parse(asked);
    chosen.ifPresent(
        language ->
            ctx.header(
                "Set-Cookie",
                PageLanguage.COOKIE
                    + "="
                    + language.code()
                    + "; Path=/w; Max-Age=31536000; SameSite=Lax; HttpOnly"));
    return PageLanguage.choose(
        asked,
        ctx.cookie(PageLanguage.COOKIE),
        ctx.header("Accept-Language"),
        community == null ? null : community.language());
  }

  private void notFound(Context ctx, Language language) {
    String other = language == Language.FR ? "en" : "fr";
    ctx.status(404)
        .contentType(HTML)
        .header("Content-Language", language.code())
        .header("Cache-Control", "no-store")
        .result(render("notFound.jte", pages.notFound(language, "?lang=" + other)));
  }

  private static void html(Context ctx, Language language, Page page) {
    ctx.header("ETag", page.etag())
        .header("Content-Language", language.code())
        .header("Cache-Control", "no-cache")
        .header("Vary", "Accept-Language, Cookie");
    if (CalendarRoutes.matches(ctx.header("If-None-Match"), page.etag())) {
      ctx.status(304);
      return;
    }
    ctx.contentType(HTML)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
                + " base-uri 'none'; frame-ancestors 'none'")
        .result(page.html());
  }

  private String render(String template, Object view) {
    StringOutput output = new StringOutput();
    templates.render(template, view, output);
    return output.toString();
  }

  private static byte[] resource(String path) {
    try (InputStream in = AgendaRoutes.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
