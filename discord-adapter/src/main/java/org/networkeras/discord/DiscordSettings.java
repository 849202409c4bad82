package org.networkeras.discord;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Discord adapter needs to start. The launcher reads it from its configuration or the
 * environment ({@link #fromEnvironment(Map, Path)}).
 *
 * @param token the bot token; never logged, never shown by {@link #toString()}
 * @param devGuildId a guild to register commands on instead of globally (guild commands update at
 *     once, which suits testing), or empty
 * @param apiUrl the base URL of a Discord-compatible REST API to talk to instead of Discord's own
 *     (such as {@code http://127.0.0.1:8080/api/v10/}); the gateway address is then asked from its
 *     {@code /gateway/bot}
 * @param gatewayCompression whether the gateway connection is compressed (zlib); off only for
 *     servers that do not speak it
 * @param dataFolder where the adapter keeps its small state files (the login back-off record)
 */
public record DiscordSettings(
    String token,
    Optional<String> devGuildId,
    Optional<URI> apiUrl,
    boolean gatewayCompression,
    Path dataFolder) {

  /** The environment variable holding the bot token. */
  public static final String TOKEN_VARIABLE = "DISCORD_TOKEN";

  public DiscordSettings {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the Discord token must not be blank");
    }
    Objects.requireNonNull(devGuildId, "devGuildId");
    devGuildId.ifPresent(
        id -> {
          if (!id.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("the dev guild id must be a snowflake: " + id);
          }
        });
    Objects.requireNonNull(apiUrl, "apiUrl");
    apiUrl.ifPresent(
        url -> {
          String scheme = url.getScheme();
          if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("the Discord API URL must be http(s): " + url);
          }
        });
    Objects.requireNonNull(dataFolder, "dataFolder");
  }

  /**
   * Reads {@code DISCORD_TOKEN}, {@code DISCORD_DEV_GUILD}, {@code DISCORD_API_URL} and {@code
   * DISCORD_GATEWAY_COMPRESSION} ({@code none} turns compression off).
   *
   * @return empty when no token is set: Discord is then off
   */
  public static Optional<DiscordSettings> fromEnvironment(
      Map<String, String> environment, Path dataFolder) {
    String token = blankToNull(environment.get(TOKEN_VARIABLE));
    if (token == null) {
      return Optional.empty();
    }
    Optional<String> devGuild =
        Optional.ofNullable(blankToNull(environment.get("DISCORD_DEV_GUILD")));
    Optional<URI> apiUrl =
        Optional.ofNullable(blankToNull(environment.get("DISCORD_API_URL"))).map(URI::create);
    boolean compression =
        !"none"
            .equalsIgnoreCase(
                String.valueOf(environment.get("DISCORD_GATEWAY_COMPRESSION")).strip());
    return Optional.of(new DiscordSettings(token, devGuild, apiUrl, compression, dataFolder));
  }

  /** The REST base URL with a trailing slash, as JDA expects it, if one was configured. */
  Optional<String> restBaseUrl() {
    return apiUrl.map(URI::toString).map(url -> url.endsWith("/") ? url : url + "/");
  }

  /** Leaves the token out. */
  @Override
  public String toString() {
    return "DiscordSettings[token=<hidden>, devGuildId="
        + devGuildId
        + ", apiUrl="
        + apiUrl
        + ", gatewayCompression="
        + gatewayCompression
        + ", dataFolder="
        + dataFolder
        + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
