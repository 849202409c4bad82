package org.networkeras.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.networkeras.calendar.CalendarService;

/**
 * {@code GET /calendar/<token>.ics}: the calendar feed a token opens (a community's agenda, or a
 * member's dates), as calendar apps poll it. The answer carries an {@code ETag} (a hash of the
 * feed), and a request whose {@code If-None-Match} names it gets 304 with no body, so an app that
 * polls every hour reads the feed only when it changed. A token that opens nothing, or no longer
 * does (reset), gets 404 and no hint why.
 */
public final class CalendarRoutes implements WebRoutes {

  /** What a feed is served as. */
  static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

  private final CalendarService calendars;

  public CalendarRoutes(CalendarService calendars) {
    this.calendars = Objects.requireNonNull(calendars, "calendars");
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(CalendarService.PATH + "{file}", this::feed);
  }

  private void feed(Context ctx) {
    String file = ctx.pathParam("file");
    Optional<String> feed = Optional.empty();
    if (file.endsWith(CalendarService.SUFFIX)) {
      String token = file.substring(0, file.length() - CalendarService.SUFFIX.length());
      if (TOKEN.matcher(token).matches()) {
        feed = calendars.feed(token);
      }
    }
    ctx.header("Cache-Control", "no-cache");
    if (feed.isEmpty()) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("Not found");
      return;
    }
    byte[] body = feed.get().getBytes(StandardCharsets.UTF_8);
    String etag = etag(body);
    ctx.header("ETag", etag);
    if (matches(ctx.header("If-None-Match"), etag)) {
      ctx.status(304);
      return;
    }
    ctx.status(200)
        .contentType(CONTENT_TYPE)
        .header("Content-Disposition", "inline; filename=\"calendar.ics\"")
        .result(body);
  }

  /** A strong tag of the bytes: the first 128 bits of their SHA-256, quoted. */
  public static String etag(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16))
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * Whether {@code If-None-Match} (a list of tags, weak or strong, or {@code *}) names {@code
   * etag}.
   */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals("*") || t.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
