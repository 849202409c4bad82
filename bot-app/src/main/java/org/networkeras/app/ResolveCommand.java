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
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.networkeras.command.CommandException;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.networkeras.time.TimePhraseResolver;
import org.networkeras.time.TimeRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code resolve}: shows what the bot understands of a time phrase, as {@code START<TAB>END} in
 * ISO-8601 with offsets (END equals START for an instant) or {@code ERROR<TAB>message} in English.
 * With {@code --batch}, reads lines {@code NOW<TAB>ZONE<TAB>range|instant<TAB>PHRASE} from standard
 * input and answers each with one line, in order; a malformed line gets an {@code ERROR} line and
 * the batch goes on. Output goes to the command line's {@code out} writer, so tests can capture it.
 */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description =
        "Resolves an English or French time phrase into a range, or an instant with --instant,"
            + " as the bot would for a community in the given zone.")
public final class ResolveCommand implements Callable<Integer> {

  private static final String ERROR = "ERROR\t";

  @Spec private CommandSpec spec;

  @Option(
      names = "--now",
      paramLabel = "DATE-TIME",
      description =
          "Now, as a local date-time in the zone (2026-11-28T11:00) or an ISO offset date-time;"
              + " default: the clock.")
  private String now;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "Europe/Paris",
      description = "The community's time zone (default: ${DEFAULT-VALUE}).")
  private String zone;

  @Option(names = "--instant", description = "Resolve an instant (an event start), not a range.")
  private boolean instant;

  @Option(
      names = "--batch",
      description = "Read NOW<TAB>ZONE<TAB>range|instant<TAB>PHRASE lines from standard input.")
  private boolean batch;

  @Parameters(paramLabel = "PHRASE", arity = "0..*", description = "The phrase, e.g. ce soir.")
  private List<String> phrase = List.of();

  private final Clock clock;
  private final InputStream in;
  private final Messages messages = Messages.load();

  /** Reads the system clock and standard input. */
  public ResolveCommand() {
    this(Clock.systemUTC(), System.in);
  }

  /**
   * @param clock now when {@code --now} is absent
   * @param in the batch input
   */
  public ResolveCommand(Clock clock, InputStream in) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.in = Objects.requireNonNull(in, "in");
  }

  /** Returns 0 when every answer was printed, 1 when the single phrase was refused. */
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
    String answer = answer(now, zone, instant, String.join(" ", phrase));
    out.println(answer);
    out.flush();
    return answer.startsWith(ERROR) ? 1 : 0;
  }

  private String answerLine(String line) {
    String[] fields = line.split("\t", 4);
    if (fields.length != 4 || !(fields[2].equals("range") || fields[2].equals("instant"))) {
      return ERROR + english("time.cli.bad-line");
    }
    return answer(fields[0], fields[1], fields[2].equals("instant"), fields[3]);
  }

  private String answer(String nowText, String zoneText, boolean wantInstant, String text) {
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zoneText.strip());
    } catch (DateTimeException e) {
      return ERROR + english("time.cli.bad-zone", zoneText);
    }
    Instant at;
    try {
      at = nowText == null ? clock.instant() : parseNow(nowText.strip(), zoneId);
    } catch (DateTimeException e) {
      return ERROR + english("time.cli.bad-now", nowText);
    }
    TimePhraseResolver resolver = new TimePhraseResolver(Clock.fixed(at, zoneId));
    try {
      if (wantInstant) {
        String start = iso(resolver.instant(text, zoneId), zoneId);
        return start + '\t' + start;
      }
      TimeRange range = resolver.range(text, zoneId);
      return iso(range.start(), zoneId) + '\t' + iso(range.end(), zoneId);
    } catch (CommandException e) {
      return ERROR + english(e.messageKey(), e.arguments());
    }
  }

  private static Instant parseNow(String text, ZoneId zone) {
    try {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeException local) {
      return OffsetDateTime.parse(text).toInstant();
    }
  }

  private static String iso(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime().toString();
  }

  /** One line of English: tabs and line breaks in quoted input would break the format. */
  private String english(String key, Object... arguments) {
    return messages.get(Language.EN, key, arguments).replace('\t', ' ').replace('\n', ' ');
  }
}
