package org.networkeras.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.catalog.EventStatus;
import org.networkeras.chat.Button;
import org.networkeras.chat.ButtonPress;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.RecordingGateway;

/** Reviewing suggestions: modes, approvals, rejections, edits, cancellations, the log, rights. */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class ModerationTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;
  private Chat.Member mona;
  private Chat.Member admin;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    chat = Chat.on(database).at("2026-11-26T10:00");
    alice = chat.as("alice").in("paris-tech");
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
    admin = chat.as("ada").withRole(Role.ADMIN).in("paris-tech");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  private long suggest(Chat.Member member, String line) {
    String text = member.send("/suggest " + line).text();
    assertThat(text).contains("waits for a moderator");
    return Long.parseLong(text.replaceAll("(?s).*Suggestion (\\d+) now.*", "$1"));
  }

  @Test
  void reviewShowsOneCardPerSuggestionWithItsOwnButtons() {
    // given two suggestions waiting
    suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");
    suggest(alice, "Soirée networking | vendredi 19h | Lyon");

    // when
    Chat.Said first = mona.send("/review");
    Chat.Said second = mona.press(first, "Next suggestion");
    Chat.Said approved = mona.press(second, "Approve");

    // then
    assertThat(first.text())
        .contains("2 suggestions are waiting; this is the 1st")
        .contains("Apéro blogueurs")
        .doesNotContain("Soirée networking")
        .doesNotContain("(s)");
    assertThat(first.reply().allButtons()).filteredOn(b -> b.label().equals("Approve")).hasSize(1);
    assertThat(second.text())
        .contains("this is the 2nd")
        .contains("Soirée networking")
        .doesNotContain("Apéro blogueurs");
    assertThat(approved.text()).contains("Soirée networking");
    assertThat(mona.send("/review").text())
        .contains("One suggestion is waiting.")
        .contains("Apéro blogueurs");
    assertThat(mona.send("/review").reply().allButtons())
        .noneMatch(b -> b.label().equals("Next suggestion"));
  }

  @Test
  void laRevueMontreUneCarteParPropositionEnFrancais() {
    // given
    suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");
    suggest(alice, "Soirée networking | vendredi 19h | Lyon");
    Chat.Member mona2 = mona.withLocale(java.util.Locale.FRENCH);

    // when
    Chat.Said first = mona2.send("/review");
    Chat.Said second = mona2.press(first, "Proposition suivante");

    // then
    assertThat(first.text()).contains("2 propositions attendent ; voici la 1re");
    assertThat(second.text()).contains("voici la 2e").contains("Soirée networking");
  }

  @Test
  void tellsModeratorsByDirectMessageOfANewSuggestion() {
    // given mona has used the bot here as a moderator
    mona.send("/review");

    // when
    suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");

    // then
    assertThat(chat.sent())
        .filteredOn(s -> s.direct() && s.to().equals("console:mona"))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.text())
                    .contains("New suggestion from alice")
                    .contains("Apéro blogueurs")
                    .contains("Approve"));
  }

  @Test
  void tellsTheModeratorsConversationInsteadWhenOneIsSet() {
    // given
    mona.send("/review");
    admin.send("/settings modchat here");

    // when
    suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");

    // then
    assertThat(chat.sent())
        .extracting(RecordingGateway.Sent::to)
        .containsExactly("console:paris-tech");
  }

  @Test
  void approvingPublishesTellsTheMemberAndAnnounces() {
    // given
    admin.send("/settings announce here");
    suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");
    Chat.Said queue = mona.send("/review");

    // when
    Chat.Said approved = mona.press(queue, "Approve");

    // then
    assertThat(queue.text()).contains("Apéro blogueurs").contains("Suggested by alice");
    assertThat(approved.text()).contains("Published: Apéro blogueurs");
    assertThat(alice.send("/events tonight").text()).contains("Apéro blogueurs");
    assertThat(chat.sent())
        .anySatisfy(
            s -> {
              assertThat(s.to()).isEqualTo("console:alice");
              assertThat(s.text()).contains("your suggestion is now in the agenda");
            })
        .anySatisfy(
            s -> {
              assertThat(s.to()).isEqualTo("console:paris-tech");
              assertThat(s.text()).contains("New in the agenda").contains("Apéro blogueurs");
            });
    assertThat(mona.send("/review").text()).contains("No suggestion is waiting");
  }

  @Test
  void rejectingAsksForAReasonAndTellsTheMember() {
    // given
    suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");
    Chat.Said queue = mona.send("/review");

    // when
    Chat.Said asked = mona.press(queue, "Reject");
    Chat.Said rejected = mona.send("Already listed on another day");

    // then
    assertThat(asked.text()).contains("Why reject");
    assertThat(rejected.text()).contains("rejected");
    assertThat(chat.sent())
        .anySatisfy(
            s -> {
              assertThat(s.to()).isEqualTo("console:alice");
              assertThat(s.text())
                  .contains("was not accepted")
                  .contains("Reason: Already listed on another day");
            });
    assertThat(alice.send("/events tonight").text()).doesNotContain("Apéro blogueurs");
  }

  @Test
  void rejectsThroughAFormOnDiscord() {
    // given
    Chat.Member member = chat.as("alice").on(Platform.DISCORD).in("guild-1");
    Chat.Member moderator =
        chat.as("mona").on(Platform.DISCORD).withRole(Role.MODERATOR).in("guild-1");
    long id = suggest(member, "Apéro blogueurs | jeudi 19h | Paris");
    Chat.Said queue = moderator.send("/review");

    // when
    Chat.Said form = moderator.press(queue, "Reject");
    Chat.Said rejected = moderator.submit("reject:" + id, Map.of("reason", "Not in our area"));

    // then
    assertThat(form.reply().form()).isPresent();
    assertThat(rejected.text()).contains("rejected");
    assertThat(database.events().find(id).orElseThrow().status()).isEqualTo(EventStatus.REJECTED);
    assertThat(chat.sent()).anySatisfy(s -> assertThat(s.to()).isEqualTo("discord:alice"));
  }

  @Test
  void openModeLetsMembersPublishDirectly() {
    // given
    assertThat(admin.send("/settings mode open").text()).contains("(mode): open");

    // when
    Chat.Said said = alice.send("/suggest Apéro blogueurs | jeudi 19h | Paris");

    // then
    assertThat(said.text()).contains("Published!");
    assertThat(alice.send("/events tonight").text()).contains("Apéro blogueurs");
  }

  @Test
  void editButtonExplainsEditAndModeratorsEditAnyField() {
    // given
    long id = suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");
    Chat.Said queue = mona.send("/review");

    // when
    Chat.Said hint = mona.press(queue, "Edit");
    Chat.Said edited = mona.send("/edit " + id + " title Apéro des blogueurs parisiens");

    // then
    assertThat(hint.text()).contains("/edit " + id);
    assertThat(edited.text()).contains("Changed").contains("Apéro des blogueurs parisiens");
    assertThat(mona.send("/edit " + id + " when 12/03/2028 19h").text())
        .contains("more than a year");
    assertThat(mona.send("/edit " + id + " colour red").text()).contains("can’t change \"colour\"");
  }

  @Test
  void authorsEditTheirOwnSuggestionOnlyWhileItIsPending() {
    // given
    long id = suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");

    // when
    Chat.Said own = alice.send("/edit " + id + " where Le Perchoir, Paris");
    Chat.Said other = chat.as("bob").in("paris-tech").send("/edit " + id + " title Mine now");
    mona.press(mona.send("/review"), "Approve");
    Chat.Said afterwards = alice.send("/edit " + id + " title Changed later");

    // then
    assertThat(own.text()).contains("Le Perchoir, Paris");
    assertThat(other.text()).contains("Only moderators can change event " + id);
    assertThat(afterwards.text()).contains("Only moderators can change event " + id);
  }

  @Test
  void cancellingAPublishedEventKeepsItListedAsCancelled() {
    // given
    long id = suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");
    mona.press(mona.send("/review"), "Approve");

    // when
    Chat.Said refused = alice.send("/cancel_event " + id);
    Chat.Said cancelled = mona.send("/cancel_event " + id);

    // then
    assertThat(refused.text()).contains("Only moderators");
    assertThat(cancelled.text()).contains("Cancelled");
    assertThat(alice.send("/events tonight").text()).contains("[cancelled] Apéro blogueurs");
    assertThat(mona.send("/cancel_event " + id).text()).contains("already cancelled");
  }

  @Test
  void authorsWithdrawTheirPendingSuggestion() {
    // given
    long id = suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");

    // when
    Chat.Said withdrawn = alice.send("/cancel_event " + id);

    // then
    assertThat(withdrawn.text()).contains("withdrawn");
    assertThat(mona.send("/review").text()).contains("No suggestion is waiting");
  }

  @Test
  void logsEveryModerationActionForModeratorsOnly() {
    // given
    long id = suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");
    mona.send("/edit " + id + " link https://example.org/apero");
    mona.press(mona.send("/review"), "Approve");
    mona.send("/cancel_event " + id);

    // when
    Chat.Said log = mona.send("/log");

    // then
    assertThat(log.text())
        .contains("alice · suggested · " + id)
        .contains("mona · edited · " + id + " · link")
        .contains("mona · approved · " + id)
        .contains("mona · cancelled · " + id);
    assertThat(alice.send("/log").text()).contains("Only moderators and admins can use /log");
  }

  @Test
  void refusesModerationToMembersWhateverTheyPress() {
    // given
    suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");
    Chat.Said queue = mona.send("/review");

    // when
    Chat.Said review = alice.send("/review");
    Chat.Said pressed = alice.press(queue, "Approve");
    Chat.Said settings = alice.send("/settings mode open");

    // then
    assertThat(review.text()).contains("Only moderators and admins can use /review");
    assertThat(pressed.text()).contains("Only the community’s moderators");
    assertThat(settings.text()).contains("/settings");
    assertThat(mona.send("/review").text()).contains("Apéro blogueurs");
  }

  @Test
  void refusesARejectionFormSentByAMember() {
    // given
    long id = suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");

    // when
    Chat.Said forged = alice.submit("reject:" + id, Map.of("reason", "I changed my mind"));

    // then
    assertThat(forged.text()).contains("Only the community’s moderators");
    assertThat(database.events().find(id).orElseThrow().status()).isEqualTo(EventStatus.SUGGESTED);
  }

  @Test
  void aModeratorNamedInTheSettingsModeratesWithoutAPlatformGrant() {
    // given
    chat.as("bob").in("paris-tech").send("/events");
    suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");

    // when
    Chat.Said named = admin.send("/settings moderator add bob");
    Chat.Said queue = chat.as("bob").in("paris-tech").send("/review");

    // then
    assertThat(named.text()).contains("bob (console:bob) is now a moderator.");
    assertThat(queue.text()).contains("Apéro blogueurs");
    admin.send("/settings moderator remove bob");
    assertThat(chat.as("bob").in("paris-tech").send("/review").text()).contains("Only moderators");
  }

  @Test
  void aFailingGatewayNeverBreaksTheApproval() {
    // given
    admin.send("/settings announce here");
    suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");
    Chat.Said queue = mona.send("/review");
    chat.gateway(Platform.CONSOLE).fail();

    // when
    Chat.Said approved = mona.press(queue, "Approve");

    // then
    assertThat(approved.text()).contains("Published: Apéro blogueurs");
  }

  @Test
  void publishesOnceWhenTwoModeratorsApproveAtTheSameTime() throws Exception {
    admin.send("/settings announce here");
    Chat.Member other = chat.as("max").withRole(Role.MODERATOR).in("paris-tech");
    for (int round = 0; round < 5; round++) {
      // given
      long id =
          suggest(alice, "Apéro blogueurs n°" + round + " | " + (round + 1) + "/12 19h | Paris");
      Button approve =
          mona.send("/review").reply().allButtons().stream()
              .filter(b -> b.token().equals("rv:a:" + id))
              .findFirst()
              .orElseThrow();
      int announcedBefore = announcements();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Reply>> replies = new ArrayList<>();
        for (Chat.Member moderator : List.of(mona, other)) {
          Callable<Reply> press =
              () -> {
                start.await();
                return chat.core()
                    .handle(
                        new ButtonPress(
                            approve.token(), moderator.user(), moderator.conversation()));
              };
          replies.add(pool.submit(press));
        }

        // when
        start.countDown();
        List<String> texts = new ArrayList<>();
        for (Future<Reply> reply : replies) {
          texts.add(
              new org.networkeras.chat.PlainTextRenderer(chat.clock(), false).render(reply.get()));
        }

        // then
        assertThat(texts).filteredOn(t -> t.contains("Published:")).hasSize(1);
        assertThat(texts).filteredOn(t -> t.contains("already handled")).hasSize(1);
        assertThat(announcements() - announcedBefore).isEqualTo(1);
        assertThat(database.events().find(id).orElseThrow().status())
            .isEqualTo(EventStatus.PUBLISHED);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private int announcements() {
    return (int) chat.sent().stream().filter(s -> s.text().contains("New in the agenda")).count();
  }
}
