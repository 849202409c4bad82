package org.networkeras.benchmarks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.networkeras.catalog.Admission;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Slot;
import org.networkeras.chat.Platform;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityService;
import org.networkeras.core.CoreWiring;

/**
 * Writes a plausible catalog into a fresh database: {@code events} events and series spread evenly
 * over {@code communities} console communities named {@code c1}, {@code c2}… Every community has a
 * home city (Paris for about a third of them), about one event in ten is a recurring series
 * (weekly, fortnightly or monthly, started in the past), singles fall between a month ago and five
 * months ahead at breakfast, lunch, evening or Saturday-barcamp times, and a few are cancelled or
 * still suggested. The same arguments always give the same catalog.
 */
final class CatalogGenerator {

  /** Bumped whenever the generated data changes, so that stored catalogs are regenerated. */
  static final int VERSION = 1;

  static final double SERIES_SHARE = 0.10;

  private static final List<String> CITIES =
      List.of("Paris", "Lyon", "Lille", "Rennes", "Nantes", "Bordeaux", "Toulouse", "Marseille");
  private static final List<String> TOPICS =
      List.of(
          "Java",
          "Startups",
          "Design",
          "Growth",
          "Data",
          "Freelances",
          "Product",
          "Green Tech",
          "Cloud",
          "E-commerce",
          "Marketing",
          "Open Source",
          "Fintech",
          "Impact",
          "Photo",
          "Cuisine");
  private static final List<String> NETWORKING =
      List.of("Apéro", "Afterwork", "Breakfast", "Speed networking", "Club", "Meetup");
  private static final List<String> BLOGGERS =
      List.of("Blog & Brunch", "Bloggers' night", "Influence lab", "Podcast session");
  private static final List<String> PROMOTIONAL =
      List.of("Launch party", "Demo day", "Showroom", "Open house", "Pitch night");
  private static final List<String> COMMON_INTEREST =
      List.of("Barcamp", "Workshop", "Hack night", "Reading club", "Conference");
  private static final List<String> VENUES =
      List.of(
          "Le Comptoir",
          "La Cantine",
          "Station F",
          "Le Tank",
          "La Ruche",
          "Café des Arts",
          "Maison de l'Entrepreneur",
          "Le Hub",
          "L'Atelier");
  private static final List<String> STREETS =
      List.of(
          "rue de la République",
          "boulevard Voltaire",
          "rue Nationale",
          "quai de la Fosse",
          "place du Commerce",
          "rue Sainte-Catherine",
          "avenue Jean Jaurès");
  private static final List<String> TAGS =
      List.of("tech", "apero", "women", "english", "free-food", "students", "pitch", "remote");
  private static final String[] WEEKDAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

  private final CoreWiring core;
  private final Instant now;
  private final ZoneId zone;

  CatalogGenerator(CoreWiring core, Instant now, ZoneId zone) {
    this.core = core;
    this.now = now;
    this.zone = zone;
  }

  /** The console group id of community {@code index} (1-based). */
  static String groupId(int index) {
    return "c" + index;
  }

  /** Creates the communities and inserts their catalogs, a batch of communities per transaction. */
  void generate(int events, int communities) {
    if (events < communities || communities < 1) {
      throw new IllegalArgumentException("need at least one event per community");
    }
    SplittableRandom random = new SplittableRandom(8L * events + communities);
    List<Event> batch = new ArrayList<>();
    for (int c = 1; c <= communities; c++) {
      Community community =
          core.communities()
              .byGroup(CommunityService.groupKey(Platform.CONSOLE, groupId(c)), "Community " + c);
      int count = events / communities + (c <= events % communities ? 1 : 0);
      String home = random.nextInt(3) == 0 ? "Paris" : pick(random, CITIES);
      for (int i = 0; i < count; i++) {
        String city = random.nextInt(10) < 7 ? home : pick(random, CITIES);
        boolean series = random.nextDouble() < SERIES_SHARE;
        batch.add(series ? series(random, community, city) : single(random, community, city));
      }
      if (batch.size() >= 10_000 || c == communities) {
        core.catalog().addAll(batch);
        batch.clear();
      }
    }
  }

  private Event single(SplittableRandom random, Community community, String city) {
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate day = today.plusDays(random.nextInt(-30, 151));
    return event(random, community, city, day, null);
  }

  private Event series(SplittableRandom random, Community community, String city) {
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate first = today.minusDays(random.nextInt(7, 180));
    String weekday = WEEKDAYS[first.getDayOfWeek().getValue() - 1];
    int kind = random.nextInt(10);
    String rule;
    if (kind < 6) {
      rule = "FREQ=WEEKLY;BYDAY=" + weekday;
    } else if (kind < 8) {
      rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + weekday;
    } else {
      int week = (first.getDayOfMonth() - 1) / 7 + 1;
      int nth = Math.min(week, 4);
      first = first.minusWeeks(week - nth);
      rule = "FREQ=MONTHLY;BYDAY=" + nth + weekday;
    }
    return event(random, community, city, first, rule);
  }

  private Event event(
      SplittableRandom random, Community community, String city, LocalDate day, String rule) {
    Family family = Family.values()[random.nextInt(Family.values().length)];
    boolean barcamp = day.getDayOfWeek() == DayOfWeek.SATURDAY && random.nextInt(3) == 0;
    LocalTime time;
    Duration length;
    if (barcamp) {
      time = LocalTime.of(9, 30);
      length = Duration.ofHours(8);
    } else {
      int moment = random.nextInt(10);
      if (moment < 2) {
        time = LocalTime.of(8, random.nextBoolean() ? 0 : 30);
        length = Duration.ofMinutes(90);
      } else if (moment < 3) {
        time = LocalTime.of(12, 30);
        length = Duration.ofMinutes(90);
      } else {
        time = LocalTime.of(18 + random.nextInt(3), random.nextBoolean() ? 0 : 30);
        length = Duration.ofHours(2 + random.nextInt(2));
      }
    }
    Instant start = ZonedDateTime.of(day, time, zone).toInstant();
    Instant end = start.plus(length);
    String topic = pick(random, TOPICS);
    String title = title(random, family, topic, city);
    int statusDraw = random.nextInt(100);
    EventStatus status =
        statusDraw < 2
            ? EventStatus.CANCELLED
            : statusDraw < 5 ? EventStatus.SUGGESTED : EventStatus.PUBLISHED;
    List<String> tags = new ArrayList<>();
    tags.add(topic.toLowerCase(Locale.ROOT).replace(' ', '-'));
    if (random.nextBoolean()) {
      tags.add(pick(random, TAGS));
    }
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return new Event(
        0,
        community.id(),
        title,
        family,
        Slot.derive(start, end, zone),
        city,
        pick(random, VENUES),
        (1 + random.nextInt(120)) + " " + pick(random, STREETS) + ", " + city,
        start,
        end,
        "Une soirée pour rencontrer la communauté "
            + topic
            + " de "
            + city
            + " : présentations courtes, questions, puis on continue autour d'un verre.",
        random.nextBoolean() ? "https://example.org/" + slug : null,
        random.nextInt(4) == 0 ? null : topic + " " + city,
        tags,
        random.nextInt(3) != 0 ? Admission.FREE : Admission.PAID,
        status,
        "import",
        rule,
        status == EventStatus.SUGGESTED ? "console:member" + random.nextInt(1000) : null,
        now,
        now);
  }

  private static String title(SplittableRandom random, Family family, String topic, String city) {
    String format =
        switch (family) {
          case NETWORKING -> pick(random, NETWORKING);
          case BLOGGERS -> pick(random, BLOGGERS);
          case PROMOTIONAL -> pick(random, PROMOTIONAL);
          case COMMON_INTEREST -> pick(random, COMMON_INTEREST);
        };
    return random.nextBoolean() ? format + " " + topic + " " + city : topic + " " + format;
  }

  private static String pick(SplittableRandom random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }
}
