package org.networkeras.rsvp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Role;
import org.networkeras.chat.Visibility;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.Events;
import org.networkeras.testing.RecordingGateway;

/**
 * Going, interested, not going: buttons, commands, counts, guests, visibility, the waiting list.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class RsvpTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;
  private Chat.Member bob;
  private Chat.Member carol;
  private Chat.Member mona;
  private String ref;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00");
    alice = chat.as("alice").in("paris-tech");
    bob = chat.as("bob").in("paris-tech");
    carol = chat.as("carol").in("paris-tech");
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
    ref = Long.toString(Events.publish(chat, "paris-tech", "Apéro web", "2026-12-03T19:00").id());
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void showsRsvpButtonsOnTheCardAndCountsAPress() {
    // given
    Chat.Said card = alice.send("/event " + ref);

    // when
    Chat.Said answered = alice.press(card, "Going");

    // then
    assertThat(card.text()).contains("Going: 0 · Interested: 0");
    assertThat(card.reply().allButtons())
        .extracting(b -> b.label())
        .contains("Going", "Interested", "Not going");
    assertThat(answered.text()).contains("You’re going to").contains("Apéro web");
    assertThat(answered.reply().visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(bob.send("/event " + ref).text()).contains("Going: 1 · Interested: 0");
  }

  @Test
  void answersByCommandAndChangesTheAnswer() {
    // given
    alice.send("/going " + ref);
    bob.send("/interested " + ref);

    // when
    alice.send("/notgoing " + ref);

    // then
    assertThat(carol.send("/event " + ref).text()).contains("Going: 0 · Interested: 1");
  }

  @Test
  void acceptsGuestsUpToTheDefaultLimitOfTwo() {
    // when
    Chat.Said withOne = alice.send("/going " + ref + " +1");
    Chat.Said withThree = bob.send("/going " + ref + " +3");

    // then
    assertThat(withOne.text()).contains("With 1 guest.");
    assertThat(withThree.text()).contains("at most 2 guests");
    assertThat(carol.send("/event " + ref).text()).contains("Going: 1 (+1 guest)");
  }

  @Test
  void guestsAreCountedWithRealPluralsInEnglishAndFrench() {
    // given
    Chat.Member amelie = alice.withLocale(java.util.Locale.FRENCH);
    Chat.Member benoit = bob.withLocale(java.util.Locale.FRENCH);

    // when
    Chat.Said twoGuests = alice.send("/going " + ref + " +2");
    Chat.Said oneGuestInFrench = benoit.send("/going " + ref + " +1");
    Chat.Said tooMany = amelie.send("/going " + ref + " +3");

    // then
    assertThat(twoGuests.text()).contains("With 2 guests.").doesNotContain("(s)");
    assertThat(oneGuestInFrench.text()).contains("Avec 1 invité.").doesNotContain("(s)");
    assertThat(tooMany.text()).contains("au plus 2 invités");
    assertThat(carol.send("/event " + ref).text()).contains("Going: 2 (+3 guests)");
    assertThat(amelie.send("/event " + ref).text()).contains("Participants : 2 (+3 invités)");
  }

  @Test
  void refusesGuestsWhenTheEventAllowsNone() {
    // given
    mona.send("/capacity " + ref + " off 0");

    // when
    Chat.Said said = alice.send("/going " + ref + " +1");

    // then
    assertThat(said.text()).contains("at most 0 guests");
    assertThat(said.reply().visibility()).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void namesOnlyTheMembersWhoChoseToBeVisible() {
    // given
    alice.send("/visible on");
    alice.send("/going " + ref);
    bob.send("/going " + ref);

    // when
    String card = carol.send("/event " + ref).text();

    // then
    assertThat(card).contains("Going: 2").contains("Who’s going: alice").doesNotContain("bob");
  }

  @Test
  void visibleAndCapacitySpeakFrenchWordsToAFrenchMember() {
    // given
    Chat.Member camille = chat.as("camille").withLocale(java.util.Locale.FRENCH).in("paris-tech");
    Chat.Member marc =
        chat.as("marc")
            .withRole(Role.MODERATOR)
            .withLocale(java.util.Locale.FRENCH)
            .in("paris-tech");

    // when
    Chat.Said usage = camille.send("/visible peut-être");
    Chat.Said shown = camille.send("/visible oui");
    Chat.Said hidden = camille.send("/visible masquer");
    Chat.Said state = camille.send("/visible");
    Chat.Said limited = marc.send("/capacity " + ref + " 12");
    Chat.Said unlimited = marc.send("/capacity " + ref + " aucune");
    Chat.Said refused = marc.send("/capacity " + ref + " beaucoup");

    // then
    assertThat(usage.text()).contains("/visible oui ou /visible non").doesNotContain("off");
    assertThat(shown.text()).contains("votre nom apparaît");
    assertThat(hidden.text()).contains("votre nom est masqué");
    assertThat(state.text()).contains("/visible oui l’affiche").doesNotContain(" on ");
    assertThat(limited.text()).contains("12 places");
    assertThat(unlimited.text()).contains("pas de limite de places");
    assertThat(refused.text()).contains("ou aucune").doesNotContain("off");
  }

  @Test
  void putsMembersOnTheWaitingListWhenFullAndPromotesTheFirstWhenASeatFrees() {
    // given two seats: alice and her guest take them, bob then carol wait
    mona.send("/capacity " + ref + " 2");
    alice.send("/going " + ref + " +1");
    Chat.Said bobWaits = bob.send("/going " + ref);
    carol.send("/going " + ref);

    // when
    alice.send("/going " + ref);
    chat.wiring().delivery().deliverDueNow();

    // then
    assertThat(bobWaits.text()).contains("waiting list");
    assertThat(carol.send("/event " + ref).text())
        .contains("Going: 2")
        .contains("Seats taken: 2/2")
        .contains("Waiting: 1");
    assertThat(chat.sent())
        .filteredOn(RecordingGateway.Sent::direct)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.to()).isEqualTo("console:bob");
              assertThat(s.text()).contains("A seat freed up").contains("Apéro web");
            });
  }

  @Test
  void neverOversellsSeatsWhenTwoInstancesAnswerAtOnce() throws Exception {
    // given three seats, and a second instance of the bot on the same database
    mona.send("/capacity " + ref + " 3");
    Chat other = Chat.on(database).at("2026-11-26T10:00");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);

    // when twelve members answer Going at once, half through each instance
    java.util.List<java.util.concurrent.Future<?>> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Chat instance = i % 2 == 0 ? chat : other;
      String name = "member" + i;
      answers.add(pool.submit(() -> instance.as(name).in("paris-tech").send("/going " + ref)));
    }
    for (java.util.concurrent.Future<?> answer : answers) {
      answer.get();
    }
    pool.shutdown();

    // then
    assertThat(carol.send("/event " + ref).text())
        .contains("Going: 3")
        .contains("Seats taken: 3/3")
        .contains("Waiting: 9");
  }

  @Test
  void answersEachDateOfASeriesSeparately() {
    // given a weekly series on Thursdays
    long series =
        Events.publish(
                chat, "paris-tech", "Jeudi du code", "2026-12-03T19:00", "FREQ=WEEKLY;BYDAY=TH")
            .id();

    // when
    alice.send("/going " + series + "-1203");
    bob.send("/going " + series + "-1210");
    carol.send("/interested " + series + "-1210");

    // then
    assertThat(mona.send("/event " + series + "-1203").text()).contains("Going: 1 · Interested: 0");
    assertThat(mona.send("/event " + series + "-1210").text()).contains("Going: 1 · Interested: 1");
  }

  @Test
  void refusesAnswersToACancelledEvent() {
    // given
    mona.send("/cancel_event " + ref);

    // when
    Chat.Said said = alice.send("/going " + ref);

    // then
    assertThat(said.text()).contains("not open for answers");
  }
}
