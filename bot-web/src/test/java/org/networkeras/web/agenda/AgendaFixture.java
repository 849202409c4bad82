package org.networkeras.web.agenda;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.networkeras.catalog.Admission;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Slot;
import org.networkeras.chat.Role;
import org.networkeras.community.Community;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.web.CalendarRoutes;
import org.networkeras.web.WebServer;
import org.networkeras.web.WebSettings;

/**
 * A community whose admin turned its page on, with the starter catalog, on SQLite, and the server
 * serving it on a free port. Thursday 26 November 2026, 10:00 in Paris.
 */
final class AgendaFixture implements AutoCloseable {

  static final String CHAT = "paris-tech";

  final Database database;
  final Chat chat;
  final Chat.Member admin;
  final WebServer server;
  final String slug;

  AgendaFixture(Path folder) {
    database = TestDatabases.Backend.SQLITE.open(folder);
    chat = Chat.on(database).at("2026-11-26T10:00").withStarterCatalog(CHAT);
    admin = chat.as("ada").withRole(Role.ADMIN).in(CHAT);
    server =
        WebServer.start(
            new WebSettings(WebSettings.LOOPBACK, 0),
            List.of(
                new AgendaRoutes(chat.wiring(), chat.clock()),
                new CalendarRoutes(chat.wiring().calendars())));
    chat.wiring().pages().publishAt("http://127.0.0.1:" + server.port());
    slug = chat.wiring().pages().turn(community(), true);
  }

  Community community() {
    return chat.community(CHAT);
  }

  int port() {
    return server.port();
  }

  String agenda() {
    return "/w/" + slug;
  }

  /** Adds an event to the catalog as it stands after its way in (suggested, published…). */
  Event add(String title, Family family, String city, String localStart, EventStatus status) {
    Instant start = LocalDateTime.parse(localStart).atZone(Chat.PARIS).toInstant();
    Instant end = start.plusSeconds(2 * 3600);
    Instant now = chat.clock().instant();
    return chat.wiring()
        .catalog()
        .add(
            new Event(
                0,
                community().id(),
                title,
                family,
                Slot.derive(start, end, Chat.PARIS),
                city,
                "Le Comptoir",
                "3 rue des Tests",
                start,
                end,
                "Bring business cards: the first drink is on the house.",
                "https://example.org/event",
                "Collectif Blogs Paris",
                List.of(),
                Admission.FREE,
                status,
                "suggestion",
                null,
                null,
                now,
                now));
  }

  @Override
  public void close() {
    server.close();
    database.close();
  }
}
