package org.networkeras.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import picocli.CommandLine;

final class ResolveCommandTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String stdin, String... args) {
    ResolveCommand command =
        new ResolveCommand(CLOCK, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    return line.execute(args);
  }

  private List<String> lines() {
    return out.toString().lines().toList();
  }

  @Test
  void printsTheRangeOfAPhraseWithOffsets() {
    // given / when
    int status = run("", "--now", "2026-11-28T11:00", "--zone", "Europe/Paris", "ce", "soir");
    // then
    assertThat(status).isZero();
    assertThat(lines()).containsExactly("2026-11-28T18:00+01:00\t2026-11-29T00:00+01:00");
  }

  @Test
  void printsAnInstantTwiceWhenAskedForAnInstant() {
    // given / when
    int status = run("", "--now", "2026-11-28T11:00", "--instant", "jeudi", "19h30");
    // then
    assertThat(status).isZero();
    assertThat(lines()).containsExactly("2026-12-03T19:30+01:00\t2026-12-03T19:30+01:00");
  }

  @Test
  void acceptsAnOffsetDateTimeAsNowAndDefaultsToParis() {
    // given / when
    run("", "--now", "2026-11-28T10:00Z", "tomorrow at 7pm");
    // then
    assertThat(lines()).containsExactly("2026-11-29T19:00+01:00\t2026-11-29T20:00+01:00");
  }

  @Test
  void usesTheClockWhenNowIsAbsent() {
    // given / when
    run("", "--zone", "Asia/Tokyo", "today");
    // then: the clock says 19:00 in Tokyo
    assertThat(lines()).containsExactly("2026-11-28T19:00+09:00\t2026-11-29T00:00+09:00");
  }

  @Test
  void printsARefusalInEnglishAndFailsTheExitStatus() {
    // given / when
    int status = run("", "--now", "2026-11-28T11:00", "smaedi");
    // then
    assertThat(status).isEqualTo(1);
    assertThat(lines()).singleElement().asString().startsWith("ERROR\t").contains("\"samedi\"");
  }

  @Test
  void answersEveryBatchLineInOrderAndSurvivesMalformedOnes() {
    // given
    String stdin =
        String.join(
            "\n",
            "2026-11-28T11:00\tEurope/Paris\trange\tthis weekend",
            "not a line",
            "2026-11-28T11:00\tMars/Olympus\trange\ttoday",
            "yesterday-ish\tEurope/Paris\trange\ttoday",
            "2026-03-28T20:00\tEurope/Paris\tinstant\tdemain 2h30",
            "2026-11-28T11:00\tEurope/Paris\tinstant\tsamedi",
            "2026-11-04T09:15\tAmerica/New_York\trange\ttonight",
            "2026-11-28T11:00\tEurope/Paris\tsometime\ttoday",
            "");
    // when
    int status = run(stdin, "--batch");
    // then
    assertThat(status).isZero();
    assertThat(lines())
        .hasSize(8)
        .satisfiesExactly(
            l -> assertThat(l).isEqualTo("2026-11-28T11:00+01:00\t2026-11-30T00:00+01:00"),
            l -> assertThat(l).startsWith("ERROR\tEach line must be"),
            l -> assertThat(l).startsWith("ERROR\t\"Mars/Olympus\" is not a time zone"),
            l -> assertThat(l).startsWith("ERROR\t\"yesterday-ish\" is not a date-time"),
            l -> assertThat(l).isEqualTo("2026-03-29T03:30+02:00\t2026-03-29T03:30+02:00"),
            l -> assertThat(l).startsWith("ERROR\t\"samedi\" names a day but not a time"),
            l -> assertThat(l).isEqualTo("2026-11-04T18:00-05:00\t2026-11-05T00:00-05:00"),
            l -> assertThat(l).startsWith("ERROR\tEach line must be"));
  }

  @Test
  void theToolMessagesExistInBothLanguages() {
    // given
    Messages messages = Messages.load();
    // when / then
    for (Language language : Language.values()) {
      assertThat(List.of("time.cli.bad-line", "time.cli.bad-zone", "time.cli.bad-now"))
          .allSatisfy(key -> assertThat(messages.has(language, key)).isTrue());
    }
  }

  @Test
  void declaresItselfAsTheResolveCommand() {
    // given / when
    CommandLine line = new CommandLine(new ResolveCommand());
    // then
    assertThat(line.getCommandName()).isEqualTo("resolve");
    assertThat(line.getCommandSpec().usageMessage().description()).isNotEmpty();
  }
}
