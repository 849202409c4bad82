package org.networkeras.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Role;
import org.networkeras.chat.Visibility;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/** Suggesting an event: one line, guided, by form; every validation rule; twins; limits. */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class SuggestTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00");
    alice = chat.as("alice").in("paris-tech");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void queuesAOneLineSuggestionForModeratorsWithoutListingIt() {
    // when
    Chat.Said said = alice.send("/suggest Apéro blogueurs | jeudi 19h | La Cantine, Paris");

    // then
    assertThat(said.isoText())
        .contains("waits for a moderator")
        .contains("Apéro blogueurs")
        .contains("2026-11-26T19:00+01:00")
        .contains("La Cantine, Paris")
        .contains("Bloggers");
    assertThat(said.reply().visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(alice.send("/events").text()).doesNotContain("Apéro blogueurs");
  }

  @Test
  void acceptsNewLinesAsSeparatorsAndAnEndTime() {
    // when
    Chat.Said said =
        alice.send("/suggest Barcamp WordPress\nsamedi 9h - 18h\nParis\nhttps://example.org/camp");

    // then
    assertThat(said.isoText())
        .contains("waits for a moderator")
        .contains("2026-11-28T09:00+01:00 – 2026-11-28T18:00+01:00")
        .contains("Common interest · Saturday")
        .contains("https://example.org/camp");
  }

  @Test
  void guidesAMemberOneQuestionAtATime() {
    // when
    Chat.Said first = alice.send("/suggest");
    Chat.Said title = alice.send("Afterwork Kotlin");
    Chat.Said when = alice.send("jeudi 19h");
    Chat.Said where = alice.send("Lille");
    Chat.Said family = alice.press(where, "Common interest");
    Chat.Said link = alice.send("skip");
    Chat.Said done = alice.send("Talks and drinks");

    // then
    assertThat(first.text()).contains("What is the event called?");
    assertThat(title.text()).contains("When does it start?");
    assertThat(when.text()).contains("Where is it?");
    assertThat(where.text()).contains("What kind of event");
    assertThat(family.text()).contains("A link");
    assertThat(link.text()).contains("describe");
    assertThat(done.text())
        .contains("waits for a moderator")
        .contains("Afterwork Kotlin")
        .contains("Lille")
        .contains("Talks and drinks");
  }

  @Test
  void aTitleAloneStartsTheGuidedConversationAtTheStartTime() {
    // when
    Chat.Said said = alice.send("/suggest Afterwork Kotlin");

    // then
    assertThat(said.text()).contains("When does it start?").doesNotContain("called");
  }

  @Test
  void asksTheSameQuestionAgainAfterARefusedAnswer() {
    // given
    alice.send("/suggest");

    // when
    Chat.Said refused = alice.send("ab");

    // then
    assertThat(refused.text())
        .contains("3 to 100 characters")
        .contains("What is the event called?");
    assertThat(alice.send("A real title").text()).contains("When does it start?");
  }

  @Test
  void cancelStopsTheGuidedConversationAndLaterMessagesAreIgnored() {
    // given
    alice.send("/suggest");
    alice.send("Afterwork Kotlin");

    // when
    Chat.Said cancelled = alice.send("/cancel");

    // then
    assertThat(cancelled.text()).contains("Stopped");
    assertThat(alice.send("jeudi 19h").reply()).isNull();
    assertThat(alice.send("/cancel").text()).contains("nothing to stop");
  }

  @Test
  void forgetsTheGuidedConversationAfterFifteenMinutesOfSilence() {
    // given
    alice.send("/suggest");
    alice.send("Afterwork Kotlin");
    chat.advance(Duration.ofMinutes(14));
    assertThat(alice.send("jeudi 19h").text()).contains("Where is it?");

    // when
    chat.advance(Duration.ofMinutes(16));

    // then
    assertThat(alice.send("Paris").reply()).isNull();
  }

  @Test
  void ignoresOrdinaryMessagesOutsideAConversation() {
    assertThat(alice.on(Platform.TELEGRAM).send("hello everyone").reply()).isNull();
  }

  @Test
  void showsAFormOnDiscordAndQueuesWhatItReturns() {
    // given
    Chat.Member discord = chat.as("alice").on(Platform.DISCORD).in("guild-1");

    // when
    Chat.Said form = discord.send("/suggest");
    Chat.Said submitted =
        discord.submit(
            "suggest",
            Map.of(
                "title", "Soirée networking",
                "when", "vendredi 19h",
                "where", "Paris",
                "link", "",
                "description", ""));

    // then
    assertThat(form.reply().form()).isPresent();
    assertThat(form.reply().form().get().id()).isEqualTo("suggest");
    assertThat(form.reply().form().get().fields()).hasSize(5);
    assertThat(submitted.text()).contains("waits for a moderator").contains("Networking");
  }

  @Test
  void refusesATitleTooShortOrTooLong() {
    assertThat(alice.send("/suggest ab | jeudi 19h | Paris").text())
        .contains("3 to 100 characters; this one has 2");
    assertThat(alice.send("/suggest " + "x".repeat(101) + " | jeudi 19h | Paris").text())
        .contains("this one has 101");
  }

  @Test
  void explainsRefusalsInFrenchToAFrenchSpeakingMember() {
    // given
    Chat.Member camille = chat.as("camille").withLocale(java.util.Locale.FRENCH).in("paris-tech");

    // then
    assertThat(camille.send("/suggest ab | jeudi 19h | Paris").text())
        .contains("Un titre compte de 3 à 100 caractères");
    assertThat(camille.send("/suggest Apéro blogueurs | jeudi 19h | Paris").text())
        .contains("attend un modérateur");
  }

  @Test
  void refusesAStartInThePast() {
    assertThat(alice.send("/suggest Afterwork tech | today 8am | Paris").text())
        .contains("already over");
  }

  @Test
  void refusesAStartMoreThanAYearAhead() {
    assertThat(alice.send("/suggest Afterwork tech | 12/03/2028 19h | Paris").text())
        .contains("more than a year away");
  }

  @Test
  void anEndEarlierThanTheStartCrossesMidnight() {
    assertThat(alice.send("/suggest Afterwork tech | jeudi 3/12 de 21h à 2h | Paris").isoText())
        .contains("2026-12-03T21:00+01:00 – 2026-12-04T02:00+01:00");
  }

  @Test
  void refusesALinkThatIsNotHttp() {
    assertThat(alice.send("/suggest Afterwork tech | jeudi 19h | Paris | ftp://x.org/a").text())
        .contains("http:// or https://");
    assertThat(
            alice.send("/suggest Afterwork tech | jeudi 19h | Paris | javascript:alert(1)").text())
        .contains("http:// or https://");
  }

  @Test
  void refusesADescriptionOverAThousandCharacters() {
    assertThat(
            alice
                .send("/suggest Afterwork tech | jeudi 19h | Paris | - | " + "d".repeat(1001))
                .text())
        .contains("fits in 1,000 characters; this one has 1,001");
  }

  @Test
  void asksToConfirmAnUnknownCity() {
    // when
    Chat.Said asked = alice.send("/suggest Afterwork tech | jeudi 19h | Le Bar, Gotham");
    Chat.Said confirmed = alice.press(asked, "Yes, it’s a city");

    // then
    assertThat(asked.text()).contains("I don’t know a city called \"Gotham\"");
    assertThat(asked.reply().allButtons()).extracting("label").doesNotContain("It’s a venue");
    assertThat(confirmed.text()).contains("waits for a moderator").contains("Le Bar, Gotham");
  }

  @Test
  void takesAnUnknownSingleWordForAVenueWhenTheMemberSaysSo() {
    // when
    Chat.Said asked = alice.send("/suggest Afterwork tech | jeudi 19h | Le Wagon");
    Chat.Said venue = alice.press(asked, "It’s a venue");

    // then
    assertThat(venue.text()).contains("waits for a moderator").contains("Where: Le Wagon");
  }

  @Test
  void showsTheLikelyTwinAndLetsTheMemberDropItOrSubmitAnyway() {
    // given
    alice.send("/suggest Afterwork Kotlin tech | jeudi 19h | Paris");

    // when
    Chat.Said twin =
        chat.as("bob").in("paris-tech").send("/suggest AFTERWORK kotlín tech! | jeudi 20h | Paris");
    Chat.Said dropped = chat.as("bob").in("paris-tech").press(twin, "Drop it");
    Chat.Said again =
        chat.as("bob").in("paris-tech").send("/suggest afterwork kotlin tech | jeudi 20h | Paris");
    Chat.Said anyway = chat.as("bob").in("paris-tech").press(again, "Submit anyway");

    // then
    assertThat(twin.text()).contains("looks like an event").contains("Afterwork Kotlin tech");
    assertThat(dropped.text()).contains("Dropped");
    assertThat(anyway.text()).contains("waits for a moderator");
  }

  @Test
  void findsATwinByItsLinkWhateverItsTitle() {
    // given
    alice.send("/suggest Afterwork tech | jeudi 19h | Paris | https://example.org/e/1");

    // when
    Chat.Said twin =
        chat.as("bob")
            .in("paris-tech")
            .send("/suggest Networking du mois | 03/12 19h | Paris | https://example.org/e/1");

    // then
    assertThat(twin.text()).contains("looks like an event").contains("Afterwork tech");
  }

  @Test
  void numberedEventsInOtherBarsAreNotTwins() {
    // given
    Chat.Member camille = chat.as("camille").withLocale(Locale.FRENCH).in("paris-tech");
    camille.send("/suggest Soirée networking numéro 1 | samedi 13h | Bar 1, Paris");

    // when
    Chat.Said second =
        camille.send("/suggest Soirée networking numéro 2 | samedi 14h | Bar 2, Paris");
    Chat.Said english =
        alice.send("/suggest Networking night number 3 | saturday 1pm | Bar 1, Paris");

    // then
    assertThat(second.text()).contains("attend un modérateur").doesNotContain("ressemble");
    assertThat(english.text()).contains("waits for a moderator").doesNotContain("looks like");
  }

  @Test
  void theSameTitleInAnotherBarAtAnotherHourIsNotATwin() {
    // given
    alice.send("/suggest Networking night | saturday 1pm | Bar Rouge, Paris");

    // when
    Chat.Said other = alice.send("/suggest Networking night | saturday 2pm | Le Comptoir, Paris");

    // then
    assertThat(other.text()).contains("waits for a moderator").doesNotContain("looks like");
  }

  @Test
  void stillFindsATrueTwinInTheSameBarInBothLanguages() {
    // given
    Chat.Member camille = chat.as("camille").withLocale(Locale.FRENCH).in("paris-tech");
    camille.send("/suggest Soirée networking numéro 1 | samedi 13h | Bar 1, Paris");
    alice.send("/suggest Networking night #4 | saturday 6pm | The Hub, Paris");

    // when
    Chat.Said french =
        chat.as("denis")
            .withLocale(Locale.FRENCH)
            .in("paris-tech")
            .send("/suggest SOIRÉE networking numero 1 ! | samedi 13h30 | bar 1, Paris");
    Chat.Said english =
        chat.as("bob").in("paris-tech").send("/suggest networking night 4 | saturday 6pm | Paris");

    // then
    assertThat(french.text())
        .contains("ressemble à un événement")
        .contains("Soirée networking numéro 1");
    assertThat(english.text()).contains("looks like an event").contains("Networking night #4");
  }

  @Test
  void refusesTheSixthSuggestionInAnHourWithTheTimeToWait() {
    // given
    for (int i = 1; i <= 5; i++) {
      chat.advance(Duration.ofMinutes(5));
      assertThat(alice.send("/suggest Networking n°" + i + " | 0" + i + "/12 19h | Paris").text())
          .contains("waits for a moderator");
    }

    // when
    Chat.Said refused = alice.send("/suggest Networking n°6 | 07/12 19h | Paris");

    // then the first one leaves the hour 40 minutes from now
    assertThat(refused.text()).contains("5 suggestions in the last hour").contains("in 40 min");
    assertThat(alice.send("/suggest").text()).contains("in 40 min");
    chat.advance(Duration.ofMinutes(40));
    assertThat(alice.send("/suggest Networking n°6 | 07/12 19h | Paris").text())
        .contains("waits for a moderator");
  }

  @Test
  void refusesAnEleventhPendingSuggestion() {
    // given
    for (int i = 1; i <= 10; i++) {
      if (i % 5 == 1) {
        chat.advance(Duration.ofHours(1));
      }
      assertThat(
              alice.send("/suggest Networking n°" + i + " | " + (i + 1) + "/12 19h | Paris").text())
          .contains("waits for a moderator");
    }
    chat.advance(Duration.ofHours(1));

    // when
    Chat.Said refused = alice.send("/suggest Networking n°11 | 20/12 19h | Paris");

    // then
    assertThat(refused.text()).contains("already have 10 suggestions waiting");
  }

  @Test
  void moderatorsSuggestionsPublishAtOnceWithoutLimits() {
    // given
    Chat.Member mod = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");

    // when
    Chat.Said said = mod.send("/suggest Soirée networking | jeudi 19h | Paris");

    // then
    assertThat(said.text()).contains("Published!");
    assertThat(said.reply().visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(alice.send("/events tonight").text()).contains("Soirée networking");
  }

  @Test
  void storesAHostileTitleAsTypedAndShowsItAsPlainText() {
    // given
    String hostile = "@everyone <b>x</b> [y](z) networking";

    // when
    Chat.Said said = alice.send("/suggest " + hostile + " | jeudi 19h | Paris");

    // then
    assertThat(said.text()).contains(hostile);
    long id = Long.parseLong(said.text().replaceAll("(?s).*Suggestion (\\d+) now.*", "$1"));
    assertThat(database.events().find(id).orElseThrow().title()).isEqualTo(hostile);
    assertThat(said.reply().blocks())
        .filteredOn(b -> b.title().isPresent())
        .flatExtracting(b -> b.title().orElseThrow().pieces())
        .allSatisfy(piece -> assertThat(piece).isInstanceOf(org.networkeras.chat.Piece.Bold.class));
  }
}
