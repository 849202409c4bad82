package org.networkeras.app.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.discord.FakeDiscord;
import org.networkeras.discord.FakeDiscord.Answer;
import org.networkeras.discord.FakeDiscord.Person;

/**
 * Whole sessions on Discord as its members live them, against the packaged jar ({@link JarProcess})
 * logged in to a local Discord ({@link FakeDiscord}: REST and gateway, through {@code
 * DISCORD_API_URL}) which sends the interactions a member's client would: nothing on the path is
 * mocked. What only the member should see is ephemeral; what everyone sees is a plain answer.
 */
final class DiscordScenariosIT {

  private static final Person ALICE = new Person("2000000000000000010", "Alice", "en-US");
  private static final Person BOB = new Person("2000000000000000011", "Bob", "en-GB");
  private static final Person LEA = new Person("2000000000000000012", "Léa", "fr");

  /** The server's owner: an admin to the bot. */
  private static final Person MONA = new Person(FakeDiscord.MEMBER, "Mona", "en-US");

  private static final String HOSTILE = "<b>x</b> & @everyone";

  @TempDir Path tempDir;
  private FakeDiscord discord;
  private JarProcess jar;

  @BeforeEach
  void startTheBot() throws Exception {
    discord = new FakeDiscord();
    jar =
        JarProcess.start(
            tempDir,
            "2026-11-26T10:00",
            Map.of(
                "DISCORD_TOKEN",
                FakeDiscord.TOKEN,
                "DISCORD_API_URL",
                discord.apiUrl(),
                "DISCORD_GATEWAY_COMPRESSION",
                "none"));
    discord.awaitRequest(
        "PUT",
        "/api/v10/applications/" + FakeDiscord.APPLICATION_ID + "/commands",
        Duration.ofSeconds(60));
  }

  @AfterEach
  void stop() throws Exception {
    if (jar != null) {
      jar.close();
      assertThat(jar.problems()).as("what the jar logged:%n%s", jar.log()).isEmpty();
    }
    if (discord != null) {
      discord.close();
    }
  }

  @Test
  void aSuggestionFromTheFormIsReviewedListedAndRemindedByDirectMessage() throws Exception {
    // given
    Answer help = discord.awaitAnswer(discord.slashCommand(ALICE, true, "help", Map.of()));
    Answer nothingTonight =
        discord.awaitAnswer(discord.slashCommand(ALICE, true, "events", Map.of("when", "tonight")));

    // when Alice fills the form without a family, and Mona (the owner) reviews
    Answer form = discord.awaitAnswer(discord.slashCommand(ALICE, true, "suggest", Map.of()));
    Answer filed =
        discord.awaitAnswer(
            discord.submitModal(
                ALICE,
                true,
                form.message().getString("custom_id"),
                Map.of(
                    "title", "Games night " + HOSTILE,
                    "when", "tonight at 7pm",
                    "where", "Le Comptoir, Lyon"),
                Map.of("family", "")));
    Answer card = discord.awaitAnswer(discord.slashCommand(MONA, true, "review", Map.of()));
    Answer picked = press(MONA, card, "Networking");
    Answer approved = press(MONA, picked, "Approve");
    Answer listed =
        discord.awaitAnswer(discord.slashCommand(ALICE, true, "events", Map.of("when", "tonight")));
    Answer choices =
        discord.awaitAnswer(discord.autocomplete(ALICE, true, "event", "ref", "games"));
    Answer goingChoices =
        discord.awaitAnswer(discord.autocomplete(ALICE, true, "going", "ref", "night"));
    Answer cityChoices =
        discord.awaitAnswer(discord.autocomplete(ALICE, true, "events", "city", "ly"));
    Answer commandChoices =
        discord.awaitAnswer(discord.autocomplete(ALICE, true, "help", "command", "sug"));
    Answer eventCard =
        discord.awaitAnswer(discord.slashCommand(ALICE, true, "event", Map.of("ref", "1")));
    Answer going = press(ALICE, eventCard, "Going");
    Answer mine = discord.awaitAnswer(discord.slashCommand(ALICE, true, "mine", Map.of()));
    Answer mineInDirect = discord.awaitAnswer(discord.slashCommand(ALICE, false, "mine", Map.of()));
    jar.advance("7h");
    List<String> direct = List.of(directMessage(ALICE), directMessage(ALICE));

    // then
    assertThat(help.text()).contains("/events").contains("/suggest");
    assertThat(nothingTonight.text()).doesNotContain("Games night");
    assertThat(form.callbackType()).as("a modal").isEqualTo(9);
    assertThat(selectMenuValues(form.message(), "family"))
        .containsExactly("networking", "bloggers", "promotional", "common_interest");
    assertThat(filed.ephemeral()).isTrue();
    assertThat(filed.text()).contains("waits for a moderator");
    assertThat(card.ephemeral()).as("the review card is the moderator's").isTrue();
    assertThat(card.text()).contains("Games night");
    assertThat(picked.text()).contains("Networking");
    assertThat(approved.text()).contains("Published");
    assertThat(listed.ephemeral()).isFalse();
    assertThat(listed.text())
        .contains("Games night")
        .contains("\\<b\\>x\\</b\\>")
        .contains("\\@everyone")
        .doesNotContain("<b>");
    assertThat(listed.message().getObject("allowed_mentions").getArray("parse").length()).isZero();
    assertThat(choices.callbackType()).as("autocomplete choices").isEqualTo(8);
    assertThat(choices.message().getArray("choices").getObject(0).getString("name"))
        .contains("Games night");
    assertThat(choiceNames(goingChoices))
        .anySatisfy(name -> assertThat(name).contains("Games night"));
    assertThat(choiceNames(commandChoices))
        .anySatisfy(name -> assertThat(name).contains("suggest"));
    assertThat(choiceNames(cityChoices)).anySatisfy(name -> assertThat(name).contains("Lyon"));
    assertThat(going.ephemeral()).isTrue();
    assertThat(mine.ephemeral()).isTrue();
    assertThat(mine.text()).contains("Games night");
    assertThat(mineInDirect.text()).as("in direct messages too").contains("Games night");
    assertThat(direct)
        .as("the approval notice and the reminder, by direct message")
        .anySatisfy(text -> assertThat(text).contains("now in the agenda"))
        .anySatisfy(text -> assertThat(text).contains("Reminder").contains("Games night"));
  }

  @Test
  void directMessagesAndFrenchMembersAreAnsweredInTheirPlace() throws Exception {
    // when
    discord.postMessage(BOB, "@Networkeras hello, /events tonight?");
    Answer inDirect = discord.awaitAnswer(discord.slashCommand(BOB, false, "help", Map.of()));
    Answer enFrancais =
        discord.awaitAnswer(discord.slashCommand(LEA, true, "events", Map.of("when", "ce soir")));
    Answer aide = discord.awaitAnswer(discord.slashCommand(LEA, true, "help", Map.of()));
    Answer bienvenue = discord.awaitAnswer(discord.slashCommand(LEA, true, "start", Map.of()));

    // then
    assertThat(inDirect.text()).contains("/events");
    assertThat(discord.channelMessages()).as("a message is not a command: no answer").isEmpty();
    assertThat(enFrancais.text()).containsAnyOf("Rien", "rien");
    assertThat(aide.text()).contains("événement");
    assertThat(bienvenue.text())
        .contains("Bonjour")
        .contains("Paris Tech")
        .doesNotContain(FakeDiscord.GUILD_ID);
  }

  @Test
  void aOneLineSuggestionIsFiledAtOnceWithTheFamilyItsWordsSay() throws Exception {
    // when
    Answer filed =
        discord.awaitAnswer(
            discord.slashCommand(
                BOB,
                true,
                "suggest",
                Map.of("details", "Soirée blogueurs | tomorrow at 7pm | Le Comptoir, Lyon")));
    Answer form = discord.awaitAnswer(discord.slashCommand(LEA, true, "suggest", Map.of()));
    Answer picked =
        discord.awaitAnswer(
            discord.submitModal(
                LEA,
                true,
                form.message().getString("custom_id"),
                Map.of("title", "Apéro réseau", "when", "vendredi 19h", "where", "Lyon"),
                Map.of("family", "promotional")));
    Answer queue = discord.awaitAnswer(discord.slashCommand(MONA, true, "review", Map.of()));

    // then
    assertThat(filed.ephemeral()).isTrue();
    assertThat(filed.text()).contains("waits for a moderator").contains("Bloggers");
    assertThat(filed.button("Networking")).isEmpty();
    assertThat(picked.ephemeral()).isTrue();
    assertThat(picked.text()).as("the kind picked in the form").contains("Événementiel");
    assertThat(queue.text()).contains("Soirée blogueurs");
    assertThat(queue.button("Approve")).isPresent();
  }

  /** A member presses the button labelled {@code label} of a message the bot showed them. */
  private Answer press(Person person, Answer shown, String label) throws InterruptedException {
    String customId =
        shown
            .button(label)
            .orElseThrow(() -> new AssertionError("no button " + label + " in " + shown.message()));
    return discord.awaitAnswer(discord.pressButton(person, true, customId, shown));
  }

  /** The next direct message to {@code person}: its text and its embeds' texts. */
  private String directMessage(Person person) throws InterruptedException {
    DataObject message = discord.awaitDirectMessage(person.id());
    StringBuilder text = new StringBuilder(message.getString("content", ""));
    DataArray embeds = message.optArray("embeds").orElse(DataArray.empty());
    for (int i = 0; i < embeds.length(); i++) {
      text.append('\n').append(embeds.getObject(i).getString("title", ""));
      text.append('\n').append(embeds.getObject(i).getString("description", ""));
    }
    return text.toString();
  }

  /** The names of the choices an autocomplete answer offers. */
  private static List<String> choiceNames(Answer answer) {
    List<String> names = new ArrayList<>();
    DataArray choices = answer.message().getArray("choices");
    for (int i = 0; i < choices.length(); i++) {
      names.add(choices.getObject(i).getString("name"));
    }
    return names;
  }

  /** The values a modal's select menu {@code customId} offers. */
  private static List<String> selectMenuValues(DataObject modal, String customId) {
    List<String> values = new ArrayList<>();
    DataArray labels = modal.getArray("components");
    for (int i = 0; i < labels.length(); i++) {
      DataObject component = labels.getObject(i).getObject("component");
      if (customId.equals(component.getString("custom_id", null))) {
        DataArray options = component.getArray("options");
        for (int j = 0; j < options.length(); j++) {
          values.add(options.getObject(j).getString("value"));
        }
      }
    }
    return values;
  }
}
