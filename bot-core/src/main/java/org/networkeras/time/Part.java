package org.networkeras.time;

/** A part of the day, as TIME-PHRASES.md fixes it. Ends past 24 fall on the next day. */
enum Part {
  MORNING(6, 12),
  BREAKFAST(7, 10),
  LUNCH(12, 14),
  AFTERNOON(12, 18),
  EVENING(18, 24),
  NIGHT(22, 30);

  private final int startHour;
  private final int endHour;

  Part(int startHour, int endHour) {
    this.startHour = startHour;
    this.endHour = endHour;
  }

  int startHour() {
    return startHour;
  }

  /** The end hour, counted from the start of the part's first day (30 is 06:00 the next day). */
  int endHour() {
    return endHour;
  }

  /** Whether an hour without am/pm in this part is read in the afternoon or evening. */
  boolean afterNoon() {
    return this == AFTERNOON || this == EVENING;
  }

  /** Whether only morning hours belong to this part. */
  boolean beforeNoon() {
    return this == MORNING || this == BREAKFAST;
  }
}
