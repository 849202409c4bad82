package org.networkeras.time;

import java.time.temporal.ChronoUnit;

/**
 * A unit of a relative offset. Minutes and hours are elapsed time; the others follow the calendar.
 */
enum Unit {
  MINUTE(ChronoUnit.MINUTES),
  HOUR(ChronoUnit.HOURS),
  DAY(ChronoUnit.DAYS),
  WEEK(ChronoUnit.WEEKS),
  MONTH(ChronoUnit.MONTHS),
  YEAR(ChronoUnit.YEARS);

  private final ChronoUnit chrono;

  Unit(ChronoUnit chrono) {
    this.chrono = chrono;
  }

  ChronoUnit chrono() {
    return chrono;
  }

  /** Whether the unit counts calendar days (a day or longer) rather than elapsed time. */
  boolean calendar() {
    return compareTo(DAY) >= 0;
  }
}
