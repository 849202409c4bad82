package org.networkeras.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Role;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.core.CoreWiring;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.RecordingGateway;

/**
 * The weekly agenda: posted once at the community's chosen local time, in each announcement
 * conversation, grouped by day; never twice; not when off; its setting checked.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class AgendaTest {

  private static final String TITLE = "The week’s events:";

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member ada;
  private Chat.Member mona;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    // Sunday 29 November 2026, 20:00 in Paris
    chat = Chat.on(database).at("2026-11-29T20:00");
    ada = chat.as("ada").withRole(Role.ADMIN).in("paris-tech");
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  /** Runs what fell due, delivers it, and returns every agenda posted so far. */
  private List<RecordingGateway.Sent> agendas() {
    chat.wiring().runDue();
    chat.wiring().delivery().deliverDueNow();
    return chat.sent().stream().filter(s -> s.text().contains(TITLE)).toList();
  }

  private void publish(String line) {
    assertThat(mona.send("/suggest " + line).text()).contains("Published");
  }

  private void moveTo(String parisTime) {
    java.time.Instant target =
        java.time.LocalDateTime.parse(parisTime).atZone(Chat.PARIS).toInstant();
    chat.advance(Duration.between(chat.clock().instant(), target));
  }

  @Test
  void postsTheComingWeekOnMondayAtNineByDefaultGroupedByDay() {
    // given
    publish("Apéro blogueurs | mardi 19h | Paris");
    publish("Barcamp tech | samedi 9h - 18h | Paris");
    publish("Petit-déjeuner réseau | lundi 8h | Paris");
    publish("Afterwork tech | le 8 décembre à 19h | Paris");
    ada.send("/settings announce here");

    // when
    moveTo("2026-11-30T08:59");
    List<RecordingGateway.Sent> before = agendas();
    moveTo("2026-11-30T09:00");
    List<RecordingGateway.Sent> at = agendas();

    // then
    assertThat(before).isEmpty();
    assertThat(at).hasSize(1);
    RecordingGateway.Sent post = at.get(0);
    assertThat(post.direct()).isFalse();
    assertThat(post.to()).isEqualTo("console:paris-tech");
    String text = post.text();
    assertThat(text)
        .contains(TITLE + " Monday 30 November – Sunday 6 December")
        .doesNotContain("Petit-déjeuner réseau")
        .doesNotContain("Afterwork tech");
    assertThat(text.indexOf("Tuesday 1 December"))
        .isPositive()
        .isLessThan(text.indexOf("19:00 · Apéro blogueurs"));
    assertThat(text.indexOf("19:00 · Apéro blogueurs"))
        .isLessThan(text.indexOf("Saturday 5 December"));
    assertThat(text.indexOf("Saturday 5 December"))
        .isLessThan(text.indexOf("09:00 · Barcamp tech"));
  }

  @Test
  void neverPostsTheSameWeekTwiceNotEvenFromTwoInstances() {
    // given
    ada.send("/settings announce here");
    moveTo("2026-11-30T09:00");
    CoreWiring other =
        new CoreWiring(
            database, chat.clock(), new CommunityDefaults(Chat.PARIS, null, Language.EN, null));

    // when
    int first = chat.wiring().runDue();
    int again = chat.wiring().runDue();
    int fromTheOther = other.runDue();
    chat.advance(Duration.ofHours(3));
    int later = chat.wiring().runDue() + other.runDue();

    // then
    assertThat(first).isEqualTo(1);
    assertThat(again + fromTheOther + later).isZero();
    assertThat(agendas()).hasSize(1);
  }

  @Test
  void postsInEachAnnouncementConversation() {
    // given
    ada.send("/settings announce here");
    Community community = chat.community("paris-tech");
    Conversation telegram = Conversation.group(Platform.TELEGRAM, "-1001", "-1001");
    chat.wiring().settings().announceIn(community, telegram);

    // when
    moveTo("2026-11-30T09:00");
    List<RecordingGateway.Sent> posts = agendas();

    // then
    assertThat(posts)
        .extracting(RecordingGateway.Sent::to)
        .containsExactlyInAnyOrder("console:paris-tech", "telegram:-1001");
  }

  @Test
  void postsNothingWithoutAnAnnouncementConversation() {
    // when
    moveTo("2026-11-30T09:00");

    // then
    assertThat(agendas()).isEmpty();
  }

  @Test
  void postsNothingWhenTurnedOff() {
    // given
    ada.send("/settings announce here");
    Chat.Said said = ada.send("/settings agenda off");

    // when
    moveTo("2026-11-30T09:00");

    // then
    assertThat(said.text()).contains("Weekly agenda (agenda): off");
    assertThat(agendas()).isEmpty();
  }

  @Test
  void postsTheNextWeekAtTheChosenDayAndTime() {
    // given
    publish("Apéro blogueurs | le 8 décembre à 19h | Paris");
    ada.send("/settings announce here");
    Chat.Said said = ada.send("/settings agenda vendredi 17h30");

    // when
    moveTo("2026-11-30T09:00");
    List<RecordingGateway.Sent> monday = agendas();
    moveTo("2026-12-04T17:29");
    List<RecordingGateway.Sent> justBefore = agendas();
    moveTo("2026-12-04T17:30");
    List<RecordingGateway.Sent> friday = agendas();

    // then
    assertThat(said.text()).contains("Weekly agenda (agenda): Friday at 17:30");
    assertThat(monday).isEmpty();
    assertThat(justBefore).isEmpty();
    assertThat(friday).hasSize(1);
    assertThat(friday.get(0).text())
        .contains(TITLE + " Monday 7 December – Sunday 13 December")
        .contains("Tuesday 8 December")
        .contains("Apéro blogueurs");
  }

  @Test
  void keepsTheLocalTimeAcrossTheEndOfSummerTime() {
    // given: summer time ends on Sunday 25 October 2026 in Paris
    chat.at("2026-10-18T20:00");
    ada = chat.as("ada").withRole(Role.ADMIN).in("paris-tech");
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
    publish("Apéro blogueurs | samedi 19h | Paris");
    ada.send("/settings announce here");
    moveTo("2026-10-19T09:00");
    List<RecordingGateway.Sent> summer = agendas();

    // when: exactly a week of hours later it is only 08:00 local
    chat.advance(Duration.ofDays(7));
    List<RecordingGateway.Sent> aWeekOfHoursLater = agendas();
    chat.advance(Duration.ofHours(1));
    List<RecordingGateway.Sent> atNineLocal = agendas();

    // then
    assertThat(summer).hasSize(1);
    assertThat(summer.get(0).text())
        .contains(TITLE + " Monday 19 October – Sunday 25 October")
        .contains("Saturday 24 October")
        .contains("19:00 · Apéro blogueurs");
    assertThat(aWeekOfHoursLater).hasSize(1);
    assertThat(atNineLocal).hasSize(2);
    assertThat(atNineLocal.get(1).text())
        .contains(TITLE + " Monday 26 October – Sunday 1 November");
  }

  @Test
  void postsLateAfterADowntimeButNotTooLate() {
    // given
    ada.send("/settings announce here");

    // when the bot first runs again at 20:00, then at 22:00 the next week
    moveTo("2026-11-30T20:00");
    List<RecordingGateway.Sent> late = agendas();
    moveTo("2026-12-07T22:00");
    List<RecordingGateway.Sent> tooLate = agendas();

    // then
    assertThat(late).hasSize(1);
    assertThat(tooLate).hasSize(1);
  }

  @Test
  void acceptsADayAndTimeInFrenchOrEnglishAndShowsThem() {
    // when
    Chat.Said french = ada.send("/settings agenda lundi 9h30");
    Chat.Said english = ada.send("/settings agenda Sunday 18:00");
    Chat.Said shown = ada.send("/settings");

    // then
    assertThat(french.text()).contains("Weekly agenda (agenda): Monday at 09:30");
    assertThat(english.text()).contains("Weekly agenda (agenda): Sunday at 18:00");
    assertThat(shown.text()).contains("Weekly agenda (agenda): Sunday at 18:00");
  }

  @Test
  void showsTheDefaultAgenda() {
    // when
    Chat.Said shown = ada.send("/settings");

    // then
    assertThat(shown.text())
        .contains(
            "Weekly agenda (agenda): Monday at 09:00, once there is an announcement conversation");
  }

  @Test
  void refusesAnAgendaThatIsNotADayAndATime() {
    for (String value : List.of("someday 9:00", "monday 25:00", "monday", "monday 9", "9:00")) {
      // when
      Chat.Said said = ada.send("/settings agenda " + value);

      // then
      assertThat(said.text()).as(value).contains("is not a day and time for the agenda");
    }
    assertThat(ada.send("/settings").text())
        .contains(
            "Weekly agenda (agenda): Monday at 09:00, once there is an announcement conversation");
  }

  @Test
  void letsOnlyAdminsChangeTheAgenda() {
    // when
    Chat.Said said = mona.send("/settings agenda off");

    // then
    assertThat(said.text()).doesNotContain("Weekly agenda (agenda): off");
    assertThat(ada.send("/settings").text())
        .contains(
            "Weekly agenda (agenda): Monday at 09:00, once there is an announcement conversation");
  }

  @Test
  void isPostedByTheSchedulersRecurringTask() {
    // given
    ada.send("/settings announce here");
    moveTo("2026-11-30T09:00");

    // when: the scheduler runs until the agenda is out (a generous bound, not a measure)
    try (var delivery = chat.wiring().delivery()) {
      delivery.start(chat.wiring().recurringTasks());
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> !agendaPosts().isEmpty());
    }
    List<RecordingGateway.Sent> posts = agendaPosts();

    // then
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).to()).isEqualTo("console:paris-tech");
  }

  /** Every agenda posted so far, running nothing: for when the scheduler runs the tasks. */
  private List<RecordingGateway.Sent> agendaPosts() {
    return chat.sent().stream().filter(s -> s.text().contains(TITLE)).toList();
  }
}
