package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TelegramSettingsTest {

  @Test
  void readsTheTokenAndDefaultsToTelegramsServer() {
    // when
    TelegramSettings settings =
        TelegramSettings.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", " 42:secret ")).orElseThrow();

    // then
    assertThat(settings.token()).isEqualTo("42:secret");
    assertThat(settings.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
    assertThat(settings.botId()).isEqualTo("42");
  }

  @Test
  void staysOffWithoutAToken() {
    // when / then
    assertThat(TelegramSettings.fromEnvironment(Map.of("TELEGRAM_API_URL", "http://x"))).isEmpty();
  }

  @Test
  void neverShowsTheTokenInItsText() {
    // given
    TelegramSettings settings =
        new TelegramSettings("42:secret", URI.create("http://127.0.0.1:8081"));

    // when / then
    assertThat(settings.toString()).doesNotContain("secret").contains("127.0.0.1:8081");
    assertThat(TelegramAdapter.telegramUrl(settings.apiUrl()).getPort()).isEqualTo(8081);
  }

  @Test
  void refusesAnApiAddressThatIsNotHttp() {
    // when / then
    assertThatThrownBy(() -> new TelegramSettings("42:secret", URI.create("ftp://example.org")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
