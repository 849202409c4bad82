package org.networkeras.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

final class TimeTextTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static Piece.Time at(String local, Piece.TimeStyle style) {
    return new Piece.Time(LocalDateTime.parse(local).atZone(PARIS).toInstant(), PARIS, style);
  }

  @Test
  void frenchWritesTheFirstOfTheMonthAsAnOrdinalInLowerCase() {
    // given
    Piece.Time first = at("2026-12-01T12:00", Piece.TimeStyle.DATE);
    Piece.Time second = at("2026-12-02T12:00", Piece.TimeStyle.DATE);

    // when / then
    assertThat(TimeText.format(first, Locale.FRENCH, first.instant()))
        .isEqualTo("mardi 1er décembre");
    assertThat(TimeText.format(second, Locale.FRENCH, second.instant()))
        .isEqualTo("mercredi 2 décembre");
    assertThat(TimeText.format(first, Locale.ENGLISH, first.instant()))
        .isEqualTo("Tuesday 1 December");
  }

  @Test
  void relativeTimesAreWrittenWithTheLanguagesOwnWordsAndPlurals() {
    // given
    Instant now = LocalDateTime.parse("2026-11-26T10:00").atZone(PARIS).toInstant();
    Piece.Time threeHoursAgo =
        new Piece.Time(now.minus(Duration.ofHours(3)), PARIS, Piece.TimeStyle.RELATIVE);
    Piece.Time inOneMinute =
        new Piece.Time(now.plus(Duration.ofMinutes(1)), PARIS, Piece.TimeStyle.RELATIVE);
    Piece.Time inTwoDays =
        new Piece.Time(now.plus(Duration.ofDays(2)), PARIS, Piece.TimeStyle.RELATIVE);

    // when / then
    assertThat(TimeText.format(threeHoursAgo, Locale.FRENCH, now)).isEqualTo("il y a 3 heures");
    assertThat(TimeText.format(threeHoursAgo, Locale.ENGLISH, now)).isEqualTo("3 hours ago");
    assertThat(TimeText.format(inOneMinute, Locale.FRENCH, now)).isEqualTo("dans 1 minute");
    assertThat(TimeText.format(inOneMinute, Locale.ENGLISH, now)).isEqualTo("in 1 minute");
    assertThat(TimeText.format(inTwoDays, Locale.FRENCH, now)).isEqualTo("dans 2 jours");
  }
}
