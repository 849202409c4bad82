package org.networkeras.time;

/**
 * The parts of a day named in TIME-PHRASES.md, as minutes after the start of their day; a part that
 * crosses midnight ends after minute 1440.
 */
enum Part {
  MORNING(6 * 60, 12 * 60),
  BREAKFAST(7 * 60, 10 * 60),
  LUNCH(12 * 60, 14 * 60),
  AFTERNOON(12 * 60, 18 * 60),
  EVENING(18 * 60, 24 * 60),
  NIGHT(22 * 60, 30 * 60);

  final int startMinute;
  final int endMinute;

  Part(int startMinute, int endMinute) {
    this.startMinute = startMinute;
    this.endMinute = endMinute;
  }

  /** Whether a time of day, in minutes after the part's day start, falls within this part. */
  boolean holds(int minute) {
    return minute >= startMinute && minute < endMinute;
  }
}
