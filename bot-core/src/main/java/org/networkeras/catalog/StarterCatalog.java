package org.networkeras.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.networkeras.community.Community;

/**
 * The starter catalog: invented recurring events (marked as samples) covering the four families and
 * the three slots in Paris, Lille and Rennes, so a newcomer sees a living catalog at once.
 */
public final class StarterCatalog {

  private static final String RESOURCE = "/starter-catalog.json";

  @JsonIgnoreProperties("_comment")
  record File(String zone, List<Series> series) {}

  record Series(
      String title,
      String family,
      String city,
      String venue,
      String address,
      String firstStart,
      int minutes,
      String rrule,
      String organiser,
      boolean free,
      List<String> tags,
      String description,
      String link) {}

  private StarterCatalog() {}

  /** The sample series, ready to insert into {@code community}'s catalog. */
  public static List<Event> events(Community community, Instant now) {
    File file = read();
    ZoneId zone = ZoneId.of(file.zone());
    return file.series().stream()
        .map(
            s -> {
              Instant start = LocalDateTime.parse(s.firstStart()).atZone(zone).toInstant();
              Instant end = start.plus(Duration.ofMinutes(s.minutes()));
              return new Event(
                  0,
                  community.id(),
                  s.title(),
                  Family.fromKey(s.family()),
                  Slot.derive(start, end, zone),
                  s.city(),
                  s.venue(),
                  s.address(),
                  start,
                  end,
                  s.description(),
                  s.link(),
                  s.organiser(),
                  s.tags() == null ? List.of() : s.tags(),
                  s.free() ? Admission.FREE : Admission.PAID,
                  EventStatus.PUBLISHED,
                  "sample",
                  s.rrule(),
                  null,
                  now,
                  now);
            })
        .toList();
  }

  private static File read() {
    try (InputStream in = StarterCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      return new ObjectMapper().readValue(in, File.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
