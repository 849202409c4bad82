package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.networkeras.command.CommandException;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/** How the resolver says no: keys that exist, messages that quote, suggest and show examples. */
final class TimeRefusalsTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Messages MESSAGES = Messages.load();

  private final TimePhraseResolver resolver =
      new TimePhraseResolver(Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), PARIS));

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyRefusalKeyExistsInBothBundles(Language language) {
    // given
    // when / then
    assertThat(Refusals.KEYS).allSatisfy(key -> assertThat(MESSAGES.has(language, key)).isTrue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr"})
  void timeBundlesHoldOnlyTheResolverKeys(String language) throws IOException {
    // given
    Properties bundle = new Properties();
    try (InputStream in =
        getClass().getResourceAsStream("/time_messages_" + language + ".properties")) {
      bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    // when / then: besides the resolver's keys, only those of the resolve command-line tool
    assertThat(bundle.stringPropertyNames())
        .filteredOn(key -> !key.startsWith("time.cli."))
        .containsExactlyInAnyOrderElementsOf(Refusals.KEYS);
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyMessageQuotesThePhraseAndShowsExamples(Language language) {
    // given
    String example = language == Language.FR ? "« demain à 19h »" : "\"tomorrow at 7pm\"";
    // when / then
    for (String key : Refusals.KEYS) {
      String text = MESSAGES.get(language, key, "PHRASE", "PART", "OTHER");
      if (!key.equals(Refusals.BLANK) && !key.equals(Refusals.TOO_LONG)) {
        assertThat(text).as(key).contains("PHRASE");
      }
      assertThat(text)
          .as(key)
          .doesNotContain("{")
          .matches("(?s).*(« .+ »|\".+\").*(« .+ »|\".+\").*");
    }
    assertThat(MESSAGES.get(language, Refusals.UNKNOWN, "x", "y")).contains(example);
  }

  @Test
  void aMisspelledFrenchWeekdaySuggestsTheWeekdayInTheMessage() {
    // given
    String phrase = "smaedi soir";
    // when / then
    assertThatThrownBy(() -> resolver.range(phrase, PARIS))
        .isInstanceOfSatisfying(
            CommandException.class,
            refusal -> {
              assertThat(refusal.messageKey()).isEqualTo(Refusals.UNKNOWN_TYPO);
              assertThat(refusal.arguments()).containsExactly("smaedi soir", "smaedi", "samedi");
              assertThat(MESSAGES.get(Language.FR, refusal.messageKey(), refusal.arguments()))
                  .contains("« smaedi »", "« smaedi soir »", "« samedi »", "« samedi soir »");
            });
  }

  @Test
  void aMisspelledEnglishDaySuggestsTheEnglishWord() {
    // given
    String phrase = "tomorow at 7pm";
    // when / then
    assertThatThrownBy(() -> resolver.instant(phrase, PARIS))
        .isInstanceOfSatisfying(
            CommandException.class,
            refusal -> {
              assertThat(refusal.arguments()).containsExactly(phrase, "tomorow", "tomorrow");
              assertThat(MESSAGES.get(Language.EN, refusal.messageKey(), refusal.arguments()))
                  .contains("\"tomorow\"", "\"tomorrow\"", "\"saturday evening\"");
            });
  }

  @Test
  void aWordOutOfPlaceIsNamedWithoutASuggestion() {
    // given
    String phrase = "demain pm";
    // when / then
    assertThatThrownBy(() -> resolver.range(phrase, PARIS))
        .isInstanceOfSatisfying(
            CommandException.class,
            refusal -> {
              assertThat(refusal.messageKey()).isEqualTo(Refusals.UNKNOWN);
              assertThat(refusal.arguments()).containsExactly(phrase, "pm");
            });
  }

  @Test
  void anUnknownWordFarFromAnyKnownOneGetsNoSuggestion() {
    // given
    String phrase = "quand tu veux";
    // when / then
    assertThatThrownBy(() -> resolver.range(phrase, PARIS))
        .isInstanceOfSatisfying(
            CommandException.class,
            refusal -> {
              assertThat(refusal.messageKey()).isEqualTo(Refusals.UNKNOWN);
              assertThat(refusal.arguments()).containsExactly(phrase, "quand");
            });
  }

  @Test
  void aVeryLongPhraseIsQuotedShortened() {
    // given
    String phrase = "demain ".repeat(100) + "zzz";
    // when / then
    assertThatThrownBy(() -> resolver.range(phrase, PARIS))
        .isInstanceOfSatisfying(
            CommandException.class,
            refusal -> assertThat((String) refusal.arguments()[0]).hasSize(80).endsWith("…"));
  }

  @Test
  void aNullOrBlankPhraseIsRefused() {
    // given / when / then
    for (String phrase : new String[] {null, "", "   ", "\t\n"}) {
      assertThatThrownBy(() -> resolver.range(phrase, PARIS))
          .isInstanceOfSatisfying(
              CommandException.class,
              refusal -> assertThat(refusal.messageKey()).isEqualTo(Refusals.BLANK));
      assertThatThrownBy(() -> resolver.instant(phrase, PARIS))
          .isInstanceOf(CommandException.class);
    }
  }

  @Test
  void aPhraseOfExactlyTwoThousandCharactersIsStillRead() {
    // given
    String phrase = " ".repeat(1993) + "demain";
    // when / then
    assertThat(phrase).hasSize(1999);
    assertThat(resolver.range(phrase + " ", PARIS).start())
        .isEqualTo(Instant.parse("2026-11-28T23:00:00Z"));
  }

  @Test
  void pastWordsAreReported() {
    // given / when / then
    assertThat(resolver.pointsToPast("hier soir")).isTrue();
    assertThat(resolver.pointsToPast("last week")).isTrue();
    assertThat(resolver.pointsToPast("ce matin")).isTrue();
    assertThat(resolver.pointsToPast("samedi matin")).isFalse();
    assertThat(resolver.pointsToPast("breakfast")).isFalse();
    assertThat(resolver.pointsToPast("next week")).isFalse();
  }
}
