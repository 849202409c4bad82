package org.networkeras.testing;

import java.net.URI;
import java.nio.file.Path;
import org.networkeras.calendar.CalendarSettings;
import org.networkeras.catalog.Event;
import org.networkeras.chat.Reply;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/**
 * What core really answers to "Add to calendar", for the adapters' tests: they carry this reply,
 * its {@code .ics} file included, and check the file arrives whole and valid.
 */
public final class CalendarAnswers {

  /** The title of the event whose file {@link #addToCalendar} gives. */
  public static final String TITLE = "Apéro blogueurs";

  private CalendarAnswers() {}

  /**
   * Publishes "Apéro blogueurs" on Thursday 3 December 2026 at 19:00 in Paris, in a community on
   * SQLite in {@code folder}, and presses "Add to calendar" under its card.
   *
   * @return core's answer, with the event's {@code .ics} file attached
   */
  public static Reply addToCalendar(Path folder) {
    try (Database database = TestDatabases.sqlite(folder)) {
      Chat chat =
          Chat.on(database)
              .at("2026-11-26T10:00")
              .withCalendars(new CalendarSettings(true, URI.create("https://agenda.example.org/")));
      Event event = Events.publish(chat, "paris-tech", TITLE, "2026-12-03T19:00");
      Chat.Member alice = chat.as("alice").in("paris-tech");
      Chat.Said card = alice.send("/event " + event.id());
      return alice.press(card, "Add to calendar").reply();
    }
  }
}
