package org.networkeras.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/**
 * Every repeat shape of {@code TIME-PHRASES.md} Part 2 in words, in English and French, as a card,
 * a review and {@code /when} show them.
 */
final class RepeatWordsTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Messages MESSAGES = Messages.load();

  private static Instant paris(String local) {
    return LocalDateTime.parse(local).atZone(PARIS).toInstant();
  }

  private static String words(Language language, String rule, String start, String end) {
    return RepeatWords.describe(MESSAGES, language, rule, paris(start), paris(end), PARIS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          FREQ=WEEKLY;BYDAY=TH                             | 2026-12-03T19:00 | 2026-12-03T21:00 | every Thursday, 19:00–21:00                       | tous les jeudis, 19h–21h
          FREQ=WEEKLY                                      | 2026-12-03T19:30 | 2026-12-03T22:00 | every Thursday, 19:30–22:00                       | tous les jeudis, 19h30–22h
          FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20261217T225959Z | 2026-12-03T19:00 | 2026-12-03T21:00 | every other Thursday, 19:00–21:00, until 17 December | un jeudi sur deux, 19h–21h, jusqu’au 17 décembre
          FREQ=WEEKLY;INTERVAL=3;BYDAY=TH                  | 2026-12-03T19:00 | 2026-12-03T21:00 | every 3 weeks on Thursday, 19:00–21:00            | un jeudi toutes les 3 semaines, 19h–21h
          FREQ=MONTHLY;BYDAY=1TU                           | 2026-12-01T08:30 | 2026-12-01T10:00 | every first Tuesday of the month, 08:30–10:00     | le premier mardi du mois, 8h30–10h
          FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1                 | 2026-12-01T08:30 | 2026-12-01T10:00 | every first Tuesday of the month, 08:30–10:00     | le premier mardi du mois, 8h30–10h
          FREQ=MONTHLY;BYDAY=2WE                           | 2026-12-09T19:00 | 2026-12-09T21:00 | every second Wednesday of the month, 19:00–21:00  | le deuxième mercredi du mois, 19h–21h
          FREQ=MONTHLY;BYDAY=3MO                           | 2026-12-21T19:00 | 2026-12-21T21:00 | every third Monday of the month, 19:00–21:00      | le troisième lundi du mois, 19h–21h
          FREQ=MONTHLY;BYDAY=4TH                           | 2026-12-24T19:00 | 2026-12-24T21:00 | every fourth Thursday of the month, 19:00–21:00   | le quatrième jeudi du mois, 19h–21h
          FREQ=MONTHLY;BYDAY=-1FR                          | 2026-12-25T18:00 | 2026-12-25T21:00 | every last Friday of the month, 18:00–21:00       | le dernier vendredi du mois, 18h–21h
          FREQ=MONTHLY;BYMONTHDAY=15                       | 2026-12-15T19:00 | 2026-12-15T21:00 | on the 15th of every month, 19:00–21:00           | le 15 de chaque mois, 19h–21h
          FREQ=MONTHLY;BYMONTHDAY=1                        | 2027-01-01T19:00 | 2027-01-01T21:00 | on the 1st of every month, 19:00–21:00            | le 1er de chaque mois, 19h–21h
          FREQ=MONTHLY;BYMONTHDAY=22                       | 2026-12-22T19:00 | 2026-12-22T21:00 | on the 22nd of every month, 19:00–21:00           | le 22 de chaque mois, 19h–21h
          FREQ=MONTHLY;BYMONTHDAY=-1                       | 2026-12-31T19:00 | 2026-12-31T21:00 | on the last day of every month, 19:00–21:00       | le dernier jour de chaque mois, 19h–21h
          FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR                 | 2026-12-03T08:00 | 2026-12-03T09:00 | every weekday, 08:00–09:00                        | du lundi au vendredi, 8h–9h
          FREQ=WEEKLY;BYDAY=TH,TU                          | 2026-12-03T19:00 | 2026-12-03T21:00 | every Tuesday and Thursday, 19:00–21:00           | tous les mardis et jeudis, 19h–21h
          FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH               | 2026-12-03T19:00 | 2026-12-03T21:00 | every other week on Tuesday and Thursday, 19:00–21:00 | mardi et jeudi, une semaine sur deux, 19h–21h
          FREQ=WEEKLY;BYDAY=TH;UNTIL=20261231              | 2026-12-03T19:00 | 2026-12-03T21:00 | every Thursday, 19:00–21:00, until 31 December    | tous les jeudis, 19h–21h, jusqu’au 31 décembre
          FREQ=WEEKLY;BYDAY=TH;UNTIL=20270101T225959Z      | 2026-12-03T19:00 | 2026-12-03T21:00 | every Thursday, 19:00–21:00, until 1 January 2027 | tous les jeudis, 19h–21h, jusqu’au 1er janvier 2027
          FREQ=WEEKLY;BYDAY=TH;COUNT=4                     | 2026-12-03T19:00 | 2026-12-03T21:00 | every Thursday, 19:00–21:00, 4 times              | tous les jeudis, 19h–21h, 4 fois
          FREQ=WEEKLY;BYDAY=TH;COUNT=1                     | 2026-12-03T19:00 | 2026-12-03T21:00 | every Thursday, 19:00–21:00, once                 | tous les jeudis, 19h–21h, une fois
          FREQ=DAILY                                       | 2026-12-03T08:00 | 2026-12-03T09:00 | every day, 08:00–09:00                            | tous les jours, 8h–9h
          FREQ=DAILY;INTERVAL=2                            | 2026-12-03T08:00 | 2026-12-03T09:00 | every other day, 08:00–09:00                      | un jour sur deux, 8h–9h
          FREQ=YEARLY                                      | 2026-12-03T19:00 | 2026-12-03T21:00 | every year on 3 December, 19:00–21:00             | tous les ans le 3 décembre, 19h–21h
          FREQ=WEEKLY;BYDAY=FR                             | 2026-12-04T21:00 | 2026-12-05T02:00 | every Friday, 21:00–02:00                         | tous les vendredis, 21h–2h
          FREQ=HOURLY;INTERVAL=3                           | 2026-12-03T19:00 | 2026-12-03T20:00 | at regular dates, 19:00–20:00                     | à dates régulières, 19h–20h
          """)
  void saysTheRuleItsHoursAndItsEnd(
      String rule, String start, String end, String english, String french) {
    assertThat(words(Language.EN, rule, start, end)).isEqualTo(english);
    assertThat(words(Language.FR, rule, start, end)).isEqualTo(french);
  }

  @Test
  void anEndOfDayUntilInUtcIsReadInTheCommunitysZone() {
    // 17 December 23:30 in Paris is 22:30 UTC the same day; 18 December 00:30 is still the 17th
    // in UTC
    assertThat(RepeatWords.untilDay("20261217T233000Z", PARIS))
        .isEqualTo(java.time.LocalDate.of(2026, 12, 18));
    assertThat(RepeatWords.untilDay("20261217T225959Z", PARIS))
        .isEqualTo(java.time.LocalDate.of(2026, 12, 17));
  }

  @Test
  void theRuleAloneNamesTheDayOfTheFirstDate() {
    assertThat(
            RepeatWords.rule(
                MESSAGES, Language.EN, "FREQ=WEEKLY", paris("2026-12-04T18:30"), PARIS))
        .isEqualTo("every Friday");
    assertThat(
            RepeatWords.rule(
                MESSAGES, Language.FR, "FREQ=WEEKLY;INTERVAL=2", paris("2026-12-04T18:30"), PARIS))
        .isEqualTo("un vendredi sur deux");
  }
}
