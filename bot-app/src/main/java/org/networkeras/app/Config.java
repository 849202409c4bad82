package org.networkeras.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.networkeras.discord.DiscordShards;
import org.networkeras.i18n.Language;

/**
 * The configuration: a YAML file ({@code networkeras.yml}, see {@code networkeras.example.yml})
 * whose every value an environment variable can override. Validated when read: an unknown key or a
 * bad value stops start-up with a message naming it. {@link #toString()} never shows a token.
 *
 * @param dataDir the folder for the embedded database and other files
 * @param database where the catalog is stored
 * @param defaults what new communities start with
 * @param discord the Discord bot, on when its token is set
 * @param telegram the Telegram bot, on when its token is set
 * @param http the embedded HTTP server (health, metrics), on when its port is set
 * @param logging how logs are written
 * @param outbox how long the outbox keeps what it sent
 * @param imports how followed calendars ({@code /import}) are fetched
 */
public record Config(
    Path dataDir,
    Database database,
    Defaults defaults,
    Discord discord,
    Telegram telegram,
    Http http,
    Logging logging,
    Outbox outbox,
    Import imports) {

  /**
   * @param retention how long a message stays in the outbox once delivered, failed, expired or
   *     dropped (at least a day): while there, its key is never sent again
   */
  public record Outbox(Duration retention) {}

  /**
   * @param allowPrivateAddresses whether {@code /import} may fetch calendars on the local network
   *     (loopback, private ranges); off, so that no moderator can make the bot reach its own
   *     network
   */
  public record Import(boolean allowPrivateAddresses) {
    /** The import settings for the core. */
    public org.networkeras.imports.ImportSettings settings() {
      return org.networkeras.imports.ImportSettings.DEFAULT.allowingPrivateAddresses(
          allowPrivateAddresses);
    }
  }

  /**
   * @param host the address the HTTP server binds ({@code 127.0.0.1} unless set)
   * @param port its port; 0 when the server is off
   * @param publicUrl the address people reach the server at from outside ({@code
   *     https://agenda.example.org}, behind a proxy); empty when not set. Calendar feed addresses
   *     start with it (none without it); the public agendas' links and {@code /settings web}'s
   *     answer too, or with {@code http://localhost:<port>} when it is empty
   */
  public record Http(String host, int port, String publicUrl) {

    public Http(String host, int port) {
      this(host, port, "");
    }

    /** Where calendar feeds are read from, as this says. */
    public org.networkeras.calendar.CalendarSettings calendars() {
      return new org.networkeras.calendar.CalendarSettings(
          enabled(), publicUrl.isEmpty() ? null : java.net.URI.create(publicUrl));
    }

    public boolean enabled() {
      return port > 0;
    }

    /** {@link #publicUrl}, or {@code http://localhost:<port>} when none is set. */
    public String address() {
      return publicUrl.isEmpty() ? "http://localhost:" + port : publicUrl;
    }
  }

  /**
   * @param format {@code text} (one readable line per event) or {@code json} (one JSON object per
   *     line, with the community and command of the event)
   */
  public record Logging(String format) {
    public boolean json() {
      return format.equals("json");
    }
  }

  /**
   * @param url a JDBC URL ({@code jdbc:postgresql://…}); empty for SQLite in the data folder
   */
  public record Database(String url) {}

  /**
   * @param zone the time zone of new communities
   * @param language the language used when neither the community nor the member has one
   */
  public record Defaults(ZoneId zone, Language language) {}

  /**
   * @param shards the shards this instance may run ({@code 0-3/8}), empty for one unsharded session
   */
  public record Discord(
      String token, String devGuild, String apiUrl, String gatewayCompression, String shards) {
    @Override
    public String toString() {
      return "Discord[token="
          + (blank(token) ? "unset" : "set")
          + ", devGuild="
          + devGuild
          + ", shards="
          + shards
          + "]";
    }
  }

  public record Telegram(String token, String apiUrl) {
    @Override
    public String toString() {
      return "Telegram[token=" + (blank(token) ? "unset" : "set") + ", apiUrl=" + apiUrl + "]";
    }
  }

  /** The settings as they are in the file (all strings, all optional). */
  record File(
      @JsonProperty("dataDir") String dataDir,
      @JsonProperty("database") FileDatabase database,
      @JsonProperty("defaults") FileDefaults defaults,
      @JsonProperty("discord") FileDiscord discord,
      @JsonProperty("telegram") FileTelegram telegram,
      @JsonProperty("http") FileHttp http,
      @JsonProperty("logging") FileLogging logging,
      @JsonProperty("outbox") FileOutbox outbox,
      @JsonProperty("import") FileImport imports) {}

  record FileImport(@JsonProperty("allow-private-addresses") String allowPrivateAddresses) {}

  record FileOutbox(@JsonProperty("retention") String retention) {}

  record FileHttp(
      @JsonProperty("host") String host,
      @JsonProperty("port") String port,
      @JsonProperty("public-url") String publicUrl) {}

  record FileLogging(@JsonProperty("format") String format) {}

  record FileDatabase(@JsonProperty("url") String url) {}

  record FileDefaults(
      @JsonProperty("zone") String zone, @JsonProperty("language") String language) {}

  record FileDiscord(
      @JsonProperty("token") String token,
      @JsonProperty("devGuild") String devGuild,
      @JsonProperty("apiUrl") String apiUrl,
      @JsonProperty("gatewayCompression") String gatewayCompression,
      @JsonProperty("shards") String shards) {}

  record FileTelegram(@JsonProperty("token") String token, @JsonProperty("apiUrl") String apiUrl) {}

  /** The environment variables that override the file, by setting path. */
  static final Map<String, String> VARIABLES =
      Map.ofEntries(
          Map.entry("NETWORKERAS_DATA_DIR", "dataDir"),
          Map.entry("NETWORKERAS_DB_URL", "database.url"),
          Map.entry("NETWORKERAS_ZONE", "defaults.zone"),
          Map.entry("NETWORKERAS_LANGUAGE", "defaults.language"),
          Map.entry("DISCORD_TOKEN", "discord.token"),
          Map.entry("DISCORD_DEV_GUILD", "discord.devGuild"),
          Map.entry("DISCORD_API_URL", "discord.apiUrl"),
          Map.entry("DISCORD_GATEWAY_COMPRESSION", "discord.gatewayCompression"),
          Map.entry("DISCORD_SHARDS", "discord.shards"),
          Map.entry("TELEGRAM_BOT_TOKEN", "telegram.token"),
          Map.entry("TELEGRAM_API_URL", "telegram.apiUrl"),
          Map.entry("NETWORKERAS_HTTP_PORT", "http.port"),
          Map.entry("NETWORKERAS_HTTP_HOST", "http.host"),
          Map.entry("NETWORKERAS_HTTP_PUBLIC_URL", "http.public-url"),
          Map.entry("NETWORKERAS_LOG_FORMAT", "logging.format"),
          Map.entry("NETWORKERAS_OUTBOX_RETENTION", "outbox.retention"),
          Map.entry(
              "NETWORKERAS_IMPORT_ALLOW_PRIVATE_ADDRESSES", "import.allow-private-addresses"));

  /**
   * Reads the configuration.
   *
   * @param file the YAML file, or {@code null} for none (defaults and environment only)
   * @param environment the environment variables (pass {@code System.getenv()})
   * @throws ConfigException naming the bad key or value
   */
  public static Config load(Path file, Map<String, String> environment) {
    File raw =
        file == null ? new File(null, null, null, null, null, null, null, null, null) : read(file);
    Map<String, String> env =
        environment.entrySet().stream()
            .filter(e -> VARIABLES.containsKey(e.getKey()) && !e.getValue().isBlank())
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    String dataDir = pick(env, "NETWORKERAS_DATA_DIR", raw.dataDir(), "./data");
    String dbUrl =
        pick(env, "NETWORKERAS_DB_URL", raw.database() == null ? null : raw.database().url(), "");
    String zone =
        pick(
            env,
            "NETWORKERAS_ZONE",
            raw.defaults() == null ? null : raw.defaults().zone(),
            "Europe/Paris");
    String language =
        pick(
            env,
            "NETWORKERAS_LANGUAGE",
            raw.defaults() == null ? null : raw.defaults().language(),
            "en");
    FileDiscord d =
        raw.discord() == null ? new FileDiscord(null, null, null, null, null) : raw.discord();
    FileTelegram t = raw.telegram() == null ? new FileTelegram(null, null) : raw.telegram();
    if (!dbUrl.isBlank() && !dbUrl.startsWith("jdbc:")) {
      throw new ConfigException(
          "database.url must be a JDBC URL such as jdbc:postgresql://host/db, not '" + dbUrl + "'");
    }
    String compression =
        pick(env, "DISCORD_GATEWAY_COMPRESSION", d.gatewayCompression(), "zlib")
            .toLowerCase(Locale.ROOT);
    if (!compression.equals("zlib") && !compression.equals("none")) {
      throw new ConfigException(
          "discord.gatewayCompression must be zlib or none, not '" + compression + "'");
    }
    String discordApi = pick(env, "DISCORD_API_URL", d.apiUrl(), "");
    String telegramApi = pick(env, "TELEGRAM_API_URL", t.apiUrl(), "https://api.telegram.org");
    if (!discordApi.isEmpty()) {
      httpUrl("discord.apiUrl", discordApi);
    }
    httpUrl("telegram.apiUrl", telegramApi);
    String discordToken = pick(env, "DISCORD_TOKEN", d.token(), "");
    String telegramToken = pick(env, "TELEGRAM_BOT_TOKEN", t.token(), "");
    if (telegramToken.chars().anyMatch(Character::isWhitespace)) {
      throw new ConfigException("telegram.token must be one word, as BotFather gives it");
    }
    String devGuild = pick(env, "DISCORD_DEV_GUILD", d.devGuild(), "");
    if (!devGuild.isEmpty() && !devGuild.matches("[0-9]{1,20}")) {
      throw new ConfigException(
          "discord.devGuild must be a guild id (digits), not '" + devGuild + "'");
    }
    String shards = pick(env, "DISCORD_SHARDS", d.shards(), "").strip();
    if (!shards.isEmpty()) {
      try {
        DiscordShards.parse(shards);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("discord." + e.getMessage());
      }
    }
    FileHttp h = raw.http() == null ? new FileHttp(null, null, null) : raw.http();
    String publicUrl = pick(env, "NETWORKERAS_HTTP_PUBLIC_URL", h.publicUrl(), "").strip();
    if (!publicUrl.isEmpty()) {
      httpUrl("http.public-url", publicUrl);
    }
    String format =
        pick(
                env,
                "NETWORKERAS_LOG_FORMAT",
                raw.logging() == null ? null : raw.logging().format(),
                "text")
            .toLowerCase(Locale.ROOT);
    if (!format.equals("text") && !format.equals("json")) {
      throw new ConfigException("logging.format must be text or json, not '" + format + "'");
    }
    return new Config(
        Path.of(dataDir),
        new Database(dbUrl),
        new Defaults(zone("defaults.zone", zone), language("defaults.language", language)),
        new Discord(discordToken, devGuild, discordApi, compression, shards),
        new Telegram(telegramToken, telegramApi),
        new Http(
            pick(env, "NETWORKERAS_HTTP_HOST", h.host(), "127.0.0.1"),
            port("http.port", pick(env, "NETWORKERAS_HTTP_PORT", h.port(), "0")),
            publicUrl),
        new Logging(format),
        new Outbox(
            retention(
                "outbox.retention",
                pick(
                    env,
                    "NETWORKERAS_OUTBOX_RETENTION",
                    raw.outbox() == null ? null : raw.outbox().retention(),
                    "30d"))),
        new Import(
            bool(
                "import.allow-private-addresses",
                pick(
                    env,
                    "NETWORKERAS_IMPORT_ALLOW_PRIVATE_ADDRESSES",
                    raw.imports() == null ? null : raw.imports().allowPrivateAddresses(),
                    "false"))));
  }

  /** {@code true} or {@code false}, or a message naming the setting. */
  static boolean bool(String setting, String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    if (text.equals("true")) {
      return true;
    }
    if (text.equals("false")) {
      return false;
    }
    throw new ConfigException(setting + " must be true or false, not '" + value.strip() + "'");
  }

  /**
   * A retention of at least a day: days ({@code 30d}), hours ({@code 36h}) or an ISO-8601 duration
   * ({@code P30D}), or a message naming the setting.
   */
  static Duration retention(String setting, String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    Duration retention = null;
    try {
      if (text.matches("[0-9]{1,5}d")) {
        retention = Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
      } else if (text.matches("[0-9]{1,6}h")) {
        retention = Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
      } else if (text.startsWith("p")) {
        retention = Duration.parse(text.toUpperCase(Locale.ROOT));
      }
    } catch (DateTimeParseException e) {
      // the message below says what is expected
    }
    if (retention == null || retention.compareTo(Duration.ofDays(1)) < 0) {
      throw new ConfigException(
          setting
              + " must be a duration of at least a day, such as 30d, 36h or P30D, not '"
              + value
              + "'");
    }
    return retention;
  }

  /** A TCP port (1 to 65535), or 0 for off, or a message naming the setting. */
  static int port(String setting, String value) {
    try {
      int port = Integer.parseInt(value.strip());
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // the message below says what is expected
    }
    throw new ConfigException(
        setting + " must be a port number from 1 to 65535 (0 or empty: off), not '" + value + "'");
  }

  /** A time zone, or a message naming the setting. */
  static ZoneId zone(String setting, String value) {
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw new ConfigException(
          setting + " must be a time zone such as Europe/Paris, not '" + value + "'");
    }
  }

  /** A language the bot speaks, or a message naming the setting. */
  static Language language(String setting, String value) {
    return Language.parse(value)
        .orElseThrow(() -> new ConfigException(setting + " must be en or fr, not '" + value + "'"));
  }

  private static void httpUrl(String setting, String value) {
    try {
      java.net.URI uri = new java.net.URI(value);
      if (uri.getHost() == null
          || !("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()))) {
        throw new java.net.URISyntaxException(value, "not an http(s) address with a host");
      }
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(
          setting + " must be an http(s) address such as https://host:port, not '" + value + "'");
    }
  }

  public boolean discordEnabled() {
    return !blank(discord.token());
  }

  public boolean telegramEnabled() {
    return !blank(telegram.token());
  }

  private static File read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("configuration file " + file + " does not exist");
    }
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      File parsed = yaml.readValue(file.toFile(), File.class);
      return parsed == null
          ? new File(null, null, null, null, null, null, null, null, null)
          : parsed;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          "unknown setting '"
              + path(e)
              + "' in "
              + file
              + "; the known settings are in networkeras.example.yml");
    } catch (MismatchedInputException e) {
      throw new ConfigException(
          "bad value for '" + path(e) + "' in " + file + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
        .collect(Collectors.joining("."));
  }

  private static String pick(
      Map<String, String> env, String variable, String fromFile, String fallback) {
    String value = env.get(variable);
    if (value != null) {
      return value.strip();
    }
    return fromFile == null || fromFile.isBlank() ? fallback : fromFile.strip();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
