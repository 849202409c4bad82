package org.networkeras.calendar;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where the bot's calendar feeds are read from, as the operator configured it.
 *
 * @param served whether the bot serves HTTP at all ({@code http.port} is set)
 * @param publicUrl the address members reach that server at ({@code http.public-url}, such as
 *     {@code https://agenda.example.org}), without a trailing slash, or {@code null} when not set
 */
public record CalendarSettings(boolean served, URI publicUrl) {

  /** No HTTP server: files only, no feeds. */
  public static final CalendarSettings OFF = new CalendarSettings(false, null);

  /** The UID host when no public address names this bot. */
  static final String DEFAULT_HOST = "networkeras";

  private static final Set<String> SCHEMES = Set.of("http", "https");

  public CalendarSettings {
    if (publicUrl != null) {
      String scheme = publicUrl.getScheme() == null ? "" : publicUrl.getScheme();
      if (!SCHEMES.contains(scheme.toLowerCase(Locale.ROOT)) || publicUrl.getHost() == null) {
        throw new IllegalArgumentException(
            "the public address is an http(s) address such as https://agenda.example.org, not "
                + publicUrl);
      }
      String text = publicUrl.toString();
      while (text.endsWith("/")) {
        text = text.substring(0, text.length() - 1);
      }
      publicUrl = URI.create(text);
    }
  }

  /** The name that makes calendar UIDs unique to this bot: the public address' host. */
  public String host() {
    return publicUrl == null ? DEFAULT_HOST : publicUrl.getHost().toLowerCase(Locale.ROOT);
  }

  /** The address of the feed with {@code token}, when feeds can be read from outside. */
  public Optional<URI> feedUrl(String token) {
    if (!served || publicUrl == null) {
      return Optional.empty();
    }
    return Optional.of(
        URI.create(publicUrl + CalendarService.PATH + token + CalendarService.SUFFIX));
  }
}
