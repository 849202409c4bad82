package org.networkeras.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.catalog.EventFilter;
import org.networkeras.chat.Role;
import org.networkeras.chat.Visibility;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.core.CoreWiring;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.RecordingGateway;
import org.networkeras.time.TimeRange;

/**
 * Subscriptions: what members follow, in English and French, and the direct messages that tell them
 * of matching published events, at most one an hour.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class SubscriptionTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;
  private Chat.Member mona;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00");
    alice = chat.as("alice").in("paris-tech");
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  private List<RecordingGateway.Sent> directMessagesTo(String memberKey) {
    chat.wiring().runDue();
    chat.wiring().delivery().deliverDueNow();
    return chat.sent().stream().filter(s -> s.direct() && s.to().equals(memberKey)).toList();
  }

  private void publish(String line) {
    assertThat(mona.send("/suggest " + line).text()).contains("Published");
  }

  @Test
  void subscribesToAFamilyASlotACityAndATagInEnglish() {
    // when
    Chat.Said said = alice.send("/subscribe barcamp afterwork Le Havre #kotlin");

    // then
    assertThat(said.text())
        .contains("Common interest (family)")
        .contains("Evening (slot)")
        .contains("Le Havre (city)")
        .contains("#kotlin (tag)")
        .contains("at most once an hour");
    assertThat(said.reply().visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(alice.send("/subscriptions").text())
        .contains("You follow:")
        .contains("Common interest (family)")
        .contains("Evening (slot)")
        .contains("Le Havre (city)")
        .contains("#kotlin (tag)");
  }

  @Test
  void subscribesAndUnsubscribesWithFrenchWords() {
    // given
    Chat.Member amelie = chat.as("amelie").withLocale(Locale.FRENCH).in("paris-tech");

    // when
    Chat.Said subscribed = amelie.send("/subscribe blogueurs soirées montréal");
    Chat.Said unsubscribed = amelie.send("/unsubscribe soirée");
    Chat.Said listed = amelie.send("/subscriptions");
    Chat.Said all = amelie.send("/unsubscribe tout");

    // then
    assertThat(subscribed.text())
        .contains("Abonnement à :")
        .contains("Blogueurs (famille)")
        .contains("Soirée (créneau)")
        .contains("Montréal (ville)");
    assertThat(unsubscribed.text()).contains("Vous ne suivez plus :").contains("Soirée (créneau)");
    assertThat(listed.text())
        .contains("Blogueurs (famille)")
        .contains("Montréal (ville)")
        .doesNotContain("Soirée");
    assertThat(all.text()).contains("Vos 2 abonnements ici sont supprimés");
    assertThat(amelie.send("/subscriptions").text()).contains("Vous ne suivez rien ici");
  }

  @Test
  void keepsASubscriptionOnceWhenAskedTwice() {
    // given
    alice.send("/subscribe Lyon");

    // when
    Chat.Said again = alice.send("/subscribe lyon");

    // then
    assertThat(again.text()).contains("You already follow all of that");
    assertThat(alice.send("/subscriptions").text()).containsOnlyOnce("Lyon (city)");
  }

  @Test
  void asksAboutATypoOfAKnownWordInsteadOfFollowingItAsATag() {
    // when
    Chat.Said asked = alice.send("/subscribe networkng Lyon");
    Chat.Said nothingYet = alice.send("/subscriptions");
    Chat.Said yes = alice.press(asked, "Yes: Networking (family)");

    // then
    assertThat(asked.text())
        .contains("Did you mean Networking (family) by “networkng”?")
        .contains("Nothing is followed until you answer");
    assertThat(asked.reply().visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(nothingYet.text()).contains("You follow nothing here yet");
    assertThat(yes.text()).contains("Networking (family)").contains("Lyon (city)");
    assertThat(alice.send("/subscriptions").text()).doesNotContain("#networkng");
  }

  @Test
  void followsTheWordAsTypedWhenTheMemberSaysItIsNoTypo() {
    // when
    Chat.Said asked = alice.send("/subscribe kotlinn afterwrok");
    Chat.Said no = alice.press(asked, "No, follow #afterwrok");

    // then
    assertThat(asked.text()).contains("Did you mean Evening (slot) by “afterwrok”?");
    assertThat(no.text()).contains("#afterwrok (tag)").contains("#kotlinn (tag)");
    assertThat(alice.send("/subscribe #networkng").text()).contains("#networkng (tag)");
  }

  @Test
  void asksAboutATypoInFrenchAndMapsFrenchWords() {
    // given
    Chat.Member amelie = chat.as("amelie").withLocale(Locale.FRENCH).in("paris-tech");

    // when
    Chat.Said asked = amelie.send("/subscribe réseautag");
    Chat.Said yes = amelie.press(asked, "Oui : Networking (famille)");
    Chat.Said mapped = amelie.send("/subscribe petit-déj réseautage");

    // then
    assertThat(asked.text())
        .contains("Vouliez-vous dire Networking (famille) par « réseautag » ?")
        .contains("Rien n’est suivi avant votre réponse");
    assertThat(yes.text()).contains("Abonnement à :").contains("Networking (famille)");
    assertThat(mapped.text()).contains("Petit-déjeuner (créneau)").doesNotContain("#");
  }

  @Test
  void followsEveryFamilyForAllOrTout() {
    // given
    Chat.Member amelie = chat.as("amelie").withLocale(Locale.FRENCH).in("paris-tech");

    // when
    Chat.Said all = alice.send("/subscribe all breakfast");
    Chat.Said tout = amelie.send("/subscribe tout");

    // then
    assertThat(all.text())
        .contains("Networking (family)")
        .contains("Bloggers (family)")
        .contains("Promotional (family)")
        .contains("Common interest (family)")
        .contains("Breakfast (slot)")
        .doesNotContain("#");
    assertThat(tout.text())
        .contains("Networking (famille)")
        .contains("Blogueurs (famille)")
        .contains("Événementiel (famille)")
        .contains("Intérêts communs (famille)")
        .doesNotContain("#");
  }

  @Test
  void unsubscribingATypoDropsTheTagFollowedBeforeItWasAskedAbout() {
    // given
    alice.press(alice.send("/subscribe networkng"), "No, follow #networkng");

    // when
    Chat.Said said = alice.send("/unsubscribe networkng");

    // then
    assertThat(said.text()).contains("No longer following:").contains("#networkng (tag)");
  }

  @Test
  void refusesAWordThatCannotBeFollowed() {
    // when
    Chat.Said said = alice.send("/subscribe Lyon !!");

    // then
    assertThat(said.text()).contains("“!!” is not something I can follow");
    assertThat(alice.send("/subscriptions").text()).contains("You follow nothing here yet");
  }

  @Test
  void saysSoWhenUnsubscribingFromSomethingNotFollowed() {
    // given
    alice.send("/subscribe Lyon");

    // when
    Chat.Said said = alice.send("/unsubscribe Lille");

    // then
    assertThat(said.text()).contains("You were not following that");
  }

  @Test
  void tellsASubscriberByDirectMessageOfAMatchingPublishedEvent() {
    // given
    alice.send("/subscribe Lyon");

    // when
    publish("Afterwork tech Kotlin | samedi 19h | Lyon");

    // then
    List<RecordingGateway.Sent> told = directMessagesTo("console:alice");
    assertThat(told).hasSize(1);
    assertThat(told.get(0).text())
        .contains("A new event matches what you follow")
        .contains("Afterwork tech Kotlin")
        .contains("Lyon")
        .contains("/event <ref>");
  }

  @Test
  void matchesATagAgainstTheWordsOfTheTitle() {
    // given
    alice.send("/subscribe kotlin");

    // when
    publish("Afterwork tech Kotlin | samedi 19h | Paris");

    // then
    assertThat(directMessagesTo("console:alice")).hasSize(1);
  }

  @Test
  void doesNotTellOfAnEventMatchingNoSubscription() {
    // given
    alice.send("/subscribe Lyon blogueurs");

    // when
    publish("Afterwork tech Kotlin | samedi 19h | Lille");

    // then
    assertThat(directMessagesTo("console:alice")).isEmpty();
  }

  @Test
  void doesNotTellOfASuggestionUntilAModeratorApprovesIt() {
    // given
    alice.send("/subscribe Lyon");
    chat.as("bob").in("paris-tech").send("/suggest Afterwork tech Kotlin | samedi 19h | Lyon");

    // when
    List<RecordingGateway.Sent> beforeReview = directMessagesTo("console:alice");
    mona.press(mona.send("/review"), "Approve");
    List<RecordingGateway.Sent> afterReview = directMessagesTo("console:alice");

    // then
    assertThat(beforeReview).isEmpty();
    assertThat(afterReview).hasSize(1);
    assertThat(afterReview.get(0).text()).contains("Afterwork tech Kotlin");
  }

  @Test
  void doesNotTellTheAuthorOfTheirOwnEvent() {
    // given
    mona.send("/subscribe Lyon");

    // when
    publish("Afterwork tech Kotlin | samedi 19h | Lyon");

    // then
    assertThat(directMessagesTo("console:mona")).isEmpty();
  }

  @Test
  void gathersTheMatchesOfAnHourIntoOneMessage() {
    // given a first match, told at once
    alice.send("/subscribe Lyon");
    publish("Afterwork tech Kotlin | samedi 19h | Lyon");
    assertThat(directMessagesTo("console:alice")).hasSize(1);

    // when two more are published within the hour
    chat.advance(Duration.ofMinutes(10));
    publish("Apéro blogueurs | vendredi 19h | Lyon");
    chat.advance(Duration.ofMinutes(20));
    publish("Petit-déjeuner réseau | lundi 8h | Lyon");
    List<RecordingGateway.Sent> withinTheHour = directMessagesTo("console:alice");
    chat.advance(Duration.ofMinutes(30));
    List<RecordingGateway.Sent> anHourLater = directMessagesTo("console:alice");

    // then
    assertThat(withinTheHour).hasSize(1);
    assertThat(anHourLater).hasSize(2);
    assertThat(anHourLater.get(1).text())
        .contains("2 new events match what you follow")
        .contains("Apéro blogueurs")
        .contains("Petit-déjeuner réseau")
        .doesNotContain("Afterwork tech Kotlin");
  }

  @Test
  void tellsAtOnceOfAMatchTheNextHour() {
    // given
    alice.send("/subscribe Lyon");
    publish("Afterwork tech Kotlin | samedi 19h | Lyon");
    assertThat(directMessagesTo("console:alice")).hasSize(1);

    // when
    chat.advance(Duration.ofMinutes(61));
    publish("Apéro blogueurs | vendredi 19h | Lyon");
    chat.wiring().delivery().deliverDueNow();

    // then
    List<RecordingGateway.Sent> told =
        chat.sent().stream().filter(s -> s.to().equals("console:alice")).toList();
    assertThat(told).hasSize(2);
    assertThat(told.get(1).text()).contains("Apéro blogueurs");
  }

  @Test
  void stopsTellingAfterUnsubscribing() {
    // given a match told, and one waiting for the next hour
    alice.send("/subscribe Lyon");
    publish("Afterwork tech Kotlin | samedi 19h | Lyon");
    directMessagesTo("console:alice");
    chat.advance(Duration.ofMinutes(10));
    publish("Apéro blogueurs | vendredi 19h | Lyon");

    // when
    alice.send("/unsubscribe all");
    chat.advance(Duration.ofHours(2));
    publish("Petit-déjeuner réseau | lundi 8h | Lyon");

    // then
    assertThat(directMessagesTo("console:alice")).hasSize(1);
  }

  @Test
  void twoInstancesMakeOneDigestBetweenThem() {
    // given a match waiting for the next hour
    alice.send("/subscribe Lyon");
    publish("Afterwork tech Kotlin | samedi 19h | Lyon");
    directMessagesTo("console:alice");
    chat.advance(Duration.ofMinutes(10));
    publish("Apéro blogueurs | vendredi 19h | Lyon");
    chat.advance(Duration.ofHours(1));
    CoreWiring other =
        new CoreWiring(
            database, chat.clock(), new CommunityDefaults(Chat.PARIS, null, Language.EN, null));

    // when
    int here = chat.wiring().runDue();
    int there = other.runDue();

    // then
    assertThat(here + there).isEqualTo(1);
    assertThat(directMessagesTo("console:alice")).hasSize(2);
  }

  @Test
  void sendsADigestMadeJustBeforeTheProcessStopped() {
    // given a match gathered into a digest that never reached the outbox
    publish("Afterwork tech Kotlin | samedi 19h | Lyon");
    alice.send("/subscribe Lyon");
    Community community = chat.community("paris-tech");
    Instant now = chat.clock().instant();
    long eventId =
        chat.wiring()
            .catalog()
            .list(community, new TimeRange(now, now.plus(Duration.ofDays(7))), EventFilter.ALL)
            .get(0)
            .event()
            .id();
    SubscriptionRepository repository = new SubscriptionRepository(database);
    repository.addMatch(
        repository.subscribers(community.id()).get(0), community.id(), eventId, now);
    assertThat(repository.makeDigest("console:alice", now, SubscriptionService.EVERY)).isPresent();

    // when
    int enqueued = chat.wiring().runDue();
    int again = chat.wiring().runDue();

    // then
    assertThat(enqueued).isEqualTo(1);
    assertThat(again).isZero();
    List<RecordingGateway.Sent> told = directMessagesTo("console:alice");
    assertThat(told).hasSize(1);
    assertThat(told.get(0).text()).contains("Afterwork tech Kotlin");
  }
}
