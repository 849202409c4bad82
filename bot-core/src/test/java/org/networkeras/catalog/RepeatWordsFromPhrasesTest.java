package org.networkeras.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.time.EventTime;
import org.networkeras.time.TimePhraseResolver;

/**
 * The words read back what the resolver understood: each repeat of {@code TIME-PHRASES.md} Part 2,
 * typed in English or French, resolved (Thursday 26 November 2026, 10:00 in Paris) and said in both
 * languages.
 */
final class RepeatWordsFromPhrasesTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Messages MESSAGES = Messages.load();
  private static final TimePhraseResolver RESOLVER =
      new TimePhraseResolver(
          Clock.fixed(LocalDateTime.parse("2026-11-26T10:00").atZone(PARIS).toInstant(), PARIS));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          tous les jeudis à 19h                          | every Thursday, 19:00                                  | tous les jeudis, 19h
          every Thursday at 7pm                          | every Thursday, 19:00                                  | tous les jeudis, 19h
          Thursdays at 7pm                               | every Thursday, 19:00                                  | tous les jeudis, 19h
          chaque jeudi 19h                               | every Thursday, 19:00                                  | tous les jeudis, 19h
          un jeudi sur deux à 19h jusqu’au 17 décembre   | every other Thursday, 19:00, until 17 December         | un jeudi sur deux, 19h, jusqu’au 17 décembre
          every other Thursday 7pm until December 17     | every other Thursday, 19:00, until 17 December         | un jeudi sur deux, 19h, jusqu’au 17 décembre
          every 2 weeks on Thursday at 7pm               | every other Thursday, 19:00                            | un jeudi sur deux, 19h
          toutes les deux semaines le jeudi à 19h        | every other Thursday, 19:00                            | un jeudi sur deux, 19h
          le premier mardi du mois à 8h30                | every first Tuesday of the month, 08:30                | le premier mardi du mois, 8h30
          every first Tuesday of the month 8:30-10am     | every first Tuesday of the month, 08:30–10:00          | le premier mardi du mois, 8h30–10h
          tous les premiers mardis du mois à 8h30        | every first Tuesday of the month, 08:30                | le premier mardi du mois, 8h30
          le dernier vendredi du mois à 18h              | every last Friday of the month, 18:00                  | le dernier vendredi du mois, 18h
          every third Wednesday of the month at 7pm      | every third Wednesday of the month, 19:00              | le troisième mercredi du mois, 19h
          le 15 de chaque mois à 19h                     | on the 15th of every month, 19:00                      | le 15 de chaque mois, 19h
          monthly on the 15th at 7pm                     | on the 15th of every month, 19:00                      | le 15 de chaque mois, 19h
          du lundi au vendredi à 8h                      | every weekday, 08:00                                   | du lundi au vendredi, 8h
          every weekday at 8am                           | every weekday, 08:00                                   | du lundi au vendredi, 8h
          les mardis et jeudis à 19h                     | every Tuesday and Thursday, 19:00                      | tous les mardis et jeudis, 19h
          every Tuesday and Thursday at 7pm              | every Tuesday and Thursday, 19:00                      | tous les mardis et jeudis, 19h
          tous les jeudis à 19h 4 fois                   | every Thursday, 19:00, 4 times                         | tous les jeudis, 19h, 4 fois
          every Thursday at 7pm 4 times                  | every Thursday, 19:00, 4 times                         | tous les jeudis, 19h, 4 fois
          tous les jeudis de 19h à 21h                   | every Thursday, 19:00–21:00                            | tous les jeudis, 19h–21h
          """)
  void saysWhatTheResolverUnderstood(String phrase, String english, String french) {
    EventTime event = RESOLVER.event(phrase, PARIS);

    assertThat(event.repeats()).isTrue();
    assertThat(words(Language.EN, event)).isEqualTo(english);
    assertThat(words(Language.FR, event)).isEqualTo(french);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          tous les jeudis à 19h pendant 4 semaines | every Thursday, 19:00, until 23 December | tous les jeudis, 19h, jusqu’au 23 décembre
          every Thursday at 7pm for 4 weeks        | every Thursday, 19:00, until 23 December | tous les jeudis, 19h, jusqu’au 23 décembre
          """)
  /** Four weeks from Thursday 26 November end on Wednesday 23 December, the rule's last day. */
  void aLengthInWeeksReadsAsItsLastDay(String phrase, String english, String french) {
    EventTime event = RESOLVER.event(phrase, PARIS);

    assertThat(words(Language.EN, event)).isEqualTo(english);
    assertThat(words(Language.FR, event)).isEqualTo(french);
  }

  private static String words(Language language, EventTime event) {
    return RepeatWords.describe(
        MESSAGES, language, event.recurrence(), event.start(), event.end(), PARIS);
  }
}
