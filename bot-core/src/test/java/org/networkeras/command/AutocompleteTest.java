package org.networkeras.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.Choice;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/**
 * Every option a command's spec declares with autocomplete answers, through the real specs and the
 * real core: event references, cities of the catalog, families, command names.
 */
final class AutocompleteTest {

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;

  @BeforeEach
  void openChat() {
    database = TestDatabases.Backend.SQLITE.open(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00").withStarterCatalog("paris-tech");
    alice = chat.as("alice").in("paris-tech");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  private List<Choice> complete(Chat.Member member, String command, String option, String typed) {
    return chat.core().complete(command, option, typed, member.user(), member.conversation());
  }

  @Test
  void everyOptionDeclaredWithAutocompleteAnswersSomething() {
    // given every option whose spec asks for autocomplete
    List<String[]> declared =
        chat.core().commandSpecs().stream()
            .flatMap(
                spec ->
                    spec.parameters().stream()
                        .filter(p -> p.autocomplete() != ParameterSpec.Autocomplete.NONE)
                        .map(p -> new String[] {spec.name(), p.name()}))
            .toList();
    Chat.Member moderator = alice.withRole(Role.ADMIN);

    // then
    assertThat(declared)
        .extracting(d -> d[0] + " " + d[1])
        .contains(
            "event ref",
            "going ref",
            "interested ref",
            "notgoing ref",
            "remind ref",
            "capacity ref",
            "events city",
            "help command");
    for (String[] option : declared) {
      assertThat(complete(moderator, option[0], option[1], ""))
          .as("/%s %s", option[0], option[1])
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(25)
          .allSatisfy(choice -> assertThat(choice.label()).hasSizeLessThanOrEqualTo(100));
    }
  }

  @Test
  void eventReferencesMatchTitleWordsAndShowTheDate() {
    // when
    List<Choice> choices = complete(alice, "going", "ref", "apero blog");

    // then
    assertThat(choices)
        .isNotEmpty()
        .allSatisfy(choice -> assertThat(choice.label()).contains("Apéro blogueurs (sample)"));
    Choice first = choices.get(0);
    assertThat(first.label()).startsWith("Wed 2 Dec 19:30 · ");
    assertThat(alice.send("/event " + first.value()).text()).contains("Apéro blogueurs");
  }

  @Test
  void lesReferencesDEvenementsDonnentLaDateEnFrancais() {
    // when
    List<Choice> choices = complete(alice.withLocale(Locale.FRENCH), "remind", "ref", "barcamp");

    // then
    assertThat(choices).isNotEmpty();
    assertThat(choices.get(0).label()).startsWith("sam. 28 nov. 10:00 · Barcamp du samedi");
  }

  @Test
  void wordsNoTitleStartsWithOfferNothing() {
    // then
    assertThat(complete(alice, "capacity", "ref", "zzz")).isEmpty();
  }

  @Test
  void citiesComeFromTheCatalogWhateverTheAccentsTyped() {
    // then
    assertThat(complete(alice, "events", "city", "LI"))
        .extracting(Choice::value)
        .containsExactly("Lille");
    assertThat(complete(alice, "events", "city", ""))
        .extracting(Choice::value)
        .containsExactlyInAnyOrder("Paris", "Lille", "Rennes");
  }

  @Test
  void commandNamesCompleteWithTheirDescriptionInTheMembersLanguage() {
    // when
    List<Choice> english = complete(alice, "help", "command", "ev");
    List<Choice> french = complete(alice.withLocale(Locale.FRENCH), "help", "command", "/sug");

    // then
    assertThat(english).extracting(Choice::value).containsExactlyInAnyOrder("events", "event");
    assertThat(french).extracting(Choice::value).containsExactly("suggest");
    assertThat(french.get(0).label()).startsWith("/suggest — ").contains("Proposer");
  }

  @Test
  void anOptionWithoutAutocompleteOrAnUnknownCommandGetsNothing() {
    // then
    assertThat(complete(alice, "events", "when", "to")).isEmpty();
    assertThat(complete(alice, "nosuchcommand", "ref", "")).isEmpty();
  }
}
