package org.networkeras.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.i18n.Language;

final class ConfigTest {

  @TempDir Path tempDir;

  private Path file(String yaml) throws IOException {
    Path file = tempDir.resolve("networkeras.yml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void defaultsToSqliteInDataInParisWithNoPlatform() {
    // when
    Config config = Config.load(null, Map.of());

    // then
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.database().url()).isEmpty();
    assertThat(config.defaults().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(config.defaults().language()).isEqualTo(Language.EN);
    assertThat(config.discordEnabled()).isFalse();
    assertThat(config.telegramEnabled()).isFalse();
  }

  @Test
  void keepsSettledOutboxMessagesThirtyDaysUnlessTold() throws IOException {
    // when
    Config byDefault = Config.load(null, Map.of());
    Config fromFile = Config.load(file("outbox:\n  retention: 7d\n"), Map.of());
    Config fromEnvironment =
        Config.load(
            file("outbox:\n  retention: 7d\n"), Map.of("NETWORKERAS_OUTBOX_RETENTION", "P90D"));
    Config inHours = Config.load(null, Map.of("NETWORKERAS_OUTBOX_RETENTION", "36h"));

    // then
    assertThat(byDefault.outbox().retention()).isEqualTo(Duration.ofDays(30));
    assertThat(fromFile.outbox().retention()).isEqualTo(Duration.ofDays(7));
    assertThat(fromEnvironment.outbox().retention()).isEqualTo(Duration.ofDays(90));
    assertThat(inHours.outbox().retention()).isEqualTo(Duration.ofHours(36));
  }

  @Test
  void importsReachOnlyPublicAddressesUnlessTheOperatorAllowsPrivateOnes() throws IOException {
    // when
    Config byDefault = Config.load(null, Map.of());
    Config fromFile = Config.load(file("import:\n  allow-private-addresses: true\n"), Map.of());
    Config fromEnvironment =
        Config.load(
            file("import:\n  allow-private-addresses: true\n"),
            Map.of("NETWORKERAS_IMPORT_ALLOW_PRIVATE_ADDRESSES", "false"));

    // then
    assertThat(byDefault.imports().settings().allowPrivateAddresses()).isFalse();
    assertThat(fromFile.imports().settings().allowPrivateAddresses()).isTrue();
    assertThat(fromEnvironment.imports().allowPrivateAddresses()).isFalse();
    assertThatThrownBy(
            () -> Config.load(null, Map.of("NETWORKERAS_IMPORT_ALLOW_PRIVATE_ADDRESSES", "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("import.allow-private-addresses must be true or false");
  }

  @Test
  void aRetentionShorterThanADayOrUnreadableStopsStartUpNamingTheSetting() {
    for (String bad : List.of("12h", "0d", "thirty days", "30", "PT1H")) {
      assertThatThrownBy(() -> Config.load(null, Map.of("NETWORKERAS_OUTBOX_RETENTION", bad)), bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("outbox.retention")
          .hasMessageContaining("at least a day");
    }
  }

  @Test
  void environmentOverridesTheFile() throws IOException {
    // given
    Path file =
        file(
            "dataDir: /srv/bot\ndefaults:\n  zone: Europe/Brussels\ntelegram:\n  token: from-file\n");

    // when
    Config config =
        Config.load(
            file,
            Map.of(
                "TELEGRAM_BOT_TOKEN", "123:from-env",
                "NETWORKERAS_DB_URL", "jdbc:postgresql://127.0.0.1/test",
                "PATH", "/usr/bin"));

    // then
    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/bot"));
    assertThat(config.defaults().zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
    assertThat(config.telegram().token()).isEqualTo("123:from-env");
    assertThat(config.database().url()).isEqualTo("jdbc:postgresql://127.0.0.1/test");
  }

  @Test
  void anUnknownKeyStopsStartUpNamingIt() throws IOException {
    // given
    Path file = file("telegram:\n  tokn: abc\n");

    // then
    assertThatThrownBy(() -> Config.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting 'telegram.tokn'");
  }

  @Test
  void aBadZoneOrLanguageStopsStartUpNamingTheSetting() throws IOException {
    assertThatThrownBy(() -> Config.load(file("defaults:\n  zone: Mars/Olympus\n"), Map.of()))
        .hasMessageContaining("defaults.zone")
        .hasMessageContaining("Mars/Olympus");
    assertThatThrownBy(() -> Config.load(null, Map.of("NETWORKERAS_LANGUAGE", "klingon")))
        .hasMessageContaining("defaults.language must be en or fr");
    assertThatThrownBy(() -> Config.load(null, Map.of("NETWORKERAS_DB_URL", "postgres://x")))
        .hasMessageContaining("database.url must be a JDBC URL");
    assertThatThrownBy(() -> Config.load(null, Map.of("TELEGRAM_API_URL", "localhost:8081")))
        .hasMessageContaining("telegram.apiUrl must be an http(s) address");
    assertThatThrownBy(() -> Config.load(null, Map.of("DISCORD_DEV_GUILD", "my-guild")))
        .hasMessageContaining("discord.devGuild must be a guild id");
  }

  @Test
  void readsTheDiscordShardsOfThisInstanceFromTheFileOrTheEnvironment() throws IOException {
    // when
    Config fromFile = Config.load(file("discord:\n  shards: 0-3/8\n"), Map.of());
    Config fromEnvironment =
        Config.load(file("discord:\n  shards: 0-3/8\n"), Map.of("DISCORD_SHARDS", "4-7/8"));
    Config unset = Config.load(null, Map.of());

    // then
    assertThat(fromFile.discord().shards()).isEqualTo("0-3/8");
    assertThat(fromEnvironment.discord().shards()).isEqualTo("4-7/8");
    assertThat(unset.discord().shards()).isEmpty();
  }

  @Test
  void badDiscordShardsStopStartUpNamingTheSetting() {
    assertThatThrownBy(() -> Config.load(null, Map.of("DISCORD_SHARDS", "0-8/8")))
        .hasMessageContaining("discord.shards must be a range within 0 to total - 1");
    assertThatThrownBy(() -> Config.load(null, Map.of("DISCORD_SHARDS", "half")))
        .hasMessageContaining("discord.shards are written first-last/total (0-3/8)");
  }

  @Test
  void neverPrintsATokenInItsDescription() {
    // when
    Config config =
        Config.load(
            null, Map.of("DISCORD_TOKEN", "secret-discord", "TELEGRAM_BOT_TOKEN", "1:secret"));

    // then
    assertThat(config.toString()).doesNotContain("secret").contains("token=set");
  }

  @Test
  void theCommittedExampleFileIsValid() {
    // when
    Config config = Config.load(Path.of("../networkeras.example.yml"), Map.of());

    // then
    assertThat(config.defaults().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(config.outbox().retention()).isEqualTo(Duration.ofDays(30));
  }
}
