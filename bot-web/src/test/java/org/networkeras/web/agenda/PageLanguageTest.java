package org.networkeras.web.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.networkeras.i18n.Language;

/** Which language a page speaks: the switch, then the cookie, the browser, the community. */
final class PageLanguageTest {

  @Test
  void theSwitchWinsOverTheCookieAndTheBrowser() {
    assertThat(PageLanguage.choose("fr", "en", "en-GB", Language.EN)).isEqualTo(Language.FR);
    assertThat(PageLanguage.choose(null, "fr", "en-GB", Language.EN)).isEqualTo(Language.FR);
  }

  @Test
  void takesTheBrowsersFirstLanguageTheBotSpeaksByWeight() {
    assertThat(PageLanguage.fromHeader("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7")).contains(Language.FR);
    assertThat(PageLanguage.fromHeader("en;q=0.3, fr-CA;q=0.9")).contains(Language.FR);
    assertThat(PageLanguage.fromHeader("fr;q=0, en")).contains(Language.EN);
  }

  @Test
  void fallsBackToTheCommunityThenEnglishOnAnythingElse() {
    assertThat(PageLanguage.choose("xx", null, "de, *;q=0.5", Language.FR)).isEqualTo(Language.FR);
    assertThat(PageLanguage.choose(null, "garbage", ";;;q=abc", null)).isEqualTo(Language.EN);
    assertThat(PageLanguage.fromHeader("x".repeat(600))).isEmpty();
  }
}
