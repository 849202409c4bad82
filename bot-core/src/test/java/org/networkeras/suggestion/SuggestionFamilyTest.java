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
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.chat.Button;
import org.networkeras.chat.Capabilities;
import org.networkeras.chat.Form;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Role;
import org.networkeras.chat.SendLimits;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/**
 * A complete suggestion never waits on a question: without a family it is filed all the same, and
 * the moderator (or, where the author may publish, the author, however late) picks the family.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class SuggestionFamilyTest {

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
    // Thursday 26 November 2026, 10:00 in Paris
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

  private static long idIn(String text) {
    return Long.parseLong(text.replaceAll("(?s).*?(?:uggestion|roposition) (\\d+).*", "$1"));
  }

  @Test
  void aOneLineSuggestionWithoutFamilyIsFiledThenTheModeratorPicksItAndApproves() {
    // when
    Chat.Said filed = alice.send("/suggest Rencontre mensuelle | jeudi 19h | Paris");
    Chat.Said queue = mona.send("/review");
    Chat.Said tooSoon = mona.press(queue, "Approve");
    Chat.Said picked = mona.press(queue, "Networking");
    Chat.Said approved = mona.press(picked, "Approve");

    // then
    assertThat(filed.text())
        .contains("waits for a moderator")
        .contains("Kind: not chosen yet")
        .doesNotContain("What kind");
    assertThat(filed.reply().allButtons()).isEmpty();
    assertThat(queue.text()).contains("Rencontre mensuelle").contains("Suggested by alice");
    assertThat(queue.reply().allButtons())
        .extracting(Button::label)
        .containsExactly(
            "Networking",
            "Bloggers",
            "Promotional",
            "Common interest",
            "Approve",
            "Reject",
            "Edit");
    assertThat(tooSoon.text()).contains("Pick the kind of event");
    assertThat(picked.text()).contains("Kind of event set to Networking").contains("Networking");
    assertThat(picked.reply().allButtons())
        .extracting(Button::label)
        .containsExactly("Approve", "Reject", "Edit");
    assertThat(approved.text()).contains("Published: Rencontre mensuelle");
    assertThat(alice.send("/events tonight").text()).contains("Rencontre mensuelle");
  }

  @Test
  void aOneLineSuggestionInATelegramGroupIsAnsweredWithoutAQuestion() {
    // given
    Chat.Member member =
        chat.as("42").on(Platform.TELEGRAM).withLocale(Locale.FRENCH).in("-1001", "Lyon Tech");

    // when
    Chat.Said said = member.send("/suggest Soirée jeux | vendredi 19h | Le Comptoir, Lyon");

    // then
    assertThat(said.text())
        .contains("attend un modérateur")
        .contains("Soirée jeux")
        .contains("Le Comptoir, Lyon")
        .doesNotContain("De quel genre");
    assertThat(said.reply().allButtons()).isEmpty();
  }

  @Test
  void enFrancaisLaPropositionSansGenreEstClasseeEtLeModerateurChoisitLeGenre() {
    // given
    Chat.Member alix = alice.withLocale(Locale.FRENCH);
    Chat.Member modo = mona.withLocale(Locale.FRENCH);

    // when
    Chat.Said filed = alix.send("/suggest Rencontre mensuelle | jeudi 19h | Paris");
    Chat.Said queue = modo.send("/review");
    Chat.Said tooSoon = modo.press(queue, "Approuver");
    Chat.Said picked = modo.press(queue, "Blogueurs");
    Chat.Said approved = modo.press(picked, "Approuver");

    // then
    assertThat(filed.text()).contains("attend un modérateur").contains("pas encore choisi");
    assertThat(queue.reply().allButtons())
        .extracting(Button::label)
        .startsWith("Networking", "Blogueurs", "Événementiel", "Intérêts communs");
    assertThat(tooSoon.text()).contains("Choisissez le genre");
    assertThat(picked.text()).contains("Genre d’événement : Blogueurs");
    assertThat(approved.text()).contains("Rencontre mensuelle");
    assertThat(alix.send("/events ce soir").text()).contains("Rencontre mensuelle");
  }

  @Test
  void theWordsOfTheTitleGiveTheFamilyWithoutAsking() {
    // when
    Chat.Said camp = alice.send("/suggest Barcamp e-réputation | samedi 9h | Paris");
    Chat.Said launch = alice.send("/suggest Lancement de l’appli | vendredi 19h | Lyon");
    Chat.Said bloggers = alice.send("/suggest Soirée blogueurs | vendredi 20h | Lille");

    // then
    assertThat(camp.text()).contains("Common interest");
    assertThat(launch.text()).contains("Promotional");
    assertThat(bloggers.text()).contains("Bloggers");
    assertThat(mona.send("/review").reply().allButtons())
        .extracting(Button::label)
        .doesNotContain("Networking");
  }

  @Test
  void moderatorsAreToldOfTheSuggestionWithTheFamiliesToPick() {
    // given mona has used the bot here as a moderator
    mona.send("/review");

    // when
    alice.send("/suggest Rencontre mensuelle | jeudi 19h | Paris");

    // then
    assertThat(chat.sent())
        .filteredOn(s -> s.to().equals("console:mona"))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.text())
                    .contains("New suggestion from alice")
                    .contains("Common interest")
                    .contains("Approve"));
  }

  @Test
  void aModeratorsOwnSuggestionIsSavedAndTheFamilyAskedInPlaceEvenAnHourLater() {
    // when
    Chat.Said asked = mona.send("/suggest Rencontre mensuelle | jeudi 19h | Paris");
    chat.advance(Duration.ofHours(1));
    Chat.Said answered = mona.press(asked, "Networking");

    // then
    assertThat(asked.text()).contains("Saved as suggestion").contains("What kind of event is it?");
    assertThat(asked.reply().allButtons())
        .extracting(Button::label)
        .containsExactly("Networking", "Bloggers", "Promotional", "Common interest");
    assertThat(answered.text()).contains("Published!").contains("Networking");
    assertThat(alice.send("/events tonight").text()).contains("Rencontre mensuelle");
  }

  @Test
  void inOpenModeTheAuthorIsAskedAndTheSuggestionWaitsUnlistedUntilTheyAnswer() {
    // given
    admin.send("/settings mode open");

    // when
    Chat.Said asked = alice.send("/suggest Rencontre mensuelle | jeudi 19h | Paris");
    String before = alice.send("/events tonight").text();
    Chat.Said waiting = mona.send("/review");
    Chat.Said answered = alice.press(asked, "Promotional");

    // then
    assertThat(asked.text()).contains("What kind of event is it?");
    assertThat(before).doesNotContain("Rencontre mensuelle");
    assertThat(waiting.text()).contains("Rencontre mensuelle");
    assertThat(answered.text()).contains("Published!").contains("Promotional");
    assertThat(alice.send("/events tonight").text()).contains("Rencontre mensuelle");
  }

  @Test
  void enModeOuvertLAuteurChoisitLeGenreEnFrancais() {
    // given
    admin.send("/settings mode open");
    Chat.Member alix = alice.withLocale(Locale.FRENCH);

    // when
    Chat.Said asked = alix.send("/suggest Rencontre mensuelle | jeudi 19h | Paris");
    Chat.Said answered = alix.press(asked, "Intérêts communs");

    // then
    assertThat(asked.text()).contains("De quel genre d’événement s’agit-il ?");
    assertThat(answered.text()).contains("Publié !").contains("Intérêts communs");
  }

  @Test
  void anotherMembersAnswerToTheFamilyQuestionIsRefused() {
    // given
    admin.send("/settings mode open");
    Chat.Said asked = alice.send("/suggest Rencontre mensuelle | jeudi 19h | Paris");

    // when
    Chat.Said refused = chat.as("bob").in("paris-tech").press(asked, "Networking");

    // then
    assertThat(refused.text()).contains("Only moderators can change event");
    assertThat(alice.send("/events tonight").text()).doesNotContain("Rencontre mensuelle");
  }

  @Test
  void theAuthorsLateAnswerAfterAModeratorApprovedSaysItWasHandled() {
    // given
    admin.send("/settings mode open");
    Chat.Said asked = alice.send("/suggest Rencontre mensuelle | jeudi 19h | Paris");
    Chat.Said queue = mona.send("/review");
    mona.press(mona.press(queue, "Bloggers"), "Approve");

    // when
    Chat.Said late = alice.press(asked, "Networking");

    // then
    assertThat(late.text()).contains("already handled");
  }

  @Test
  void theGuidedFlowStillAsksTheFamilyAndNotSureFilesItWithoutOne() {
    // when
    alice.send("/suggest Rencontre mensuelle");
    alice.send("jeudi 19h");
    Chat.Said where = alice.send("Paris");
    Chat.Said skipped = alice.press(where, "Not sure");
    alice.send("skip");
    Chat.Said done = alice.send("skip");

    // then
    assertThat(where.text()).contains("What kind of event");
    assertThat(skipped.text()).contains("A link");
    assertThat(done.text()).contains("waits for a moderator").contains("not chosen yet");
  }

  @Test
  void aFormWithFamilyMenuCarriesTheFamilyWhereFormsHoldMenus() {
    // given
    chat.gateway(Platform.DISCORD)
        .declare(
            new Capabilities(
                true, true, true, true, SendLimits.UNLIMITED, Capabilities.PersonNaming.PICKER));
    Chat.Member member = chat.as("alice").on(Platform.DISCORD).in("guild-1");

    // when
    Chat.Said opened = member.send("/suggest");
    Chat.Said submitted =
        member.submit(
            "suggest",
            Map.of(
                "title", "Rencontre mensuelle",
                "when", "jeudi 19h",
                "where", "Paris",
                "family", "bloggers",
                "details", "https://example.org/r Talks and drinks"));

    // then
    Form form = opened.reply().form().orElseThrow();
    assertThat(form.fields()).hasSizeLessThanOrEqualTo(5);
    Form.Field family =
        form.fields().stream().filter(Form.Field::isSelect).findFirst().orElseThrow();
    assertThat(family.id()).isEqualTo("family");
    assertThat(family.required()).isFalse();
    assertThat(family.options())
        .extracting(org.networkeras.chat.Choice::value)
        .containsExactly("networking", "bloggers", "promotional", "common_interest");
    assertThat(submitted.text())
        .contains("waits for a moderator")
        .contains("Bloggers")
        .contains("https://example.org/r")
        .contains("Talks and drinks");
    long id = idIn(submitted.text());
    assertThat(database.events().find(id).orElseThrow().family()).isEqualTo(Family.BLOGGERS);
  }

  @Test
  void aFormWithoutFamilyIsFiledWithoutOneAndNeverAsks() {
    // given
    Chat.Member member = chat.as("alice").on(Platform.DISCORD).in("guild-1");

    // when
    Chat.Said opened = member.send("/suggest");
    Chat.Said submitted =
        member.submit(
            "suggest",
            Map.of("title", "Rencontre mensuelle", "when", "jeudi 19h", "where", "Paris"));

    // then
    assertThat(opened.reply().form().orElseThrow().fields()).noneMatch(Form.Field::isSelect);
    assertThat(submitted.text()).contains("waits for a moderator").doesNotContain("What kind");
    long id = idIn(submitted.text());
    assertThat(database.events().find(id).orElseThrow().status()).isEqualTo(EventStatus.SUGGESTED);
    assertThat(database.events().find(id).orElseThrow().family()).isNull();
  }
}
