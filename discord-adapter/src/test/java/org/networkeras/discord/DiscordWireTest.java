package org.networkeras.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.calendar.IcsChecks;
import org.networkeras.chat.Attachment;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.ButtonPress;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.testing.CalendarAnswers;

/**
 * The real adapter, started against a fake Discord on this machine: JDA logs in through the fake's
 * {@code /gateway/bot} and gateway, and every REST call lands on the fake.
 */
final class DiscordWireTest {

  @TempDir static Path dataFolder;

  private static FakeDiscord discord;
  private static DiscordAdapter adapter;
  private static BotCore core;

  @BeforeAll
  static void startAgainstTheFakeDiscord() throws Exception {
    discord = new FakeDiscord();
    core = mock(BotCore.class);
    when(core.commandSpecs()).thenReturn(SampleSpecs.representative());
    DiscordSettings settings =
        new DiscordSettings(
            FakeDiscord.TOKEN,
            Optional.empty(),
            Optional.of(java.net.URI.create(discord.apiUrl())),
            false,
            dataFolder);
    adapter =
        DiscordAdapter.start(
            settings, core, new MutableClock(Instant.parse("2026-11-26T15:00:00Z")));
  }

  @AfterAll
  static void stop() {
    if (adapter != null) {
      adapter.close();
    }
    discord.close();
  }

  @Test
  void identifiesWithoutPrivilegedIntentsAndWithoutCompression() throws Exception {
    // given the start-up

    // when
    DataObject identify = discord.identifies().poll(1, TimeUnit.MINUTES);

    // then
    assertThat(identify).isNotNull();
    assertThat(identify.getString("token")).isEqualTo(FakeDiscord.TOKEN);
    int guilds = 1;
    assertThat(identify.getInt("intents")).isEqualTo(guilds);
    assertThat(identify.getBoolean("compress", false)).isFalse();
    assertThat(discord.gatewayTarget()).contains("encoding=json").doesNotContain("compress");
    assertThat(discord.requests("GET", "/api/v10/gateway/bot")).isNotEmpty();
    assertThat(
            discord
                .requests("GET", "/api/v10/gateway/bot")
                .get(0)
                .getHeaders()
                .get("Authorization"))
        .isEqualTo("Bot " + FakeDiscord.TOKEN);
  }

  @Test
  void registersCoresCommandsGloballyAtStartUp() {
    // given the start-up

    // when
    List<RecordedRequest> puts =
        discord.requests(
            "PUT", "/api/v10/applications/" + FakeDiscord.APPLICATION_ID + "/commands");

    // then
    assertThat(puts).hasSize(1);
    DataArray sent = DataArray.fromJson(puts.get(0).getBody().utf8());
    DataArray expected =
        DataArray.fromJson(DiscordCommandRenderer.commandsJson(SampleSpecs.representative()));
    assertThat(sent.toList()).isEqualTo(expected.toList());
  }

  @Test
  void uploadsTheCalendarFileOfAddToCalendarWithTheAnswer(@TempDir Path coreFolder)
      throws Exception {
    // given core's real answer to "Add to calendar", its .ics file attached
    Reply addToCalendar = CalendarAnswers.addToCalendar(coreFolder);
    Attachment ics = addToCalendar.attachments().get(0);
    when(core.handle(any(ButtonPress.class))).thenReturn(addToCalendar);
    FakeDiscord.Answer card =
        new FakeDiscord.Answer(
            FakeDiscord.AnswerKind.CALLBACK, 4, DataObject.empty().put("content", "A card"));

    // when
    FakeDiscord.Answer answer =
        discord.awaitAnswer(
            discord.pressButton(
                new FakeDiscord.Person(FakeDiscord.MEMBER, "Mona", "en-US"), true, "ics:42", card));

    // then
    assertThat(answer.ephemeral()).isTrue();
    assertThat(answer.text()).contains(CalendarAnswers.TITLE);
    assertThat(answer.files()).hasSize(1);
    FakeDiscord.Upload file = answer.files().get(0);
    assertThat(file.fileName()).isEqualTo(ics.fileName()).endsWith(".ics");
    // JDA uploads every file as bytes; Discord gives it its type (text/calendar) from its name
    assertThat(file.contentType()).startsWith("application/octet-stream");
    assertThat(file.content()).isEqualTo(ics.content());
    String text = new String(file.content(), StandardCharsets.UTF_8);
    VEvent event = IcsChecks.events(IcsChecks.valid(text)).get(0);
    assertThat(IcsChecks.property(event, "SUMMARY")).isEqualTo(CalendarAnswers.TITLE);
    assertThat(IcsChecks.property(event, "UID")).endsWith("@agenda.example.org");
    assertThat(text).contains("DTSTART;TZID=Europe/Paris:20261203T190000");
    assertThat(answer.message().getArray("attachments").getObject(0).getString("filename"))
        .isEqualTo(ics.fileName());
  }

  @Test
  void sendsTheCalendarFileToAMembersDirectChannelAsAnAttachment(@TempDir Path coreFolder) {
    // given core's real answer to "Add to calendar", delivered later to the member's DMs
    Reply addToCalendar = CalendarAnswers.addToCalendar(coreFolder);
    Attachment ics = addToCalendar.attachments().get(0);
    ChatUser member = ChatUser.member(Platform.DISCORD, FakeDiscord.MEMBER, "alice");

    // when
    DeliveryResult result = adapter.gateway().sendDirect(member, addToCalendar, "dm:ics");

    // then
    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    RecordedRequest post =
        last(
            discord.requests().stream()
                .filter(
                    r ->
                        r.getMethod().equals("POST")
                            && r.getUrl().encodedPath().endsWith("/messages"))
                .filter(r -> !FakeDiscord.uploads(r).isEmpty())
                .toList());
    assertThat(FakeDiscord.payload(post).getString("content")).contains(CalendarAnswers.TITLE);
    List<FakeDiscord.Upload> files = FakeDiscord.uploads(post);
    assertThat(files).hasSize(1);
    assertThat(files.get(0).fileName()).isEqualTo(ics.fileName());
    assertThat(files.get(0).content()).isEqualTo(ics.content());
    IcsChecks.valid(new String(files.get(0).content(), StandardCharsets.UTF_8));
  }

  @Test
  void postsInAGuildChannelWithANonceAndNoMentionAllowed() {
    // given
    Conversation channel =
        Conversation.group(Platform.DISCORD, FakeDiscord.CHANNEL_ID, FakeDiscord.GUILD_ID);
    Reply reply = Reply.text(Locale.ENGLISH, "@everyone Soirée Connect starts in one hour");

    // when
    DeliveryResult result = adapter.gateway().send(channel, reply, "reminder:42:2026-11-26:60");

    // then
    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    RecordedRequest post =
        last(discord.requests("POST", "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages"));
    DataObject body = DataObject.fromJson(post.getBody().utf8());
    assertThat(body.getString("content"))
        .isEqualTo("\\@everyone Soirée Connect starts in one hour");
    assertThat(body.getObject("allowed_mentions").getArray("parse").length()).isZero();
    assertThat(body.getString("nonce"))
        .isEqualTo(DiscordChatGateway.nonce("reminder:42:2026-11-26:60"))
        .hasSizeLessThanOrEqualTo(25);
    assertThat(body.getBoolean("enforce_nonce")).isTrue();
    // which is why the gateway tells the outbox that Discord drops a repeat
    assertThat(adapter.gateway().dropsRepeatedSends()).isTrue();
  }

  @Test
  void opensTheDirectChannelAndSendsTheMessage() {
    // given
    ChatUser member = ChatUser.member(Platform.DISCORD, FakeDiscord.MEMBER, "alice");

    // when
    DeliveryResult result =
        adapter.gateway().sendDirect(member, Reply.text(Locale.FRENCH, "Rappel"), "dm:1");

    // then
    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    RecordedRequest open = last(discord.requests("POST", "/api/v10/users/@me/channels"));
    assertThat(DataObject.fromJson(open.getBody().utf8()).getString("recipient_id"))
        .isEqualTo(FakeDiscord.MEMBER);
    RecordedRequest post =
        last(
            discord.requests().stream()
                .filter(
                    r ->
                        r.getMethod().equals("POST")
                            && r.getUrl().encodedPath().endsWith("/messages"))
                .filter(
                    r ->
                        DataObject.fromJson(r.getBody().utf8())
                            .getString("content")
                            .equals("Rappel"))
                .toList());
    DataObject body = DataObject.fromJson(post.getBody().utf8());
    assertThat(body.getString("nonce")).isEqualTo(DiscordChatGateway.nonce("dm:1"));
    assertThat(body.getObject("allowed_mentions").getArray("parse").length()).isZero();
  }

  @Test
  void reportsClosedDirectMessagesAsAPermanentFailure() {
    // given
    ChatUser blocked = ChatUser.member(Platform.DISCORD, FakeDiscord.BLOCKED_USER, "bob");

    // when
    DeliveryResult result =
        adapter.gateway().sendDirect(blocked, Reply.text(Locale.ENGLISH, "Reminder"), "dm:2");

    // then
    assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
    DeliveryResult.Failed failed = (DeliveryResult.Failed) result;
    assertThat(failed.retryable()).isFalse();
    assertThat(failed.reason()).contains("50007");
  }

  @Test
  void reportsARateLimitAsRetryableWithTheWaitDiscordAskedFor() {
    // given
    ChatUser busy = ChatUser.member(Platform.DISCORD, FakeDiscord.BUSY_USER, "carol");

    // when
    DeliveryResult result =
        adapter.gateway().sendDirect(busy, Reply.text(Locale.ENGLISH, "Reminder"), "dm:3");

    // then
    assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
    DeliveryResult.Failed failed = (DeliveryResult.Failed) result;
    assertThat(failed.retryable()).isTrue();
    assertThat(failed.retryAfter()).contains(Duration.ofSeconds(42));
  }

  @Test
  void reportsAnUnknownChannelAsAPermanentFailure() {
    // given
    Conversation gone = Conversation.group(Platform.DISCORD, "1", FakeDiscord.GUILD_ID);

    // when
    DeliveryResult result = adapter.gateway().send(gone, Reply.text(Locale.ENGLISH, "x"), "k");

    // then
    assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
    assertThat(((DeliveryResult.Failed) result).retryable()).isFalse();
  }

  private static RecordedRequest last(List<RecordedRequest> requests) {
    assertThat(requests).isNotEmpty();
    return requests.get(requests.size() - 1);
  }
}
