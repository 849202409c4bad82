package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.networkeras.command.CommandException;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/** What a member reads when a phrase is refused. Now is Saturday 28 November 2026, 11:00 Paris. */
final class TimePhraseRefusalTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final TimePhraseResolver resolver =
      new TimePhraseResolver(Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), PARIS));
  private final Messages messages = Messages.load();

  @Test
  void quotesThePhraseNamesTheUnknownWordAndSuggestsTheNearestOne() {
    // given
    String phrase = "ce smaedi soir";

    // when
    CommandException refused = refuseRange(phrase);

    // then
    assertThat(refused.messageKey()).isEqualTo("time.unknown.suggest");
    assertThat(refused.arguments()).containsExactly(phrase, "smaedi", "samedi");
    assertThat(messages.get(Language.EN, refused.messageKey(), refused.arguments()))
        .contains("“ce smaedi soir”", "“smaedi”", "“samedi”", "“tomorrow 7pm”");
    assertThat(messages.get(Language.FR, refused.messageKey(), refused.arguments()))
        .contains("ce smaedi soir", "smaedi", "samedi", "demain 19h");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "smaedi, samedi",
    "tomorow, tomorrow",
    "vendredii, vendredi",
    "wensday, wednesday",
    "apres-mdi, après-midi",
    "aujourdui, aujourd'hui",
    "semiane prochaine, semaine",
    "demian soir, demain",
    "decmebre, décembre"
  })
  void suggestsTheNearestKnownWordForATypo(String phrase, String suggestion) {
    // when
    CommandException refused = refuseRange(phrase);

    // then
    assertThat(refused.messageKey()).isEqualTo("time.unknown.suggest");
    assertThat(refused.arguments()[2]).isEqualTo(suggestion);
  }

  @Test
  void namesThePartNotUnderstoodWithoutGuessingWhenNoWordIsClose() {
    // when
    CommandException refused = refuseRange("demain blorft");

    // then
    assertThat(refused.messageKey()).isEqualTo("time.unknown");
    assertThat(refused.arguments()).containsExactly("demain blorft", "blorft");
  }

  @Test
  void namesTheWordThatDoesNotFitWithTheRest() {
    // when
    CommandException refused = refuseRange("tomorrow at 7pm yesterday");

    // then
    assertThat(refused.messageKey()).isEqualTo("time.conflict");
    assertThat(refused.arguments()[1]).isEqualTo("yesterday");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t \n", "\u00A0"})
  void refusesABlankPhrase(String phrase) {
    // when
    CommandException refused = refuseRange(phrase);

    // then
    assertThat(refused.messageKey()).isEqualTo("time.empty");
  }

  @Test
  void refusesANullPhrase() {
    // when
    CommandException range = refuseRange(null);
    CommandException instant =
        catchThrowableOfType(CommandException.class, () -> resolver.instant(null, PARIS));

    // then
    assertThat(range.messageKey()).isEqualTo("time.empty");
    assertThat(instant.messageKey()).isEqualTo("time.empty");
  }

  @Test
  void refusesAPhraseOverTwoThousandCharactersWithoutReadingIt() {
    // given
    String justTooLong = "demain" + " ".repeat(Lexer.MAX_LENGTH - 5);
    String atTheLimit = "demain" + " ".repeat(Lexer.MAX_LENGTH - 6);

    // when
    CommandException refused = refuseRange(justTooLong);
    TimeRange accepted = resolver.range(atTheLimit, PARIS);

    // then
    assertThat(refused.messageKey()).isEqualTo("time.tooLong");
    assertThat(messages.get(Language.EN, refused.messageKey(), refused.arguments()))
        .contains("2,000");
    assertThat(accepted).isEqualTo(resolver.range("demain", PARIS));
  }

  @Test
  void shortensAVeryLongPhraseAndPartInTheMessage() {
    // given
    String phrase = "x".repeat(1999);

    // when
    CommandException refused = refuseRange(phrase);

    // then
    assertThat(refused.messageKey()).isEqualTo("time.unknown");
    assertThat((String) refused.arguments()[0]).hasSizeLessThan(90).endsWith("…");
    assertThat((String) refused.arguments()[1]).hasSizeLessThan(90).endsWith("…");
  }

  @Test
  void keepsEachAnswerOnOneLineWhatEverThePhraseHolds() {
    // when
    CommandException refused = refuseRange("demain\n\tblorft\r\n");

    // then
    assertThat((String) refused.arguments()[0]).isEqualTo("demain blorft");
  }

  @Test
  void refusesAnEventStartThatIsAlreadyPast() {
    // when
    CommandException refused = refuseInstant("hier 19h");

    // then
    assertThat(refused.messageKey()).isEqualTo("time.past");
    assertThat(messages.get(Language.FR, refused.messageKey(), refused.arguments()))
        .contains("hier 19h", "demain 19h");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"samedi", "demain", "12 mars", "ce soir", "this weekend", "les 3 prochains jours"})
  void asksForATimeWhenAnEventStartNamesOnlyADayOrAPeriod(String phrase) {
    // when
    CommandException refused = refuseInstant(phrase);

    // then
    assertThat(refused.messageKey()).isEqualTo("time.needsTime");
  }

  @ParameterizedTest
  @ValueSource(strings = {"in 2 weeks at", "demain à", "samedi a"})
  void refusesAPhraseThatStopsBeforeItsTime(String phrase) {
    // when
    CommandException refused = refuseInstant(phrase);

    // then
    assertThat(refused.messageKey()).isEqualTo("time.unknown");
  }

  @Test
  void namesTheRealWeekdayWhenItContradictsTheDate() {
    // when
    CommandException refused = refuseRange("lundi 12 mars");

    // then
    assertThat(refused.messageKey()).isEqualTo("time.weekdayMismatch");
    assertThat(messages.get(Language.EN, refused.messageKey(), refused.arguments()))
        .contains("Friday");
    assertThat(messages.get(Language.FR, refused.messageKey(), refused.arguments()))
        .contains("vendredi");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "31 février, 31 février, time.invalidDate",
    "le 31/04 à 19h, 31/04, time.invalidDate",
    "demain 19h75, 19h75, time.invalidTime",
    "14pm, 14pm, time.invalidTime",
    "tonight at 7am, 7am, time.conflict"
  })
  void quotesTheImpossibleDateOrTime(String phrase, String part, String key) {
    // when
    CommandException refused = refuseRange(phrase);

    // then
    assertThat(refused.messageKey()).isEqualTo(key);
    assertThat(refused.arguments()[1]).isEqualTo(part);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "blorft",
        "smaedi",
        "demain hier",
        "31/02",
        "25h",
        "lundi 12 mars",
        "in 300 years",
        "hier 19h",
        "samedi"
      })
  void everyRefusalReadsWellInBothLanguages(String phrase) {
    // given
    CommandException refused = refuseInstant(phrase);

    // when
    String english = messages.get(Language.EN, refused.messageKey(), refused.arguments());
    String french = messages.get(Language.FR, refused.messageKey(), refused.arguments());

    // then
    assertThat(english).doesNotContain("{").contains(phrase);
    assertThat(french).doesNotContain("{").contains(phrase);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "in -5 days | -5",
        "dans -3 semaines | -3",
        "-2 days ago | -2",
        "within −4 hours | −4"
      })
  void refusesANegativeNumberInsteadOfDroppingItsSign(String phrase, String number) {
    // when
    CommandException refused = refuseRange(phrase);

    // then
    assertThat(refused.messageKey()).isEqualTo("time.negative");
    assertThat(refused.arguments()).containsExactly(phrase, number);
    assertThat(messages.get(Language.EN, refused.messageKey(), refused.arguments()))
        .contains("negative", "“5 days ago”", "“in 5 days”");
    assertThat(messages.get(Language.FR, refused.messageKey(), refused.arguments()))
        .contains("négatif", "il y a 5 jours");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-12-03", "samedi 19h-21h", "12-15 décembre"})
  void readsNoSignInTheDashOfADateOrBetweenTwoTimes(String phrase) {
    // when
    Throwable outcome = catchThrowable(() -> resolver.range(phrase, PARIS));

    // then
    if (outcome instanceof CommandException refused) {
      assertThat(refused.messageKey()).isNotEqualTo("time.negative");
    } else {
      assertThat(outcome).isNull();
    }
  }

  private CommandException refuseRange(String phrase) {
    return catchThrowableOfType(CommandException.class, () -> resolver.range(phrase, PARIS));
  }

  private CommandException refuseInstant(String phrase) {
    return catchThrowableOfType(CommandException.class, () -> resolver.instant(phrase, PARIS));
  }
}
