package org.networkeras.chat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.text.RelativeDateTimeFormatter.Direction;
import com.ibm.icu.text.RelativeDateTimeFormatter.RelativeUnit;
import com.ibm.icu.util.ULocale;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes a {@link Piece.Time} as text in its zone, for platforms that cannot show each viewer's own
 * time (Telegram, the console). Day and month names, ordinals ("mardi 1er décembre") and relative
 * times ("il y a 3 heures", "in 2 days") come from ICU4J's data, never from words written here.
 * Thread-safe.
 */
public final class TimeText {

  private static final DateTimeFormatter EN_FULL =
      DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter FR_FULL =
      DateTimeFormatter.ofPattern("EEE d MMM, HH'h'mm", Locale.FRENCH);
  private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter FR_TIME = DateTimeFormatter.ofPattern("HH'h'mm");

  /** A date in words; French says the first of the month as an ordinal: "mardi 1er décembre". */
  private static final String EN_DATE = "{0} {1,number,integer} {2}";

  private static final String FR_DATE = "{0} {1,selectordinal,one {#er} other {#}} {2}";
  private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM");

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
      case DATE -> date(local, french);
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

  private static String date(ZonedDateTime local, boolean french) {
    Locale locale = french ? Locale.FRENCH : Locale.ENGLISH;
    MessageFormat format = new MessageFormat(french ? FR_DATE : EN_DATE, ULocale.forLocale(locale));
    return format.format(
        new Object[] {
          WEEKDAY.withLocale(locale).format(local),
          local.getDayOfMonth(),
          MONTH.withLocale(locale).format(local)
        });
  }

  /** "in 45 minutes", "3 hours ago", "dans 2 jours", "il y a 5 minutes". */
  private static String relative(Duration delta, boolean french) {
    Direction direction = delta.isNegative() ? Direction.LAST : Direction.NEXT;
    long minutes = Math.abs(delta.toMinutes());
    RelativeDateTimeFormatter formatter =
        RelativeDateTimeFormatter.getInstance(french ? ULocale.FRENCH : ULocale.ENGLISH);
    if (minutes < 60) {
      return formatter.format(minutes, direction, RelativeUnit.MINUTES);
    }
    if (minutes < 48 * 60) {
      return formatter.format(minutes / 60, direction, RelativeUnit.HOURS);
    }
    return formatter.format(minutes / (24 * 60), direction, RelativeUnit.DAYS);
  }
}
