package org.networkeras.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import picocli.CommandLine;

final class ResolveCommandTest {

  private static final Clock SATURDAY_MORNING =
      Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void printsTheRangeOfAPhraseInIsoWithTheZoneOffset() {
    // when
    int exit = run("", "--now", "2026-11-28T11:00", "--zone", "Europe/Paris", "ce", "soir");

    // then
    assertThat(exit).isZero();
    assertThat(out).hasToString("2026-11-28T18:00+01:00\t2026-11-29T00:00+01:00\n");
  }

  @Test
  void printsAnInstantAsStartAndEqualEnd() {
    // when
    int exit = run("", "--now", "2026-11-28T11:00", "--instant", "jeudi 19h30");

    // then
    assertThat(exit).isZero();
    assertThat(out).hasToString("2026-12-03T19:30+01:00\t2026-12-03T19:30+01:00\n");
  }

  @Test
  void readsNowWithAnOffsetAndAnswersInTheGivenZone() {
    // when
    int exit =
        run(
            "",
            "--now",
            "2026-11-28T16:00Z",
            "--zone",
            "America/New_York",
            "tomorrow",
            "at",
            "7pm");

    // then
    assertThat(exit).isZero();
    assertThat(out).hasToString("2026-11-29T19:00-05:00\t2026-11-29T20:00-05:00\n");
  }

  @Test
  void usesTheClockAndParisWhenNowAndZoneAreNotGiven() {
    // when
    int exit = run("", "demain");

    // then
    assertThat(exit).isZero();
    assertThat(out).hasToString("2026-11-29T00:00+01:00\t2026-11-30T00:00+01:00\n");
  }

  @Test
  void printsTheEnglishRefusalWhenThePhraseIsNotUnderstood() {
    // when
    int exit = run("", "--now", "2026-11-28T11:00", "smaedi", "soir");

    // then
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .startsWith("ERROR\tI did not understand “smaedi” in “smaedi soir”.")
        .contains("“samedi”")
        .endsWith("\n");
  }

  @Test
  void answersABatchLineByLineInOrderAndGoesOnAfterBadLines() {
    // given
    String input =
        String.join(
            "\n",
            "2026-11-28T11:00\tEurope/Paris\trange\tce week-end",
            "not enough fields",
            "2026-11-28T11:00\tMars/Olympus\trange\tce soir",
            "yesterday-ish\tEurope/Paris\trange\tce soir",
            "2026-11-28T11:00\tEurope/Paris\tmaybe\tce soir",
            "2026-11-28T11:00\tEurope/Paris\tinstant\tdemain",
            "2026-11-28T11:00\tEurope/Paris\trange\t",
            "2026-11-28T11:00+01:00\tAsia/Tokyo\tinstant\tdemain 19h",
            "2026-03-28T20:00\tEurope/Paris\tinstant\tin 24 hours");

    // when
    int exit = run(input, "--batch");

    // then
    assertThat(exit).isZero();
    assertThat(out.toString().split("\n", -1))
        .containsExactly(
            "2026-11-28T11:00+01:00\t2026-11-30T00:00+01:00",
            "ERROR\tExpected four fields separated by tabs: NOW, ZONE, KIND (range, instant, event or"
                + " repeat), PHRASE.",
            "ERROR\t“Mars/Olympus” is not a time zone such as Europe/Paris.",
            "ERROR\t“yesterday-ish” is not a date-time such as 2026-11-28T11:00 or"
                + " 2026-11-28T11:00+01:00.",
            "ERROR\t“maybe” is not one of range, instant, event or repeat.",
            "ERROR\t“demain” does not say at what time. Add one, for example “saturday 7pm” or"
                + " “tomorrow at 18:30”.",
            "ERROR\tTell me when: for example “tomorrow 7pm” or “this weekend”.",
            "2026-11-29T19:00+09:00\t2026-11-29T19:00+09:00",
            "2026-03-29T21:00+02:00\t2026-03-29T21:00+02:00",
            "");
  }

  @Test
  void printsAnEventWithItsEndOrAnEmptyEnd() {
    // when
    int exit =
        run(
            "",
            "--now",
            "2026-11-28T11:00",
            "--kind",
            "event",
            "jeudi",
            "3/12",
            "de",
            "19h",
            "à",
            "22h");

    // then
    assertThat(exit).isZero();
    assertThat(out).hasToString("2026-12-03T19:00+01:00\t2026-12-03T22:00+01:00\n");
  }

  @Test
  void printsTheFirstFourStartsOfARepeatThenItsRule() {
    // when
    int exit = run("", "--now", "2026-11-28T11:00", "--kind", "repeat", "un jeudi sur deux à 19h");

    // then
    assertThat(exit).isZero();
    assertThat(out)
        .hasToString(
            "2026-12-03T19:00+01:00\t2026-12-17T19:00+01:00\t2026-12-31T19:00+01:00\t"
                + "2027-01-14T19:00+01:00\tRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH\n");
  }

  @Test
  void answersTheFourKindsInABatch() {
    // given
    String input =
        String.join(
            "\n",
            "2026-11-28T11:00\tEurope/Paris\tevent\tsamedi 19h",
            "2026-11-28T11:00\tEurope/Paris\tevent\tdu vendredi 18h au dimanche 17h",
            "2026-11-28T11:00\tEurope/Paris\trange\tdu 5 au 7 décembre",
            "2026-11-28T11:00\tEurope/Paris\tinstant\tdemain 19h",
            "2026-11-28T11:00\tEurope/Paris\trepeat\tevery Thursday at 7pm 2 times",
            "2026-11-28T11:00\tEurope/Paris\trepeat\tsamedi 19h",
            "2026-11-28T11:00\tEurope/Paris\trepeat\tevery 3 hours");

    // when
    int exit = run(input, "--batch");

    // then
    assertThat(exit).isZero();
    assertThat(out.toString().split("\n", -1))
        .containsExactly(
            "2026-11-28T19:00+01:00\t",
            "2026-12-04T18:00+01:00\t2026-12-06T17:00+01:00",
            "2026-12-05T00:00+01:00\t2026-12-08T00:00+01:00",
            "2026-11-29T19:00+01:00\t2026-11-29T19:00+01:00",
            "2026-12-03T19:00+01:00\t2026-12-10T19:00+01:00\tRRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=2",
            "ERROR\t“samedi 19h” happens once. For a repeat say for example “every Thursday at 7pm”"
                + " or “every other Friday at 8pm”.",
            "ERROR\tI cannot turn “every 3 hours” into dates clearly. Try for example “every other"
                + " Thursday at 7pm” or “on the 15th of every month at 7pm”.",
            "");
  }

  @Test
  void answersEachKindForASinglePhraseAsTheIssueSpecifies() {
    // when / then: range, instant, an event (10:00 is past on Saturday 11:00: next Saturday),
    // an event without an end, four starts then the rule
    assertThat(single("range", "until", "Friday"))
        .isEqualTo("2026-11-28T11:00+01:00\t2026-12-05T00:00+01:00\n");
    assertThat(single("instant", "samedi", "19h"))
        .isEqualTo("2026-11-28T19:00+01:00\t2026-11-28T19:00+01:00\n");
    assertThat(single("event", "samedi", "10h-18h"))
        .isEqualTo("2026-12-05T10:00+01:00\t2026-12-05T18:00+01:00\n");
    assertThat(single("event", "jeudi", "3/12", "19h")).isEqualTo("2026-12-03T19:00+01:00\t\n");
    assertThat(single("repeat", "tous", "les", "premiers", "mardis", "du", "mois", "à", "8h30"))
        .isEqualTo(
            "2026-12-01T08:30+01:00\t2027-01-05T08:30+01:00\t2027-02-02T08:30+01:00\t"
                + "2027-03-02T08:30+01:00\tRRULE:FREQ=MONTHLY;BYDAY=1TU\n");
  }

  @Test
  void aRefusedSinglePhraseIsOneErrorLineThatNamesThePhraseAndOffersAPhrasing() {
    // when
    String refused = single("repeat", "every", "3", "hours");

    // then
    assertThat(refused)
        .startsWith("ERROR\t")
        .contains("“every 3 hours”")
        .contains("for example")
        .endsWith("\n");
    assertThat(refused.lines()).hasSize(1);
  }

  @Test
  void aRepeatOverTheSpringChangeKeepsItsWallClockTimeInABatch() {
    // given: Paris on the eve of the 2027 spring change, New York before its own
    String input =
        String.join(
            "\n",
            "2027-03-27T23:00\tEurope/Paris\trepeat\tevery Sunday at 2:30am",
            "2027-03-06T12:00\tAmerica/New_York\trepeat\ttous les dimanches à 2h30");

    // when
    int exit = run(input, "--batch");

    // then: only the date in the gap moves forward by the gap
    assertThat(exit).isZero();
    assertThat(out.toString().split("\n", -1))
        .containsExactly(
            "2027-03-28T03:30+02:00\t2027-04-04T02:30+02:00\t2027-04-11T02:30+02:00\t"
                + "2027-04-18T02:30+02:00\tRRULE:FREQ=WEEKLY;BYDAY=SU",
            "2027-03-07T02:30-05:00\t2027-03-14T03:30-04:00\t2027-03-21T02:30-04:00\t"
                + "2027-03-28T02:30-04:00\tRRULE:FREQ=WEEKLY;BYDAY=SU",
            "");
  }

  /** {@code resolve --now 2026-11-28T11:00 --zone Europe/Paris --kind KIND PHRASE…}. */
  private String single(String kind, String... phrase) {
    StringWriter before = new StringWriter();
    before.append(out.toString());
    String[] args = new String[6 + phrase.length];
    args[0] = "--now";
    args[1] = "2026-11-28T11:00";
    args[2] = "--zone";
    args[3] = "Europe/Paris";
    args[4] = "--kind";
    args[5] = kind;
    System.arraycopy(phrase, 0, args, 6, phrase.length);
    run("", args);
    return out.toString().substring(before.toString().length());
  }

  @Test
  void keepsEveryAnswerOnOneLine() {
    // given
    String input = "2026-11-28T11:00\tEurope/Paris\trange\tdemain\tblorft\r\n";

    // when
    run(input, "--batch");

    // then
    assertThat(out.toString().split("\n")).hasSize(1);
    assertThat(out.toString())
        .startsWith("ERROR\tI did not understand “blorft” in “demain blorft”.");
  }

  @Test
  void itsMessagesExistInBothLanguages() {
    // given
    Messages messages = Messages.load();

    // then
    for (String key :
        new String[] {
          ResolveCommand.BAD_LINE,
          ResolveCommand.BAD_NOW,
          ResolveCommand.BAD_ZONE,
          ResolveCommand.BAD_KIND
        }) {
      assertThat(messages.has(Language.EN, key)).as(key).isTrue();
      assertThat(messages.has(Language.FR, key)).as(key).isTrue();
    }
  }

  private int run(String stdin, String... args) {
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    CommandLine commandLine = new CommandLine(new ResolveCommand(in, SATURDAY_MORNING));
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }
}
