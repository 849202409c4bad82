package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.Recurrences;
import org.networkeras.command.CommandException;
import org.networkeras.testing.Events;

/**
 * One line of a Part 2 table: {@code NOW<TAB>ZONE<TAB>KIND<TAB>PHRASE<TAB>answer…}, the answer as
 * {@code resolve --batch} prints it ({@code START<TAB>END}; an event's END empty when none is
 * stated; a repeat's first starts then {@code RRULE:…}; {@code ERROR} for a refusal).
 */
record TableCase(
    int line, String now, String zone, String kind, String phrase, List<String> expected) {

  static List<TableCase> read(String resource) throws IOException {
    List<TableCase> cases = new ArrayList<>();
    try (InputStream in = TableCase.class.getResourceAsStream(resource);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        List<String> answer = new ArrayList<>(Arrays.asList(fields).subList(4, fields.length));
        if (!fields[2].equals("event")) {
          answer.removeIf(String::isEmpty);
        } else if (answer.size() == 1) {
          answer.add("");
        }
        cases.add(new TableCase(number, fields[0], fields[1], fields[2], fields[3], answer));
      }
    }
    return cases;
  }

  String key() {
    return now + "|" + zone + "|" + kind + "|" + phrase;
  }

  boolean refused() {
    return expected.get(0).equals("ERROR");
  }

  /** The message key a refusal must have, or null when the table only says it is refused. */
  String refusalKey() {
    return refused() && expected.size() > 1 && !expected.get(1).isEmpty() ? expected.get(1) : null;
  }

  ZoneId zoneId() {
    return ZoneId.of(zone);
  }

  TimePhraseResolver resolver() {
    Instant at = LocalDateTime.parse(now).atZone(zoneId()).toInstant();
    return new TimePhraseResolver(Clock.fixed(at, zoneId()));
  }

  /** What the resolver answers, as {@code resolve --batch} fields. */
  List<String> answer(TimePhraseResolver resolver) {
    ZoneId zoneId = zoneId();
    return switch (kind) {
      case "range" -> {
        TimeRange range = resolver.range(phrase, zoneId);
        yield List.of(iso(range.start()), iso(range.end()));
      }
      case "instant" -> {
        String start = iso(resolver.instant(phrase, zoneId));
        yield List.of(start, start);
      }
      case "event" -> {
        EventTime event = resolver.event(phrase, zoneId);
        yield List.of(iso(event.start()), event.end() == null ? "" : iso(event.end()));
      }
      case "repeat" -> {
        EventTime event = resolver.repeat(phrase, zoneId);
        List<String> fields = new ArrayList<>();
        event.firstStarts().forEach(start -> fields.add(iso(start)));
        fields.add("RRULE:" + event.recurrence());
        yield fields;
      }
      default -> throw new IllegalArgumentException("kind " + kind + " on line " + line);
    };
  }

  /**
   * Resolves the phrase and checks the answer (a repeat's also as the catalog expands the series it
   * stores), or the refusal and its key when one is given.
   */
  void assertResolvedAsTheTableSays() {
    TimePhraseResolver resolver = resolver();
    if (refused()) {
      assertThatThrownBy(() -> answer(resolver))
          .isInstanceOfSatisfying(
              CommandException.class,
              refusal -> {
                if (refusalKey() != null) {
                  assertThat(refusal.messageKey()).as("%s", this).isEqualTo(refusalKey());
                }
              });
      return;
    }
    assertMatches(answer(resolver));
    if (kind.equals("repeat")) {
      assertExpandsTo(resolver.repeat(phrase, zoneId()), expected.subList(0, expected.size() - 1));
    }
  }

  /** Checks an answer: instants by their offset date-time, rules by meaning. */
  void assertMatches(List<String> answer) {
    assertThat(answer).as("answer fields of %s", this).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      String want = expected.get(i);
      String got = answer.get(i);
      if (want.startsWith("RRULE:")) {
        assertThat(RuleText.meaning(got)).as("rule of %s", this).isEqualTo(RuleText.meaning(want));
      } else if (want.isEmpty()) {
        assertThat(got).as("field %d of %s", i, this).isEmpty();
      } else {
        assertThat(OffsetDateTime.parse(got))
            .as("field %d of %s", i, this)
            .isEqualTo(OffsetDateTime.parse(want));
      }
    }
  }

  /**
   * The catalog expands the rule as it stores a series from this phrase ({@link
   * Recurrences#seeded}, then {@link Recurrences#between}) into the same starts: the wall-clock
   * time said is kept on every date, and only a date in the spring gap moves (02:30 → 03:30), also
   * when the first date is the one in the gap.
   */
  private void assertExpandsTo(EventTime event, List<String> starts) {
    ZoneId zoneId = zoneId();
    String stored = Recurrences.seeded(event.recurrence(), event.start(), event.wallTime(), zoneId);
    Instant first = event.start();
    Event series = Events.series("table series", first, stored);
    List<String> expanded =
        RECURRENCES
            .between(series, zoneId, first, first.atZone(zoneId).plusYears(3).toInstant())
            .stream()
            .limit(starts.size())
            .map(occurrence -> iso(occurrence.start()))
            .toList();
    assertThat(expanded).as("the stored series %s for %s", stored, this).isEqualTo(starts);
  }

  private static final Recurrences RECURRENCES = new Recurrences();

  private String iso(Instant instant) {
    return instant.atZone(zoneId()).toOffsetDateTime().toString();
  }

  @Override
  public String toString() {
    return "line " + line + ": " + now + " " + zone + " " + kind + " \"" + phrase + "\"";
  }
}
