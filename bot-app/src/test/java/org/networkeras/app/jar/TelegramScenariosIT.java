package org.networkeras.app.jar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.telegram.FakeBotApi;

/**
 * Whole sessions on Telegram as its members live them, against the packaged jar ({@link
 * JarProcess}) talking over HTTP to a local Bot API ({@link FakeBotApi}, through {@code
 * TELEGRAM_API_URL}): nothing on the path is mocked. Telegram shows every group message to the
 * whole group, so what is personal is answered there addressed to the member and what is secret
 * goes to the private chat, which the bot may open only once the member started it.
 */
final class TelegramScenariosIT {

  private static final String GROUP = "-1001234567890";
  private static final String FRENCH_GROUP = "-1009876543210";
  private static final String ALICE = "111111111";
  private static final String BOB = "222222222";
  private static final String MONA = "333333333";
  private static final String LEA = "444444444";
  private static final String HOSTILE = "<b>x</b> & @everyone";

  @TempDir Path tempDir;
  private FakeBotApi telegram;
  private JarProcess jar;
  private final AtomicInteger messageIds = new AtomicInteger(1);

  @BeforeEach
  void startTheBot() throws Exception {
    telegram = new FakeBotApi(500);
    telegram.refusePrivateChatsUntilStarted();
    telegram.administrators(
        GROUP,
        """
        [{"status":"creator","user":{"id":%s,"is_bot":false,"first_name":"Mona"},\
        "is_anonymous":false}]"""
            .formatted(MONA));
    jar =
        JarProcess.start(
            tempDir,
            "2026-11-26T10:00",
            Map.of(
                "TELEGRAM_BOT_TOKEN",
                FakeBotApi.TOKEN,
                "TELEGRAM_API_URL",
                telegram.url().toString()));
    telegram.take("setMyCommands");
  }

  @AfterEach
  void stop() throws Exception {
    if (jar != null) {
      jar.close();
      assertThat(jar.problems()).as("what the jar logged:%n%s", jar.log()).isEmpty();
    }
    if (telegram != null) {
      telegram.close();
    }
  }

  @Test
  void aSuggestionGoesFromAGroupToTheCatalogAndItsReminderArrivesPrivately() throws Exception {
    // given Alice has started the bot in private; Bob and Mona never did
    int start = say(ALICE, "Alice", "en", ALICE, "/start");
    FakeBotApi.Call welcome = answerIn(ALICE);
    int help = say(GROUP, "Alice", "en", ALICE, "/help@NetworkerasBot");
    FakeBotApi.Call helpAnswer = answerIn(GROUP);
    int empty = say(GROUP, "Alice", "en", ALICE, "/events@NetworkerasBot tonight");
    FakeBotApi.Call nothingTonight = answerIn(GROUP);

    // when Alice suggests in one line and Mona, the group's creator, reviews
    int suggest =
        say(
            GROUP,
            "Alice",
            "en",
            ALICE,
            "/suggest@NetworkerasBot Games night "
                + HOSTILE
                + " | tonight at 7pm | Le Comptoir, Lyon");
    FakeBotApi.Call filed = answerIn(GROUP);
    say(GROUP, "Mona", "en", MONA, "/review@NetworkerasBot");
    FakeBotApi.Call card = answerIn(GROUP);
    int bobsPress = press(GROUP, "Bob", BOB, card, "Approve");
    JsonNode refusal =
        telegram.take("answerCallbackQuery", body -> body.path("show_alert").asBoolean()).body();
    press(GROUP, "Mona", MONA, card, "Networking");
    FakeBotApi.Call picked = answerIn(GROUP);
    press(GROUP, "Mona", MONA, picked, "Approve");
    FakeBotApi.Call approved = answerIn(GROUP);
    say(GROUP, "Alice", "en", ALICE, "/events@NetworkerasBot tonight");
    FakeBotApi.Call listed = answerIn(GROUP);
    say(GROUP, "Alice", "en", ALICE, "/event@NetworkerasBot 1");
    FakeBotApi.Call eventCard = answerIn(GROUP);
    press(GROUP, "Alice", ALICE, eventCard, "Going");
    FakeBotApi.Call going = answerIn(GROUP);
    press(GROUP, "Bob", BOB, eventCard, "Going");
    FakeBotApi.Call bobGoing = answerIn(GROUP, "tg://user?id=" + BOB);
    say(GROUP, "Alice", "en", ALICE, "/mine@NetworkerasBot");
    FakeBotApi.Call mine = answerIn(GROUP);
    say(ALICE, "Alice", "en", ALICE, "/events tonight");
    FakeBotApi.Call inPrivate = answerIn(ALICE, "Events from");
    List<String> beforeTheClockMoves =
        telegram.pending("sendMessage").stream().map(TelegramScenariosIT::text).toList();
    jar.advance("7h");
    FakeBotApi.Call notice = answerIn(ALICE, "now in the agenda");
    FakeBotApi.Call reminder = answerIn(ALICE, "Reminder");
    jar.advance("1m");
    FakeBotApi.Call bobNotReminded = answerIn(GROUP, "could not send you a reminder");
    // then
    assertThat(start).isPositive();
    assertThat(text(welcome)).contains("Hello").contains("private chat").doesNotContain(ALICE);
    assertThat(repliesTo(helpAnswer)).isEqualTo(help);
    assertThat(text(helpAnswer)).contains("/events").contains("/suggest");
    assertThat(repliesTo(nothingTonight)).isEqualTo(empty);
    assertThat(text(nothingTonight)).doesNotContain("Games night");
    assertThat(repliesTo(filed)).isEqualTo(suggest);
    assertThat(text(filed))
        .contains("waits for a moderator")
        .contains("&lt;b&gt;x&lt;/b&gt; &amp; @\u2060everyone")
        .doesNotContain("<b>x</b>")
        .doesNotContain("@everyone");
    assertThat(text(card)).contains("Games night").contains("tg://user?id=" + MONA);
    assertThat(text(picked)).contains("Networking");
    assertThat(text(approved)).contains("Published");
    assertThat(text(listed)).contains("Games night").contains("<code>1</code>");
    assertThat(text(eventCard)).contains("Games night");
    assertThat(text(going)).as("%s", going.body()).contains("tg://user?id=" + ALICE);
    assertThat(bobsPress).isPositive();
    assertThat(refusal.path("text").asText()).startsWith("These buttons answer another member");
    assertThat(text(mine)).contains("Games night").contains("tg://user?id=" + ALICE);
    assertThat(text(inPrivate))
        .as("her private chat answers for her group")
        .contains("Games night");
    assertThat(text(notice)).contains("Games night");
    assertThat(beforeTheClockMoves).noneMatch(sent -> sent.contains("Reminder"));
    assertThat(text(bobGoing)).as("an RSVP answered to each member").isNotEqualTo(text(going));
    assertThat(text(bobNotReminded)).contains("Bob").doesNotContain("Games night");
    assertThat(firstButtonUrl(bobNotReminded))
        .as("the group gets a way to open the private chat, never the reminder")
        .isEqualTo("https://t.me/NetworkerasBot");
    assertThat(text(reminder)).contains("Games night").contains("19:00");
  }

  @Test
  void aSecretAnswerGoesToThePrivateChatThroughTheStartLink() throws Exception {
    // given Mona, who administers the group, never started the bot
    int asked = say(GROUP, "Mona", "en", MONA, "/link@NetworkerasBot");

    // when
    FakeBotApi.Call notice = answerIn(GROUP);
    String url =
        notice
            .body()
            .path("reply_markup")
            .path("inline_keyboard")
            .get(0)
            .get(0)
            .path("url")
            .asText();
    String payload = url.substring(url.indexOf("start=") + "start=".length());
    say(MONA, "Mona", "en", MONA, "/start " + payload);
    FakeBotApi.Call secret = answerIn(MONA);

    // then
    assertThat(repliesTo(notice)).isEqualTo(asked);
    assertThat(text(notice)).contains("Mona").contains("private chat");
    assertThat(url).startsWith("https://t.me/NetworkerasBot?start=");
    assertThat(text(secret)).isNotBlank().isNotEqualTo(text(notice));
    assertThat(telegram.pending("sendMessage"))
        .noneMatch(call -> call.body().path("chat_id").asText().equals(GROUP));
  }

  @Test
  void aFrenchGroupIsAnsweredInFrenchAndMessagesNotForTheBotGetNothing() throws Exception {
    // when
    say(FRENCH_GROUP, "Léa", "fr", LEA, "bonjour tout le monde");
    say(FRENCH_GROUP, "Léa", "fr", LEA, "/events@AutreBot ce soir");
    int help = say(FRENCH_GROUP, "Léa", "fr", LEA, "/help@NetworkerasBot");
    FakeBotApi.Call aide = answerIn(FRENCH_GROUP);
    say(FRENCH_GROUP, "Léa", "fr", LEA, "/events ce soir");
    FakeBotApi.Call ceSoir = answerIn(FRENCH_GROUP);
    say(FRENCH_GROUP, "Léa", "fr", LEA, "/start@NetworkerasBot");
    FakeBotApi.Call bienvenue = answerIn(FRENCH_GROUP);
    press(FRENCH_GROUP, "Léa", LEA, bienvenue, "Ce soir");
    FakeBotApi.Call updated =
        telegram.take(
            "editMessageText", body -> body.path("message_id").asInt() == bienvenue.messageId());

    // then
    assertThat(repliesTo(aide))
        .as("the first answer is to /help: the two messages before it got none")
        .isEqualTo(help);
    assertThat(text(aide)).contains("/suggest").contains("événement");
    assertThat(text(ceSoir)).containsAnyOf("Rien", "rien");
    assertThat(text(bienvenue))
        .contains("Bonjour")
        .contains("Lyon Tech")
        .doesNotContain(FRENCH_GROUP);
  }

  @Test
  void theGuidedFlowAsksInTheGroupAndOnlyTheAuthorAnswersItsButtons() throws Exception {
    // when Bob starts the guided flow and answers each question by replying to it
    int asked = say(GROUP, "Bob", "en", BOB, "/suggest@NetworkerasBot");
    FakeBotApi.Call title = answerIn(GROUP);
    replyTo(title, "Bob", BOB, "Board games evening");
    FakeBotApi.Call when = answerIn(GROUP);
    replyTo(when, "Bob", BOB, "tomorrow at 7pm");
    FakeBotApi.Call where = answerIn(GROUP);
    replyTo(where, "Bob", BOB, "Le Comptoir, Lyon");
    FakeBotApi.Call family = answerIn(GROUP);
    press(GROUP, "Alice", ALICE, family, "Networking");
    JsonNode refusal =
        telegram.take("answerCallbackQuery", body -> body.path("show_alert").asBoolean()).body();
    press(GROUP, "Bob", BOB, family, "Networking");
    FakeBotApi.Call link = answerIn(GROUP);
    replyTo(link, "Bob", BOB, "skip");
    FakeBotApi.Call description = answerIn(GROUP);
    replyTo(description, "Bob", BOB, "skip");
    FakeBotApi.Call filed = answerIn(GROUP);

    // then
    assertThat(repliesTo(title)).isEqualTo(asked);
    assertThat(List.of(title, when, where, family))
        .allSatisfy(question -> assertThat(text(question)).contains("tg://user?id=" + BOB));
    assertThat(text(title)).contains("called");
    assertThat(text(when)).contains("When");
    assertThat(text(where)).contains("Where");
    assertThat(text(family)).contains("What kind of event");
    assertThat(text(link)).contains("link");
    assertThat(refusal.path("text").asText()).startsWith("These buttons answer another member");
    assertThat(text(filed)).contains("Board games evening").contains("waits for a moderator");
  }

  /** A member answers the bot's message {@code question} with Telegram's reply. */
  private int replyTo(FakeBotApi.Call question, String name, String from, String text) {
    int id = messageIds.getAndIncrement();
    String chat = question.body().path("chat_id").asText();
    telegram.queueUpdate(
        """
        {"message":{"message_id":%d,"from":{"id":%s,"is_bot":false,"first_name":"%s",\
        "language_code":"en"},"chat":{"id":%s,"title":"Paris Tech","type":"supergroup"},\
        "date":1795683600,"text":%s,"reply_to_message":{"message_id":%d,\
        "from":{"id":999999999,"is_bot":true,"first_name":"Networkeras",\
        "username":"NetworkerasBot"},"chat":{"id":%s,"title":"Paris Tech",\
        "type":"supergroup"},"date":1795683600,"text":"question"}}}"""
            .formatted(id, from, name, chat, quote(text), question.messageId(), chat));
    return id;
  }

  /** A member types {@code text} in {@code chat}; returns the message's id. */
  private int say(String chat, String name, String language, String from, String text) {
    int id = messageIds.getAndIncrement();
    String chatJson =
        chat.startsWith("-")
            ? "{\"id\":%s,\"title\":\"%s\",\"type\":\"supergroup\"}".formatted(chat, title(chat))
            : "{\"id\":%s,\"first_name\":\"%s\",\"type\":\"private\"}".formatted(chat, name);
    String entities = "";
    if (text.startsWith("/")) {
      int end = text.indexOf(' ');
      entities =
          ",\"entities\":[{\"offset\":0,\"length\":%d,\"type\":\"bot_command\"}]"
              .formatted(end < 0 ? text.length() : end);
    }
    telegram.queueUpdate(
        """
        {"message":{"message_id":%d,"from":{"id":%s,"is_bot":false,"first_name":"%s",\
        "language_code":"%s"},"chat":%s,"date":1795683600,"text":%s%s}}"""
            .formatted(id, from, name, language, chatJson, quote(text), entities));
    return id;
  }

  /** A member presses the button labelled {@code label} under the bot's message {@code shown}. */
  private int press(String chat, String name, String from, FakeBotApi.Call shown, String label) {
    String data = null;
    List<String> labels = new ArrayList<>();
    for (JsonNode row : shown.body().path("reply_markup").path("inline_keyboard")) {
      for (JsonNode button : row) {
        labels.add(button.path("text").asText());
        if (button.path("text").asText().equals(label)) {
          data = button.path("callback_data").asText();
        }
      }
    }
    assertThat(data).as("a button %s among %s in %s", label, labels, shown.body()).isNotNull();
    int id = messageIds.getAndIncrement();
    telegram.queueUpdate(
        """
        {"callback_query":{"id":"cb%d","from":{"id":%s,"is_bot":false,"first_name":"%s",\
        "language_code":"en"},"message":{"message_id":%d,"from":{"id":999999999,"is_bot":true,\
        "first_name":"Networkeras","username":"NetworkerasBot"},"chat":{"id":%s,\
        "title":"%s","type":"supergroup"},"date":1795683600,"text":"card"},\
        "chat_instance":"42","data":%s}}"""
            .formatted(id, from, name, shown.messageId(), chat, title(chat), quote(data)));
    return id;
  }

  private static String firstButtonUrl(FakeBotApi.Call message) {
    return message
        .body()
        .path("reply_markup")
        .path("inline_keyboard")
        .get(0)
        .get(0)
        .path("url")
        .asText();
  }

  private static String text(FakeBotApi.Call message) {
    return message.body().path("text").asText();
  }

  private static int repliesTo(FakeBotApi.Call message) {
    return message.body().path("reply_parameters").path("message_id").asInt();
  }

  /** The next message the bot sent to {@code chat}, as Telegram answered it (with its id). */
  private FakeBotApi.Call answerIn(String chat) throws InterruptedException {
    return telegram.take("sendMessage", body -> body.path("chat_id").asText().equals(chat));
  }

  /** The first message the bot sent to {@code chat} whose text contains {@code words}. */
  private FakeBotApi.Call answerIn(String chat, String words) throws InterruptedException {
    return telegram.take(
        "sendMessage",
        body ->
            body.path("chat_id").asText().equals(chat)
                && body.path("text").asText().contains(words));
  }

  private static String title(String group) {
    return group.equals(GROUP) ? "Paris Tech" : "Lyon Tech";
  }

  private static String quote(String text) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
  }
}
