package org.networkeras.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP and logging settings: off and text unless set, validated when read. */
final class OperationsConfigTest {

  @TempDir Path tempDir;

  @Test
  void servesNoHttpAndWritesTextLogsUnlessSet() {
    // when
    Config config = Config.load(null, Map.of());

    // then
    assertThat(config.http().enabled()).isFalse();
    assertThat(config.http().host()).isEqualTo("127.0.0.1");
    assertThat(config.logging().json()).isFalse();
  }

  @Test
  void readsHttpAndLoggingFromTheFileAndTheEnvironmentOverridesThem() throws IOException {
    // given
    Path file = tempDir.resolve("networkeras.yml");
    Files.writeString(file, "http:\n  port: 8080\n  host: 0.0.0.0\nlogging:\n  format: text\n");

    // when
    Config fromFile = Config.load(file, Map.of());
    Config fromEnvironment =
        Config.load(
            file, Map.of("NETWORKERAS_HTTP_PORT", "9090", "NETWORKERAS_LOG_FORMAT", "JSON"));

    // then
    assertThat(fromFile.http()).isEqualTo(new Config.Http("0.0.0.0", 8080));
    assertThat(fromFile.logging().json()).isFalse();
    assertThat(fromEnvironment.http()).isEqualTo(new Config.Http("0.0.0.0", 9090));
    assertThat(fromEnvironment.logging().json()).isTrue();
  }

  @Test
  void refusesAPortThatIsNotOneAndAnUnknownLogFormat() {
    assertThatThrownBy(() -> Config.load(null, Map.of("NETWORKERAS_HTTP_PORT", "80000")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "http.port must be a port number from 1 to 65535 (0 or empty: off), not '80000'");
    assertThatThrownBy(() -> Config.load(null, Map.of("NETWORKERAS_HTTP_PORT", "web")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.port must be a port number");
    assertThatThrownBy(() -> Config.load(null, Map.of("NETWORKERAS_LOG_FORMAT", "xml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("logging.format must be text or json, not 'xml'");
  }

  @Test
  void readsThePublicAddressThatCalendarFeedAddressesStartWith() throws IOException {
    // given
    Path file = tempDir.resolve("networkeras.yml");
    Files.writeString(file, "http:\n  port: 8080\n  public-url: https://agenda.example.org/\n");

    // when
    Config fromFile = Config.load(file, Map.of());
    Config fromEnvironment =
        Config.load(file, Map.of("NETWORKERAS_HTTP_PUBLIC_URL", "https://events.example.net"));

    // then
    assertThat(fromFile.http().calendars().feedUrl("AAAAAAAAAAAAAAAAAAAAAA"))
        .hasValue(
            java.net.URI.create("https://agenda.example.org/calendar/AAAAAAAAAAAAAAAAAAAAAA.ics"));
    assertThat(fromEnvironment.http().calendars().host()).isEqualTo("events.example.net");
    assertThat(Config.load(null, Map.of()).http().calendars().feedUrl("x")).isEmpty();
    assertThatThrownBy(
            () -> Config.load(null, Map.of("NETWORKERAS_HTTP_PUBLIC_URL", "agenda.example.org")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.public-url must be an http(s) address");
  }

  @Test
  void readsTheHttpPortFromTheCommandLine() {
    // given
    RunOptions options = new RunOptions();
    picocli.CommandLine.populateCommand(options, "--http", "8181");

    // then
    assertThat(options.http).isEqualTo(8181);
  }
}
