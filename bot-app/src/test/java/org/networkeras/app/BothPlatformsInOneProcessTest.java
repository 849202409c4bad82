package org.networkeras.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import net.dv8tion.jda.api.utils.data.DataObject;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.community.CommunityService;
import org.networkeras.core.CoreWiring;
import org.networkeras.discord.DiscordAdapter;
import org.networkeras.discord.DiscordSettings;
import org.networkeras.discord.FakeDiscord;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.telegram.FakeBotApi;
import org.networkeras.telegram.TelegramAdapter;
import org.networkeras.telegram.TelegramSettings;

/**
 * JDA and TelegramBots in one JVM over one core, as the launcher runs them: both SDKs share the one
 * OkHttp the build keeps (okhttp-jvm 5.4.0; TelegramBots' own OkHttp 4.12 is excluded), and both
 * still log in, receive and send against fakes of Discord and of the Bot API on loopback.
 */
final class BothPlatformsInOneProcessTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String TELEGRAM_GROUP = "-1001234567890";
  private static final String TELEGRAM_MEMBER = "111111111";

  @TempDir static Path tempDir;

  private static FakeDiscord discord;
  private static FakeBotApi botApi;
  private static Database database;
  private static DiscordAdapter discordAdapter;
  private static TelegramAdapter telegramAdapter;

  @BeforeAll
  static void startBothAdaptersOnOneCore() throws Exception {
    discord = new FakeDiscord();
    botApi = new FakeBotApi(200);
    database = TestDatabases.sqlite(tempDir);
    // a Thursday, 10:00 in Paris: tonight has sample events
    Clock clock =
        Clock.fixed(LocalDateTime.parse("2026-11-26T10:00").atZone(PARIS).toInstant(), PARIS);
    CoreWiring core =
        new CoreWiring(database, clock, new CommunityDefaults(PARIS, null, Language.EN, null));
    core.loadStarterCatalog(
        core.communities()
            .byGroup(CommunityService.groupKey(Platform.TELEGRAM, TELEGRAM_GROUP), "Paris Tech"));

    discordAdapter =
        DiscordAdapter.start(
            new DiscordSettings(
                FakeDiscord.TOKEN,
                Optional.empty(),
                Optional.of(URI.create(discord.apiUrl())),
                false,
                tempDir),
            core.core(),
            clock);
    telegramAdapter =
        TelegramAdapter.start(
            new TelegramSettings(FakeBotApi.TOKEN, botApi.url()),
            core.core(),
            database.state(),
            core.usernames(),
            clock);
  }

  @AfterAll
  static void stopEverything() {
    if (telegramAdapter != null) {
      telegramAdapter.close();
    }
    if (discordAdapter != null) {
      discordAdapter.close();
    }
    if (database != null) {
      database.close();
    }
    if (botApi != null) {
      botApi.close();
    }
    if (discord != null) {
      discord.close();
    }
  }

  @Test
  void bothAdaptersRegisterCoresCommandsAtStartUp() throws Exception {
    // given the start-up

    // when
    JsonNode telegramMenu = botApi.take("setMyCommands").body();
    List<RecordedRequest> discordCommands =
        discord.requests(
            "PUT", "/api/v10/applications/" + FakeDiscord.APPLICATION_ID + "/commands");

    // then
    assertThat(telegramAdapter.isPolling()).isTrue();
    assertThat(telegramMenu.get("commands").findValuesAsText("command")).contains("events");
    assertThat(discordCommands).hasSize(1);
    assertThat(discordCommands.get(0).getBody().utf8()).contains("\"name\":\"events\"");
  }

  @Test
  void answersEventsTonightOnTelegramFromTheStarterCatalog() throws Exception {
    // given
    String update = groupMessage(500, "/events tonight");

    // when
    botApi.queueUpdates("{\"ok\":true,\"result\":[" + update + "]}");
    JsonNode answer = nextSendMessageTo(TELEGRAM_GROUP);

    // then
    assertThat(answer.get("parse_mode").asText()).isEqualToIgnoringCase("html");
    assertThat(answer.get("text").asText())
        .contains("Meetup Java &amp; Café (sample)")
        .contains("Showroom Launch Party (sample)")
        .doesNotContain("Friday Startup Drinks (sample)");
  }

  @Test
  void deliversAnOutboundDiscordMessageThroughDiscordsRestApi() {
    // given
    Conversation channel =
        Conversation.group(Platform.DISCORD, FakeDiscord.CHANNEL_ID, FakeDiscord.GUILD_ID);

    // when
    DeliveryResult result =
        discordAdapter
            .gateway()
            .send(channel, Reply.text(Locale.ENGLISH, "Meetup Java starts in one hour"), "r:1");

    // then
    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    List<RecordedRequest> posts =
        discord.requests("POST", "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages");
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).getHeaders().get("Authorization"))
        .isEqualTo("Bot " + FakeDiscord.TOKEN);
    DataObject body = DataObject.fromJson(posts.get(0).getBody().utf8());
    assertThat(body.getString("content")).isEqualTo("Meetup Java starts in one hour");
  }

  @Test
  void deliversADirectTelegramMessageThroughSendMessage() throws Exception {
    // given
    ChatUser member = ChatUser.member(Platform.TELEGRAM, TELEGRAM_MEMBER, "Alice");

    // when
    DeliveryResult result =
        telegramAdapter
            .gateway()
            .sendDirect(member, Reply.text(Locale.ENGLISH, "See you tonight"), "dm:1");

    // then
    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(nextSendMessageTo(TELEGRAM_MEMBER).get("text").asText())
        .isEqualTo("See you tonight");
  }

  @Test
  void runsBothSdksOnTheOneOkHttpOfTheBuild() throws Exception {
    // given both adapters running

    // when
    Object version = OkHttp.class.getField("VERSION").get(null);
    List<URL> okHttpClients =
        Collections.list(
            ClassLoader.getSystemClassLoader().getResources("okhttp3/OkHttpClient.class"));
    List<String> classPath =
        Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));

    // then
    assertThat(version).isEqualTo("5.4.0");
    assertThat(okHttpClients).singleElement().asString().contains("okhttp-jvm-5.4.0.jar");
    assertThat(OkHttpClient.class.getProtectionDomain().getCodeSource().getLocation().toString())
        .contains("okhttp-jvm-5.4.0.jar");
    assertThat(classPath)
        .anyMatch(entry -> entry.endsWith("okhttp-jvm-5.4.0.jar"))
        .noneMatch(entry -> Path.of(entry).getFileName().toString().startsWith("okhttp-4"));
  }

  /** The next {@code sendMessage} to {@code chatId}; others to other chats are passed over. */
  private static JsonNode nextSendMessageTo(String chatId) throws InterruptedException {
    for (int passed = 0; passed < 10; passed++) {
      JsonNode body = botApi.take("sendMessage").body();
      if (body.get("chat_id").asText().equals(chatId)) {
        return body;
      }
    }
    throw new AssertionError("no sendMessage to " + chatId);
  }

  /** A text message in the group, as Telegram sends it (with its {@code bot_command} entity). */
  static String groupMessage(int updateId, String text) {
    int command = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
    return """
        {"update_id":%d,"message":{"message_id":%d,\
        "from":{"id":%s,"is_bot":false,"first_name":"Alice","language_code":"en"},\
        "chat":{"id":%s,"title":"Paris Tech","type":"supergroup"},"date":1795683600,\
        "text":"%s","entities":[{"offset":0,"length":%d,"type":"bot_command"}]}}"""
        .formatted(updateId, 1000 + updateId, TELEGRAM_MEMBER, TELEGRAM_GROUP, text, command);
  }
}
