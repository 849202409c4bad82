package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.networkeras.command.CommandException;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/**
 * Refusals of Part 2: each names the phrase, says why with its own key, and its message in both
 * languages offers phrasings that work; a typo in a word of Part 2, or next to one, gets the
 * nearest known word, as in Part 1.
 */
final class PartTwoRefusalTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  // Wednesday 24 November 2027, 10:00 in Paris
  private final TimePhraseResolver resolver =
      new TimePhraseResolver(Clock.fixed(Instant.parse("2027-11-24T09:00:00Z"), PARIS));

  private final Messages messages = Messages.load();

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "event  | du 1/12 10h au 20/12 18h             | time.eventTooLong",
        "event  | from December 13 6pm to December 12 9am | time.endBeforeStart",
        "event  | samedi jusqu'à 18h                   | time.needsTime",
        "event  | du 12 au 14 décembre                 | time.needsTime",
        "repeat | tous les jeudis                      | time.repeat.needsTime",
        "repeat | every first Tuesday of the month     | time.repeat.needsTime",
        "repeat | tous les jeudis à 10h et 18h         | time.repeat.severalADay",
        "repeat | every 3 hours                        | time.repeat.unclear",
        "repeat | toutes les 30 minutes                | time.repeat.unclear",
        "repeat | every day at 8am 1000 times          | time.repeat.tooMany",
        "repeat | tous les jours à 8h jusqu'au 31 décembre 2030 | time.repeat.tooMany",
        "repeat | jeudi 19h                            | time.repeat.none",
        "range  | tous les jeudis à 19h                | time.repeat.inFilter",
        "range  | du 7 au 5 décembre                   | time.endBeforeStart",
        "range  | in -5 days                           | time.negative",
        "range  | dans -2 jours                        | time.negative",
        "event  | dans -2 jours de 19h à 22h           | time.negative"
      })
  void namesThePhraseSaysWhyAndOffersPhrasingsThatWork(String kind, String phrase, String key) {
    // when
    CommandException refused = refuse(kind, phrase);

    // then
    assertThat(refused.messageKey()).isEqualTo(key);
    assertThat(refused.arguments()[0]).isEqualTo(phrase);
    for (Language language : Language.values()) {
      String message = messages.get(language, key, refused.arguments());
      assertThat(message).contains(phrase);
      assertThat(message.split("[“«]")).as(message).hasSizeGreaterThanOrEqualTo(4);
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "evrey Thursday at 7pm        | every",
        "untill Friday                | until",
        "bewteen Monday and Wednesday | between",
        "entre lundi et mercrdi       | mercredi",
        "du 5 au 7 decmebre           | décembre",
        "jusqu'à vendrdi              | vendredi",
        "apres-mdi                    | après-midi"
      })
  void suggestsTheNearestKnownWordForATypo(String phrase, String suggestion) {
    // when
    CommandException refused =
        catchThrowableOfType(CommandException.class, () -> resolver.range(phrase, PARIS));

    // then
    assertThat(refused.messageKey()).isEqualTo("time.unknown.suggest");
    assertThat(refused.arguments()[2]).isEqualTo(suggestion);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tous les jeudsi à 19h     | jeudi",
        "every Thursdy at 7pm       | thursday",
        "un jeudi sur deux à 19h jusqu'au 17 decmebre | décembre"
      })
  void suggestsTheNearestKnownWordInARepeat(String phrase, String suggestion) {
    // when
    CommandException refused =
        catchThrowableOfType(CommandException.class, () -> resolver.event(phrase, PARIS));

    // then
    assertThat(refused.messageKey()).isEqualTo("time.unknown.suggest");
    assertThat(refused.arguments()[2]).isEqualTo(suggestion);
  }

  private CommandException refuse(String kind, String phrase) {
    return catchThrowableOfType(
        CommandException.class,
        () -> {
          switch (kind) {
            case "range" -> resolver.range(phrase, PARIS);
            case "repeat" -> resolver.repeat(phrase, PARIS);
            default -> resolver.event(phrase, PARIS);
          }
        });
  }
}
