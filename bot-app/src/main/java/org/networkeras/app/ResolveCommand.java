package org.networkeras.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.networkeras.command.CommandException;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.time.EventTime;
import org.networkeras.time.TimePhraseResolver;
import org.networkeras.time.TimeRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code resolve}: shows what the bot understands of a time phrase, for people and for scripts.
 * Answers in ISO-8601 with the zone's offset ({@code 2026-11-28T18:00+01:00}), by kind: {@code
 * range} {@code START<TAB>END}; {@code instant} {@code START<TAB>START}; {@code event} {@code
 * START<TAB>END} with END empty when the phrase states no end; {@code repeat} the first starts (up
 * to four) then {@code RRULE:…}, tab-separated; a refusal {@code ERROR<TAB>message} with the
 * English message a member would read. With {@code --batch} it answers, in order, one line per
 * input line {@code NOW<TAB>ZONE<TAB>KIND<TAB>PHRASE}; a malformed line gets an {@code ERROR} line
 * and the batch goes on.
 *
 * <p>Exit code: 0 when the phrase resolved (and always after a batch), 1 for an {@code ERROR}
 * answer, 2 for a usage error (picocli's).
 */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Resolves an English or French time phrase as the bot would, against a given now and zone.",
      "Prints START<TAB>END (ISO-8601 with offset; END = START for an instant, empty for an event"
          + " with no stated end), the first starts then RRULE:… for a repeat, or ERROR<TAB>message."
    })
public final class ResolveCommand implements Callable<Integer> {

  static final String ERROR = "ERROR";
  static final String BAD_LINE = "time.resolve.badLine";
  static final String BAD_NOW = "time.resolve.badNow";
  static final String BAD_ZONE = "time.resolve.badZone";
  static final String BAD_KIND = "time.resolve.badKind";
  private static final String RANGE = "range";
  private static final String INSTANT = "instant";
  private static final String EVENT = "event";
  private static final String REPEAT = "repeat";
  private static final List<String> KINDS = List.of(RANGE, INSTANT, EVENT, REPEAT);

  @Option(
      names = "--now",
      paramLabel = "DATE-TIME",
      description =
          "Now: a local date-time in the zone (2026-11-28T11:00) or with an offset"
              + " (2026-11-28T11:00+01:00). Default: the current time.")
  private String now;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "Europe/Paris",
      description = "The community's time zone. Default: ${DEFAULT-VALUE}.")
  private String zone;

  @Option(names = "--instant", description = "Resolve an event start: the same as --kind instant.")
  private boolean instant;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "What to resolve: range (default), instant, event or repeat.")
  private String kind;

  @Option(
      names = "--batch",
      description =
          "Read lines NOW<TAB>ZONE<TAB>KIND<TAB>PHRASE from standard input;"
              + " answer each on one line, in order.")
  private boolean batch;

  @Parameters(
      paramLabel = "PHRASE",
      arity = "0..*",
      description = "The phrase, in one or more words.")
  private List<String> words = new ArrayList<>();

  @Spec private CommandSpec spec;

  private final InputStream in;
  private final Clock clock;
  private final Messages messages = Messages.load();

  /** Reads batches from standard input; now defaults to the system clock. */
  public ResolveCommand() {
    this(System.in, Clock.systemUTC());
  }

  /**
   * @param in where {@code --batch} reads its lines (UTF-8)
   * @param clock now when {@code --now} is not given
   */
  public ResolveCommand(InputStream in, Clock clock) {
    this.in = Objects.requireNonNull(in, "in");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (batch) {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        out.println(answerLine(line));
      }
      out.flush();
      return 0;
    }
    String chosen = kind != null ? kind.strip() : instant ? INSTANT : RANGE;
    String answer = answer(now, zone, chosen, String.join(" ", words));
    out.println(answer);
    out.flush();
    return answer.startsWith(ERROR + "\t") ? 1 : 0;
  }

  /** The answer to one batch line; never throws. */
  private String answerLine(String line) {
    String[] fields = line.split("\t", 4);
    if (fields.length < 4) {
      return error(BAD_LINE);
    }
    try {
      return answer(fields[0], fields[1], fields[2].strip(), fields[3]);
    } catch (RuntimeException unexpected) {
      return error("error.generic");
    }
  }

  /** {@code START<TAB>END} or {@code ERROR<TAB>message}; {@code nowText} null means the clock. */
  private String answer(String nowText, String zoneText, String kind, String phrase) {
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zoneText.strip());
    } catch (DateTimeException e) {
      return error(BAD_ZONE, printable(zoneText));
    }
    Instant nowInstant = nowText == null ? clock.instant() : parseNow(nowText.strip(), zoneId);
    if (nowInstant == null) {
      return error(BAD_NOW, printable(nowText));
    }
    if (!KINDS.contains(kind)) {
      return error(BAD_KIND, printable(kind));
    }
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(nowInstant, zoneId));
    try {
      switch (kind) {
        case INSTANT -> {
          String start = iso(resolver.instant(phrase, zoneId), zoneId);
          return start + "\t" + start;
        }
        case EVENT -> {
          EventTime event = resolver.event(phrase, zoneId);
          return iso(event.start(), zoneId)
              + "\t"
              + (event.end() == null ? "" : iso(event.end(), zoneId));
        }
        case REPEAT -> {
          EventTime event = resolver.repeat(phrase, zoneId);
          StringBuilder line = new StringBuilder();
          for (Instant start : event.firstStarts()) {
            line.append(iso(start, zoneId)).append('\t');
          }
          return line.append("RRULE:").append(event.recurrence()).toString();
        }
        default -> {
          TimeRange range = resolver.range(phrase, zoneId);
          return iso(range.start(), zoneId) + "\t" + iso(range.end(), zoneId);
        }
      }
    } catch (CommandException refused) {
      return error(refused.messageKey(), refused.arguments());
    }
  }

  /** A local date-time in the zone, or a date-time with an offset or a zone; null if neither. */
  private static Instant parseNow(String text, ZoneId zoneId) {
    try {
      return LocalDateTime.parse(text).atZone(zoneId).toInstant();
    } catch (DateTimeException notLocal) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeException notOffset) {
        try {
          return ZonedDateTime.parse(text).toInstant();
        } catch (DateTimeException notZoned) {
          return null;
        }
      }
    }
  }

  private static String iso(Instant instant, ZoneId zoneId) {
    return instant.atZone(zoneId).toOffsetDateTime().toString();
  }

  private String error(String key, Object... arguments) {
    return ERROR + "\t" + printable(messages.get(Language.EN, key, arguments));
  }

  /** Keeps an answer on one line: tabs, line breaks and other control characters become spaces. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString();
  }
}
