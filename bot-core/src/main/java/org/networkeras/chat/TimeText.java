package org.networkeras.chat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes a {@link Piece.Time} as text in its zone, for platforms that cannot show each viewer's own
 * time (Telegram, the console). Thread-safe.
 */
public final class TimeText {

  private static final DateTimeFormatter EN_FULL =
      DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter FR_FULL =
      DateTimeFormatter.ofPattern("EEE d MMM, HH'h'mm", Locale.FRENCH);
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
  private static final DateTimeFormatter FR_DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH);
  private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter FR_TIME = DateTimeFormatter.ofPattern("HH'h'mm");

  private TimeText() {}

  /**
   * The time as text in the piece's zone, in {@code locale}'s language (French or English). {@link
   * Piece.TimeStyle#RELATIVE} is written relative to {@code now}.
   */
  public static String format(Piece.Time time, Locale locale, Instant now) {
    boolean french = "fr".equals(locale.getLanguage());
    ZonedDateTime local = time.instant().atZone(time.zone());
    return switch (time.style()) {
      case FULL -> (french ? FR_FULL : EN_FULL).format(local);
      case DATE -> capitalize((french ? FR_DATE : EN_DATE).format(local), locale);
      case TIME -> (french ? FR_TIME : EN_TIME).format(local);
      case RELATIVE -> relative(Duration.between(now, time.instant()), french);
    };
  }

  /**
   * The time as ISO-8601 in its zone, for scripts: {@code 2026-11-26T19:00+01:00}, or the date
   * alone ({@code 2026-11-26}) for {@link Piece.TimeStyle#DATE}.
   */
  public static String iso(Piece.Time time) {
    ZonedDateTime local = time.instant().atZone(time.zone());
    return time.style() == Piece.TimeStyle.DATE
        ? local.toLocalDate().toString()
        : local.toOffsetDateTime().toString();
  }

  private static String relative(Duration delta, boolean french) {
    boolean past = delta.isNegative();
    long minutes = Math.abs(delta.toMinutes());
    String amount;
    if (minutes < 60) {
      amount = minutes + " min";
    } else if (minutes < 48 * 60) {
      amount = (minutes / 60) + " h";
    } else {
      long days = minutes / (24 * 60);
      amount = days + (french ? " j" : " d");
    }
    if (french) {
      return past ? "il y a " + amount : "dans " + amount;
    }
    return past ? amount + " ago" : "in " + amount;
  }

  private static String capitalize(String text, Locale locale) {
    return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
  }
}
