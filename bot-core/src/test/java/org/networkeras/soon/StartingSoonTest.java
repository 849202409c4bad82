package org.networkeras.soon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
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
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;
import org.networkeras.testing.RecordingGateway;

/**
 * The "starting soon" post: made once, the chosen lead before an event starts, in each announcement
 * conversation; never when off, for a cancelled event or after the start; its setting checked.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class StartingSoonTest {

  private static final String TITLE = "Starting soon:";

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member ada;
  private String ref;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris; the event is at 19:00 that day
    chat = Chat.on(database).at("2026-11-26T10:00");
    ada = chat.as("ada").withRole(Role.ADMIN).in("paris-tech");
    ref =
        Long.toString(
            Events.publish(chat, "paris-tech", "Apéro blogueurs", "2026-11-26T19:00").id());
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  /** Runs what fell due (twice, as two ticks would), delivers it, and returns every post so far. */
  private List<RecordingGateway.Sent> postsAt(String parisTime) {
    Instant target = LocalDateTime.parse(parisTime).atZone(Chat.PARIS).toInstant();
    chat.advance(Duration.between(chat.clock().instant(), target));
    chat.wiring().runDue();
    chat.wiring().delivery().deliverDueNow();
    chat.wiring().runDue();
    chat.wiring().delivery().deliverDueNow();
    return soonPosts();
  }

  private List<RecordingGateway.Sent> soonPosts() {
    return chat.sent().stream()
        .filter(s -> s.text().contains(TITLE) || s.text().contains("Ça commence bientôt"))
        .toList();
  }

  @Test
  void postsOnceInEachAnnouncementConversationAtTheChosenLeadBeforeTheStart() {
    // given
    ada.send("/settings announce here");
    Community community = chat.community("paris-tech");
    Conversation telegram = Conversation.group(Platform.TELEGRAM, "-1001", "-1001");
    chat.wiring().settings().announceIn(community, telegram);
    Chat.Said said = ada.send("/settings soon 15m");

    // when
    List<RecordingGateway.Sent> early = postsAt("2026-11-26T18:44");
    List<RecordingGateway.Sent> atLead = postsAt("2026-11-26T18:45");
    List<RecordingGateway.Sent> later = postsAt("2026-11-26T18:50");

    // then
    assertThat(said.text()).contains("(soon): 15m");
    assertThat(early).isEmpty();
    assertThat(atLead)
        .extracting(RecordingGateway.Sent::to)
        .containsExactlyInAnyOrder("console:paris-tech", "telegram:-1001");
    assertThat(atLead.get(0).direct()).isFalse();
    assertThat(atLead.get(0).text()).contains(TITLE).contains("19:00 · Apéro blogueurs");
    assertThat(later).hasSize(2);
  }

  @Test
  void takesAndShowsTheLeadInFrench() {
    // given
    ada.send("/settings language fr");

    // when
    Chat.Said set = ada.send("/settings bientôt 15min");
    Chat.Said off = ada.send("/settings bientôt aucun");

    // then
    assertThat(set.text())
        .contains("Enregistré : Annonce « ça commence bientôt » (bientôt) : 15 min");
    assertThat(off.text()).contains("(bientôt) : désactivé");
  }

  @Test
  void postsNothingWhenOffWhichIsTheDefault() {
    // given
    ada.send("/settings announce here");

    // when
    List<RecordingGateway.Sent> posts = postsAt("2026-11-26T18:55");
    ada.send("/settings soon 1h");
    ada.send("/settings soon off");
    List<RecordingGateway.Sent> afterOff = postsAt("2026-11-26T18:58");

    // then
    assertThat(posts).isEmpty();
    assertThat(afterOff).isEmpty();
    assertThat(ada.send("/settings").text()).contains("(soon): off");
  }

  @Test
  void postsNothingWithoutAnAnnouncementConversation() {
    // given
    ada.send("/settings soon 15m");

    // when / then
    assertThat(postsAt("2026-11-26T18:45")).isEmpty();
  }

  @Test
  void postsNothingForACancelledEvent() {
    // given
    ada.send("/settings announce here");
    ada.send("/settings soon 15m");
    chat.as("mona").withRole(Role.MODERATOR).in("paris-tech").send("/cancel_event " + ref);

    // when / then
    assertThat(postsAt("2026-11-26T18:45")).isEmpty();
  }

  @Test
  void isNotPostedLateAfterTheStart() {
    // given the bot was down from before the lead until after the start
    ada.send("/settings announce here");
    ada.send("/settings soon 15m");

    // when
    List<RecordingGateway.Sent> afterTheStart = postsAt("2026-11-26T19:01");

    // then
    assertThat(afterTheStart).isEmpty();
  }

  @Test
  void regressionAPostEnqueuedInTimeIsDroppedOnceTheEventStarted() {
    // given the post was enqueued, but delivery only resumes after the start
    ada.send("/settings announce here");
    ada.send("/settings soon 15m");
    chat.advance(
        Duration.between(
            chat.clock().instant(),
            LocalDateTime.parse("2026-11-26T18:45").atZone(Chat.PARIS).toInstant()));
    int enqueued = chat.wiring().runDue();

    // when
    chat.advance(Duration.ofMinutes(16));
    chat.wiring().delivery().deliverDueNow();

    // then
    assertThat(enqueued).isEqualTo(1);
    assertThat(soonPosts()).isEmpty();
  }

  @Test
  void refusesABadLeadAndMembersWhoAreNotAdmins() {
    // when
    String tooShort = ada.send("/settings soon 2m").text();
    String tooLong = ada.send("/settings soon 2d").text();
    String notADuration = ada.send("/settings soon soonish").text();
    String byAMember = chat.as("bob").in("paris-tech").send("/settings soon 15m").text();

    // then
    assertThat(tooShort).contains("is not a delay for the “starting soon” post");
    assertThat(tooLong).contains("“2d” is not a delay");
    assertThat(notADuration).contains("“soonish” is not a delay");
    assertThat(byAMember).contains("Only the community’s admins can use /settings");
    assertThat(ada.send("/settings").text()).contains("(soon): off");
  }

  @Test
  void speaksTheCommunitysLanguage() {
    // given
    ada.send("/settings language fr");
    ada.send("/settings announce ici");
    ada.send("/settings soon 1h");

    // when
    List<RecordingGateway.Sent> posts = postsAt("2026-11-26T18:00");

    // then
    assertThat(posts)
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.text()).contains("Ça commence bientôt :").contains("Apéro blogueurs"));
  }
}
