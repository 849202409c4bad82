package org.networkeras.telegram;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the Telegram Bot API. The launcher reads them from the environment or its
 * configuration; {@link #toString()} never shows the token.
 *
 * @param token the bot token BotFather gave ({@code 123456:ABC…}); a secret
 * @param apiUrl the Bot API server, {@code https://api.telegram.org} unless a local Bot API server
 *     or a test server is used; only scheme, host and port are used
 */
public record TelegramSettings(String token, URI apiUrl) {

  /** The environment variable holding the token. */
  public static final String TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN";

  /** The environment variable overriding the API address. */
  public static final String API_URL_VARIABLE = "TELEGRAM_API_URL";

  /** Telegram's public Bot API server. */
  public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");

  public TelegramSettings {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(apiUrl, "apiUrl");
    if (token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("the Telegram bot token must be one word");
    }
    String scheme = apiUrl.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("the Telegram API URL must be http(s): " + apiUrl);
    }
    if (apiUrl.getHost() == null) {
      throw new IllegalArgumentException("the Telegram API URL needs a host: " + apiUrl);
    }
  }

  /** Settings for Telegram's public Bot API server. */
  public static TelegramSettings of(String token) {
    return new TelegramSettings(token, DEFAULT_API_URL);
  }

  /**
   * Settings from {@code TELEGRAM_BOT_TOKEN} and {@code TELEGRAM_API_URL}.
   *
   * @return empty when no token is set: Telegram is then off
   */
  public static Optional<TelegramSettings> fromEnvironment(Map<String, String> environment) {
    String token = environment.get(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    String url = environment.get(API_URL_VARIABLE);
    URI apiUrl = url == null || url.isBlank() ? DEFAULT_API_URL : URI.create(url.strip());
    return Optional.of(new TelegramSettings(token.strip(), apiUrl));
  }

  /** The bot's numeric id: the part of the token before the colon. Not a secret. */
  String botId() {
    int colon = token.indexOf(':');
    return colon > 0 ? token.substring(0, colon) : "bot";
  }

  @Override
  public String toString() {
    return "TelegramSettings[token=<hidden>, apiUrl=" + apiUrl + "]";
  }
}
