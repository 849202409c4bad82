package org.networkeras.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.networkeras.catalog.Admission;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventRepository;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Slot;
import org.networkeras.community.Community;

/**
 * The child process of {@link CrashDurabilityTest}: writes events to the SQLite database in the
 * folder named by its argument, forever, printing {@code committed <id>} once each write has
 * returned, until it is killed.
 */
final class EventWriterProcess {

  static final String COMMITTED = "committed ";

  private EventWriterProcess() {}

  public static void main(String[] args) {
    Clock clock = Clock.systemUTC();
    try (Database database = Database.open(Database.sqliteUrl(Path.of(args[0])))) {
      Community community =
          database
              .communities()
              .findOrCreate(
                  "console:crash",
                  new Community(0, "Crash", ZoneId.of("UTC"), null, null, clock.instant()));
      EventRepository events = database.events();
      for (long round = 0; ; round++) {
        // Alternate single inserts with small batches, so a kill may land in either.
        List<Event> written =
            round % 4 == 3
                ? events.insertAll(List.of(event(community, clock), event(community, clock)))
                : List.of(events.insert(event(community, clock)));
        for (Event event : written) {
          System.out.println(COMMITTED + event.id());
        }
        System.out.flush();
      }
    }
  }

  private static Event event(Community community, Clock clock) {
    Instant now = clock.instant();
    return new Event(
        0,
        community.id(),
        "Written before the crash",
        Family.NETWORKING,
        Slot.OTHER,
        null,
        null,
        null,
        now,
        now.plus(Duration.ofHours(2)),
        null,
        null,
        null,
        new ArrayList<>(),
        Admission.FREE,
        EventStatus.PUBLISHED,
        "import",
        null,
        null,
        now,
        now);
  }
}
