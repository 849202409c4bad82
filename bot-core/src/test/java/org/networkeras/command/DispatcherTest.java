package org.networkeras.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.networkeras.chat.Visibility;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/** Nothing a member types can crash the bot or show an exception in the chat. */
final class DispatcherTest {

  private static Path folder;
  private static Database database;
  private static Chat chat;

  @BeforeContainer
  static void open() throws Exception {
    folder = Files.createTempDirectory("dispatcher-test");
    database = TestDatabases.sqlite(folder);
    chat = Chat.on(database).withStarterCatalog("general");
  }

  @AfterContainer
  static void close() {
    database.close();
  }

  @Property(tries = 300)
  void anyLineAfterAnyCommandGetsAReplyAndNeverAnExceptionText(
      @ForAll("commands") String command, @ForAll @StringLength(max = 300) String text) {
    // when
    Chat.Said said = chat.as("mallory").in("general").send(command + " " + text);

    // then
    assertThat(said.reply()).isNotNull();
    assertThat(said.text())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("Something went wrong");
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> commands() {
    return net.jqwik.api.Arbitraries.of(
        "/events", "/event", "/guide", "/help", "/start", "/when", "/nope", "/EVENTS");
  }

  @net.jqwik.api.Example
  void refusesALineOverTwoThousandCharacters() {
    // when
    Chat.Said said = chat.as("mallory").in("general").send("/events " + "a".repeat(2001));

    // then
    assertThat(said.text()).contains("too long").contains("2,000");
    assertThat(said.reply().visibility()).isEqualTo(Visibility.PRIVATE);
  }

  @net.jqwik.api.Example
  void refusesATenMegabyteUnknownCommandWithoutEchoingIt() {
    // given (regression: issue 11, where the whole name came back in the reply)
    String huge = "/" + "x".repeat(10_000_000);

    // when
    Chat.Said english = chat.as("mallory").in("general").send(huge);
    Chat.Said french = chat.as("mallory").withLocale(Locale.FRENCH).in("general").send(huge);

    // then
    assertThat(english.text()).contains("too long").contains("2,000").doesNotContain("xxxxxxxxxx");
    assertThat(french.text()).contains("trop long").doesNotContain("xxxxxxxxxx");
    assertThat(english.text().length() + french.text().length()).isLessThan(400);
  }

  @net.jqwik.api.Example
  void countsTheCommandsNameTowardsTheLimit() {
    // when: a 1,500-character name and a 1,000-character text, each short enough on its own
    Chat.Said said =
        chat.as("mallory").in("general").send("/" + "y".repeat(1_500) + " " + "a".repeat(1_000));

    // then
    assertThat(said.text()).contains("too long").doesNotContain("yyyyyyyyyy");
  }

  @net.jqwik.api.Example
  void shortensAnUnknownCommandsNameInTheReply() {
    // when
    String text = chat.as("mallory").in("general").send("/" + "z".repeat(1_000)).text();

    // then
    assertThat(text).contains("I don’t know the command").doesNotContain("z".repeat(41));
  }

  @net.jqwik.api.Example
  void suggestsTheNearestCommandForATypo() {
    assertThat(chat.as("alice").in("general").send("/evnts").text())
        .contains("/evnts")
        .contains("Did you mean /events?");
  }

  @net.jqwik.api.Example
  void explainsOneCommandWithItsGeneratedUsage() {
    // when
    String help = chat.as("alice").in("general").send("/help events").text();

    // then
    assertThat(help)
        .contains("/events [when] [family] [slot] [city]")
        .contains("family: Kind of event (Networking, Bloggers, Promotional, Common interest)");
  }

  @net.jqwik.api.Example
  void listsEveryCommandInHelpAndWelcomesOnStart() {
    assertThat(chat.as("alice").in("general").send("/help").text())
        .contains("/events")
        .contains("/event <event>")
        .contains("/guide [family]")
        .contains("/when <phrase>");
    assertThat(chat.as("alice").in("general").send("/start").text())
        .contains("I keep the event catalog of general");
  }

  @net.jqwik.api.Example
  void showsOneFamilyOfTheGuideFromAFrenchWord() {
    assertThat(chat.as("alice").in("general").send("/guide blogueurs").text())
        .contains("Bloggers")
        .doesNotContain("Networking\n");
  }
}
