package org.networkeras.imports;

import java.io.IOException;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandler;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.data.UnfoldingReader;

/**
 * Reads the {@code VEVENT}s of an iCalendar file into {@link Entry entries}, with ical4j's parser
 * (folded lines joined, a broken line reported by its number). Times are read as the file states
 * them: UTC ({@code Z}), a {@code TZID} (an Olson id, possibly behind a prefix such as {@code
 * /mozilla.org/…/}, or a Windows name such as {@code Romance Standard Time}), floating (in the
 * community's zone), or a whole day ({@code VALUE=DATE}). Thread-safe.
 */
final class FeedReader {

  /** One {@code VEVENT}, read. */
  record Entry(
      String uid,
      LocalDate recurrenceDate,
      String title,
      Instant start,
      Instant end,
      boolean allDay,
      String location,
      String description,
      String url,
      String rule,
      List<Instant> exceptionDates,
      boolean cancelled) {}

  /** A file that could not be read: the line where it broke, and what was wrong. */
  static final class Malformed extends Exception {
    private final int line;

    Malformed(int line, String what) {
      super(what);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  /** A file with more entries than allowed. */
  static final class TooMany extends Exception {
    TooMany() {
      super("too many events");
    }
  }

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private FeedReader() {}

  /** Reads every {@code VEVENT} of {@code text}; floating times are in {@code zone}. */
  static List<Entry> read(String text, ZoneId zone, int maxEvents) throws Malformed, TooMany {
    Collector collector = new Collector();
    UnfoldingReader reader = new UnfoldingReader(new StringReader(text), true);
    try {
      new CalendarParserImpl().parse(reader, collector);
    } catch (ParserException broken) {
      throw new Malformed(broken.getLineNo(), broken.getMessage());
    } catch (IOException | RuntimeException broken) {
      throw new Malformed(reader.getLinesUnfolded() + 1, String.valueOf(broken.getMessage()));
    }
    if (!collector.calendar) {
      throw new Malformed(1, "no VCALENDAR");
    }
    if (collector.events.size() > maxEvents) {
      throw new TooMany();
    }
    List<Entry> entries = new ArrayList<>();
    for (Map<String, List<Value>> event : collector.events) {
      Entry entry = entry(event, zone);
      if (entry != null) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /** A property's value with its parameters. */
  private record Value(String text, Map<String, String> parameters) {
    String parameter(String name) {
      return parameters.get(name);
    }
  }

  private static Entry entry(Map<String, List<Value>> event, ZoneId zone) {
    Value uid = first(event, "UID");
    Value start = first(event, "DTSTART");
    Value summary = first(event, "SUMMARY");
    if (uid == null || start == null || summary == null) {
      return null;
    }
    try {
      boolean allDay = isDate(start);
      Instant from = instant(start, zone);
      Value endValue = first(event, "DTEND");
      Value duration = first(event, "DURATION");
      Instant to;
      if (endValue != null) {
        to = instant(endValue, zone);
      } else if (duration != null) {
        to = from.plus(duration(duration.text().strip()));
      } else {
        to = allDay ? from.plus(Duration.ofDays(1)) : from.plus(Duration.ofHours(2));
      }
      if (!to.isAfter(from)) {
        to = from.plus(allDay ? Duration.ofDays(1) : Duration.ofHours(2));
      }
      Value recurrenceId = first(event, "RECURRENCE-ID");
      LocalDate recurrenceDate =
          recurrenceId == null ? null : instant(recurrenceId, zone).atZone(zone).toLocalDate();
      List<Instant> exceptions = new ArrayList<>();
      for (Value exdate : event.getOrDefault("EXDATE", List.of())) {
        for (String one : exdate.text().split(",")) {
          exceptions.add(instant(new Value(one.strip(), exdate.parameters()), zone));
        }
      }
      Value rule = first(event, "RRULE");
      Value status = first(event, "STATUS");
      return new Entry(
          text(uid),
          recurrenceDate,
          text(summary),
          from,
          to,
          allDay,
          text(first(event, "LOCATION")),
          text(first(event, "DESCRIPTION")),
          text(first(event, "URL")),
          rule == null ? null : rule.text().strip(),
          List.copyOf(exceptions),
          status != null && status.text().strip().equalsIgnoreCase("CANCELLED"));
    } catch (DateTimeException | IllegalArgumentException unreadable) {
      return null;
    }
  }

  /** An RFC 5545 duration ({@code PT2H}, {@code P1D}, {@code P1W}). */
  private static Duration duration(String text) {
    if (text.matches("P\\d+W")) {
      return Duration.ofDays(7L * Long.parseLong(text.substring(1, text.length() - 1)));
    }
    return Duration.parse(text);
  }

  private static boolean isDate(Value value) {
    return "DATE".equalsIgnoreCase(value.parameter("VALUE")) || value.text().strip().length() == 8;
  }

  /** The instant a date or date-time names; a whole day starts at midnight in {@code zone}. */
  static Instant instant(Value value, ZoneId zone) {
    String text = value.text().strip();
    if (text.length() == 8) {
      return LocalDate.parse(text, DATE).atStartOfDay(zone).toInstant();
    }
    if (text.endsWith("Z") || text.endsWith("z")) {
      return LocalDateTime.parse(text.substring(0, text.length() - 1), DATE_TIME)
          .toInstant(ZoneOffset.UTC);
    }
    String tzid = value.parameter("TZID");
    ZoneId in = tzid == null ? zone : zone(tzid, zone);
    return LocalDateTime.parse(text, DATE_TIME).atZone(in).toInstant();
  }

  /**
   * The zone a {@code TZID} names: an Olson id (behind any prefix), a Windows name, or else {@code
   * fallback}.
   */
  static ZoneId zone(String tzid, ZoneId fallback) {
    String id = tzid.strip();
    if (id.startsWith("\"") && id.endsWith("\"") && id.length() > 1) {
      id = id.substring(1, id.length() - 1);
    }
    for (String candidate : candidates(id)) {
      try {
        return ZoneId.of(candidate);
      } catch (DateTimeException notThis) {
        // the next one
      }
    }
    String windows = com.ibm.icu.util.TimeZone.getIDForWindowsID(id, null);
    if (windows != null) {
      return ZoneId.of(windows);
    }
    return fallback;
  }

  /** {@code id}, and its tails that may be an Olson id ({@code /mozilla.org/…/Europe/Paris}). */
  private static List<String> candidates(String id) {
    List<String> candidates = new ArrayList<>();
    candidates.add(id);
    String[] parts = id.split("/");
    for (int i = 1; i < parts.length; i++) {
      candidates.add(String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length)));
    }
    return candidates;
  }

  private static Value first(Map<String, List<Value>> event, String name) {
    List<Value> values = event.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A TEXT value unescaped ({@code \,} {@code \;} {@code \n} {@code \\}), or {@code null}. */
  private static String text(Value value) {
    if (value == null) {
      return null;
    }
    String raw = value.text();
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        char next = raw.charAt(++i);
        out.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    String text = out.toString().strip();
    return text.isEmpty() ? null : text;
  }

  /** Gathers the properties of each {@code VEVENT} (not of its alarms), as text. */
  private static final class Collector implements ContentHandler {
    private final List<Map<String, List<Value>>> events = new ArrayList<>();
    private Map<String, List<Value>> current;
    private int depth;
    private boolean calendar;
    private String property;
    private String value;
    private Map<String, String> parameters;

    @Override
    public void startCalendar() {
      calendar = true;
    }

    @Override
    public void endCalendar() {}

    @Override
    public void startComponent(String name) {
      if (current != null) {
        depth++;
      } else if ("VEVENT".equalsIgnoreCase(name)) {
        current = new HashMap<>();
        depth = 0;
      }
    }

    @Override
    public void endComponent(String name) {
      if (current == null) {
        return;
      }
      if (depth > 0) {
        depth--;
        return;
      }
      events.add(current);
      current = null;
    }

    @Override
    public void startProperty(String name) {
      property = name.toUpperCase(Locale.ROOT);
      value = null;
      parameters = new HashMap<>();
    }

    @Override
    public void propertyValue(String text) {
      value = text;
    }

    @Override
    public void parameter(String name, String text) {
      parameters.put(name.toUpperCase(Locale.ROOT), text);
    }

    @Override
    public void endProperty(String name) {
      if (current != null && depth == 0 && value != null) {
        current.computeIfAbsent(property, k -> new ArrayList<>()).add(new Value(value, parameters));
      }
    }
  }
}
