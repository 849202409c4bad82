package org.networkeras.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.community.CommunityService;
import org.networkeras.core.CoreWiring;
import org.networkeras.core.SimulatedClock;
import org.networkeras.delivery.DeliveryAttempt;
import org.networkeras.delivery.OutgoingMessage;
import org.networkeras.delivery.Target;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

final class ConsoleTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @TempDir Path tempDir;
  private Database database;
  private SimulatedClock clock;
  private CoreWiring core;

  @BeforeEach
  void startBot() {
    database = TestDatabases.sqlite(tempDir);
    // a Thursday, 10:00 in Paris
    clock =
        new SimulatedClock(
            LocalDateTime.parse("2026-11-26T10:00").atZone(PARIS).toInstant(), PARIS);
    core = new CoreWiring(database, clock, new CommunityDefaults(PARIS, null, Language.EN, null));
    core.loadStarterCatalog(
        core.communities()
            .byGroup(CommunityService.groupKey(Platform.CONSOLE, "general"), "general"));
  }

  @AfterEach
  void stopBot() {
    database.close();
  }

  private String run(String script, Language language) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Console console =
        new Console(
            core.core(),
            clock,
            clock,
            language,
            true,
            new BufferedReader(new StringReader(script)),
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            false,
            "general");
    core.gateways().register(console.gateway());
    console.saveFilesIn(tempDir.resolve("files"));
    console.onAdvance(
        () -> {
          core.runDue();
          return (int)
              core.delivery().deliverDueNow().stream()
                  .filter(a -> a.outcome() == DeliveryAttempt.Outcome.DELIVERED)
                  .count();
        },
        core::nextDue);
    console.run();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesTheCalendarFileOfAnEventToTheDataFolderAndPrintsItsPath() throws Exception {
    // when
    String out = run("/event 1\n:press Add to calendar\n", Language.EN);

    // then
    java.nio.file.Path folder = tempDir.resolve("files");
    java.util.List<java.nio.file.Path> written;
    try (var files = java.nio.file.Files.list(folder)) {
      written = files.toList();
    }
    assertThat(written).hasSize(1);
    java.nio.file.Path file = written.get(0);
    assertThat(file.getFileName().toString()).startsWith("event-1").endsWith(".ics");
    assertThat(out).contains("File saved: " + file.toAbsolutePath());
    String text = java.nio.file.Files.readString(file);
    var event =
        org.networkeras.calendar.IcsChecks.events(org.networkeras.calendar.IcsChecks.valid(text))
            .get(0);
    assertThat(org.networkeras.calendar.IcsChecks.property(event, "UID")).startsWith("1");
    assertThat(org.networkeras.calendar.IcsChecks.property(event, "SUMMARY")).isNotBlank();
    assertThat(text).contains("DTSTART;TZID=Europe/Paris:");
  }

  @Test
  void runsTheReadmeSessionWhereAliceSuggestsAndAModeratorApproves() {
    // when
    String out =
        run(
            """
            /suggest Apéro blogueurs | jeudi 19h | La Cantine, Paris
            :as mona
            :role mona moderator
            /review
            :press Approve
            :as alice
            /events tonight
            """,
            Language.EN);

    // then
    assertThat(out)
        .contains("Suggestion 1")
        .contains("waits for a moderator")
        .contains("Suggested by alice")
        .contains("Published: Apéro blogueurs")
        .contains("your suggestion is now in the agenda")
        .contains("2026-11-26T19:00+01:00 · Apéro blogueurs · Bloggers · La Cantine, Paris");
  }

  @Test
  void guidesASuggestionOneQuestionAtATime() {
    // when
    String out =
        run(
            """
            /suggest
            Barcamp WordPress
            samedi 9h - 18h
            Paris
            https://example.org/camp
            skip
            """,
            Language.EN);

    // then
    assertThat(out)
        .contains("What is the event called?")
        .contains("When does it start?")
        .contains("Where is it?")
        .contains("A link")
        .contains("waits for a moderator");
  }

  @Test
  void answersCommandsWithoutPromptWhenReadingAScript() {
    // when
    String out = run("/events tonight\n", Language.EN);

    // then
    assertThat(out)
        .startsWith("Events from 2026-11-26T18:00+01:00 to 2026-11-27T00:00+01:00")
        .contains("2026-11-26T19:00+01:00 · Meetup Java & Café (sample)")
        .doesNotContain("> ");
  }

  @Test
  void pressesAButtonOfTheLastReplyByNumberOrLabel() {
    // when
    String out = run("/events\n:press 1\n/start\n:press Tonight\n", Language.EN);

    // then
    assertThat(out).contains("[1] More").contains("Showing 11–14 of 14.");
    assertThat(out).contains("[1] Tonight  [2] This week");
    assertThat(out.split("Events from 2026-11-26T18:00\\+01:00", -1)).hasSize(2);
  }

  @Test
  void aBadLineNeverEndsTheSession() {
    // when
    String out =
        run(
            ":press 9\n:role bob king\n:advance soon\n/nope\n:unknown\n/guide networking\n",
            Language.EN);

    // then
    assertThat(out)
        .contains("The last reply has no button 9.")
        .contains("Roles are member, moderator or admin.")
        .contains("Durations look like 90m, 2h or 1d.")
        .contains("I don’t know the command /nope.")
        .contains("Unknown console command :unknown.")
        .contains("Professional evenings and breakfasts");
  }

  @Test
  void switchesChatsAndEachChatIsItsOwnCommunity() {
    // when
    String out = run(":chat lyon\n/events\n:chat general\n/events tonight\n", Language.EN);

    // then
    assertThat(out)
        .contains("You are now in the group chat \"lyon\".")
        .contains("Nothing is listed for the next 7 days.")
        .contains("Meetup Java & Café (sample)");
  }

  @Test
  void advancesTheSimulatedClockAndSaysWhatFellDue() {
    // when
    String out = run(":advance 1d2h\n/events tonight\n", Language.EN);

    // then
    assertThat(out)
        .contains("Clock moved to 2026-11-27T12:00+01:00.")
        .contains("Nothing fell due.")
        .contains("Friday Startup Drinks (sample)");
  }

  @Test
  void advancingPastAReminderDeliversItAtItsTimeRatherThanDroppingIt() {
    // given alice goes to an event at 10:45 and wants a reminder 15 minutes before it
    String published =
        run(
            ":role alice moderator\n/suggest Breakfast network | today 10:45 - 12:00 | Paris\n",
            Language.EN);
    java.util.regex.Matcher reference =
        java.util.regex.Pattern.compile("Reference: (\\S+)").matcher(published);
    assertThat(reference.find()).as(published).isTrue();
    String ref = reference.group(1);

    // when
    String out = run("/going " + ref + "\n/remind " + ref + " 15m\n:advance 1h\n", Language.EN);

    // then the reminder due at 10:30, 30 minutes into the hour, is delivered then, not dropped
    assertThat(out)
        .containsSubsequence(
            "→ 2026-11-26T10:30+01:00, to alice (direct message):",
            "Breakfast network",
            "Clock moved to 2026-11-26T11:00+01:00.")
        .doesNotContain("Nothing fell due.");
  }

  @Test
  void speaksFrench() {
    // when
    String out = run("/events ce soir\n:dm\n", Language.FR);

    // then
    assertThat(out)
        .contains("Événements du 2026-11-26T18:00+01:00 au 2026-11-27T00:00+01:00")
        .contains("Intérêts communs")
        .contains("Vous êtes maintenant en discussion privée avec le bot.");
  }

  @Test
  void advancingTheClockDeliversWhatFellDueAndSaysToWhom() {
    // given a message due at 11:00 and one due tomorrow
    Conversation general = Conversation.group(Platform.CONSOLE, "general", "general");
    core.delivery()
        .outbox()
        .enqueue(
            OutgoingMessage.unexpiring(
                "test:soon",
                Target.conversation(general),
                Reply.text(Locale.ENGLISH, "Starting soon: Afterwork"),
                clock.instant().plus(Duration.ofHours(1))));
    core.delivery()
        .outbox()
        .enqueue(
            OutgoingMessage.unexpiring(
                "test:tomorrow",
                Target.member(ChatUser.member(Platform.CONSOLE, "alice", "alice")),
                Reply.text(Locale.ENGLISH, "Tomorrow: Barcamp"),
                clock.instant().plus(Duration.ofDays(1))));

    // when
    String out = run(":advance 30m\n:advance 1h\n", Language.EN);

    // then
    assertThat(out)
        .containsSubsequence(
            "Clock moved to 2026-11-26T10:30+01:00.",
            "Nothing fell due.",
            "→ 2026-11-26T11:00+01:00, to group chat \"general\":",
            "Starting soon: Afterwork",
            "Clock moved to 2026-11-26T11:30+01:00.")
        .doesNotContain("Tomorrow: Barcamp");
  }
}
