package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.networkeras.calendar.IcsChecks;
import org.networkeras.chat.Attachment;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.Button;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.Line;
import org.networkeras.chat.Piece;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.command.CommandSpec;
import org.networkeras.command.LocalizedText;
import org.networkeras.testing.CalendarAnswers;

/**
 * The real TelegramBots client and long-polling session against a Bot API server on loopback, fed
 * the JSON Telegram sends.
 */
final class TelegramWireTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T18:00:00Z"));
  private final InMemoryStateStore store = new InMemoryStateStore();
  private final BotCore core = mock(BotCore.class);
  private final List<TelegramAdapter> adapters = new ArrayList<>();
  private CapturedLogs logs;
  private FakeBotApi api;

  @BeforeEach
  void startServer() throws Exception {
    logs = new CapturedLogs();
    api = new FakeBotApi(200);
    when(core.commandSpecs())
        .thenReturn(
            List.of(
                new CommandSpec(
                    "events",
                    new LocalizedText("List upcoming events", "Lister les événements à venir"),
                    List.of(),
                    Role.MEMBER,
                    CommandSpec.Scope.ANYWHERE,
                    false)));
    when(core.handle(any(IncomingCommand.class)))
        .thenReturn(
            Reply.builder(Locale.ENGLISH)
                .line(Piece.bold("Tonight"), Piece.text(": <Board games> & pizza"))
                .line(Line.of(Piece.eventRef("42")))
                .buttonRow(Button.callback("Going", "rsvp:42:yes"))
                .build());
  }

  @AfterEach
  void stopEverything() {
    adapters.forEach(TelegramAdapter::close);
    api.close();
    logs.close();
    assertThat(logs.lines()).noneMatch(line -> line.contains(FakeBotApi.TOKEN));
    assertThat(logs.lines()).noneMatch(line -> line.contains("secret-token"));
  }

  @Test
  void receivesACommandThroughGetUpdatesAndRepliesThroughSendMessage() throws Exception {
    // given
    start();
    api.queueUpdates(
        BotApiJson.batch(
            BotApiJson.message(
                500, BotApiJson.group(), BotApiJson.alice(), "/events@NetworkerasBot ce soir")));

    // when
    JsonNode sent = api.take("sendMessage").body();

    // then
    assertThat(sent.get("chat_id").asText()).isEqualTo("-1001234567890");
    assertThat(sent.get("text").asText())
        .isEqualTo("<b>Tonight</b>: &lt;Board games&gt; &amp; pizza\n<code>42</code>");
    assertThat(sent.get("parse_mode").asText()).isEqualToIgnoringCase("html");
    assertThat(sent.get("link_preview_options").get("is_disabled").asBoolean()).isTrue();
    JsonNode button = sent.get("reply_markup").get("inline_keyboard").get(0).get(0);
    assertThat(button.get("text").asText()).isEqualTo("Going");
    assertThat(button.get("callback_data").asText()).isEqualTo("rsvp:42:yes");
    ArgumentCaptor<IncomingCommand> command = ArgumentCaptor.forClass(IncomingCommand.class);
    verify(core).handle(command.capture());
    assertThat(command.getValue().name()).isEqualTo("events");
    assertThat(command.getValue().arguments().text()).isEqualTo("ce soir");
    assertThat(command.getValue().receivedAt()).isEqualTo(clock.instant());
    assertThat(api.count("setMyCommands")).isEqualTo(6);
    JsonNode poll = api.take("getUpdates").body();
    assertThat(poll.get("allowed_updates"))
        .extracting(JsonNode::asText)
        .containsExactly("message", "callback_query");
  }

  @Test
  void writesToAPersonOnlyOnceTheyStartedTheBotAndSendsFilesAsDocuments() throws Exception {
    // given
    api.refusePrivateChatsUntilStarted();
    TelegramAdapter adapter = start();
    ChatUser alice =
        ChatUser.member(Platform.TELEGRAM, String.valueOf(BotApiJson.ALICE_ID), "Alice");
    Reply withFile =
        Reply.builder(Locale.ENGLISH)
            .line(Line.text("Your calendar"))
            .attachment(
                new Attachment("event-42.ics", "text/calendar", "BEGIN:VCALENDAR".getBytes()))
            .build();

    // when
    DeliveryResult before = adapter.gateway().sendDirect(alice, withFile, "k1");
    api.queueUpdate(
        """
        {"message":{"message_id":3,"from":{"id":%d,"is_bot":false,"first_name":"Alice"},\
        "chat":%s,"date":1767225600,"text":"/start",\
        "entities":[{"offset":0,"length":6,"type":"bot_command"}]}}"""
            .formatted(BotApiJson.ALICE_ID, BotApiJson.privateChat(BotApiJson.ALICE_ID)));
    api.take("sendMessage", body -> body.path("chat_id").asLong() == BotApiJson.ALICE_ID);
    DeliveryResult after = adapter.gateway().sendDirect(alice, withFile, "k2");

    // then
    assertThat(before).isInstanceOf(DeliveryResult.Failed.class);
    assertThat(((DeliveryResult.Failed) before).retryable()).isFalse();
    assertThat(after).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(api.take("sendDocument").body().path("chat_id").asLong())
        .isEqualTo(BotApiJson.ALICE_ID);
  }

  @Test
  void answersAButtonPressByUpdatingTheMessagePressed() throws Exception {
    // given
    when(core.handle(any(org.networkeras.chat.ButtonPress.class)))
        .thenReturn(Reply.text(Locale.ENGLISH, "See you there"));
    start();

    // when
    api.queueUpdates(
        BotApiJson.batch(
            BotApiJson.callback(501, BotApiJson.group(), BotApiJson.bob(), "rsvp:42:yes")));

    // then
    assertThat(api.take("answerCallbackQuery").body().get("callback_query_id").asText())
        .isEqualTo("4382bfdwdsb323b2d9");
    JsonNode edit = api.take("editMessageText").body();
    assertThat(edit.get("text").asText()).isEqualTo("See you there");
    assertThat(edit.get("message_id").asInt()).isEqualTo(77);
  }

  @Test
  void answersAddToCalendarBySendingTheIcsFileAsADocument(@TempDir Path coreFolder)
      throws Exception {
    // given core's real answer to "Add to calendar", its .ics file attached
    Reply addToCalendar = CalendarAnswers.addToCalendar(coreFolder);
    Attachment ics = addToCalendar.attachments().get(0);
    when(core.handle(any(org.networkeras.chat.ButtonPress.class))).thenReturn(addToCalendar);
    start();

    // when
    api.queueUpdates(
        BotApiJson.batch(BotApiJson.callback(502, BotApiJson.group(), BotApiJson.bob(), "ics:42")));

    // then
    JsonNode text = api.take("sendMessage").body();
    assertThat(text.get("text").asText()).contains(CalendarAnswers.TITLE);
    JsonNode document = api.take("sendDocument").body();
    assertThat(document.path("chat_id").asLong()).isEqualTo(BotApiJson.GROUP_ID);
    assertThat(document.path("file_name").asText()).isEqualTo(ics.fileName()).endsWith(".ics");
    assertThat(document.path("document").asText()).isEqualTo("attach://" + ics.fileName());
    // TelegramBots uploads every file as bytes; Telegram gives it its type from its name
    assertThat(document.path("content_type").asText()).startsWith("application/octet-stream");
    String content = document.path("content").asText();
    assertThat(content).isEqualTo(new String(ics.content(), StandardCharsets.UTF_8));
    VEvent event = IcsChecks.events(IcsChecks.valid(content)).get(0);
    assertThat(IcsChecks.property(event, "SUMMARY")).isEqualTo(CalendarAnswers.TITLE);
    assertThat(IcsChecks.property(event, "UID")).endsWith("@agenda.example.org");
    assertThat(content).contains("DTSTART;TZID=Europe/Paris:20261203T190000");
  }

  @Test
  void waitsAsLongAsTelegramAsksWhenItSaysTooManyRequests() throws Exception {
    // given
    api.script(
        "sendMessage",
        429,
        """
        {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1",\
        "parameters":{"retry_after":1}}""");
    start();

    // when
    api.queueUpdates(
        BotApiJson.batch(
            BotApiJson.message(600, BotApiJson.group(), BotApiJson.alice(), "/events")));
    FakeBotApi.Call refused = api.take("sendMessage");
    FakeBotApi.Call retried = api.take("sendMessage");

    // then
    assertThat(Duration.ofNanos(retried.receivedNanos() - refused.receivedNanos()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(retried.body()).isEqualTo(refused.body());
    verify(core, times(1)).handle(any(IncomingCommand.class));
  }

  @Test
  void resumesAfterARestartFromThePersistedOffsetAndSkipsWhatItHandled() throws Exception {
    // given
    TelegramAdapter first = start();
    api.queueUpdates(
        BotApiJson.batch(
            BotApiJson.message(700, BotApiJson.group(), BotApiJson.alice(), "/events")));
    api.take("sendMessage");
    first.close();
    api.forget("getUpdates");

    // when
    start();
    JsonNode firstPollAfterRestart = api.take("getUpdates").body();
    api.queueUpdates(
        BotApiJson.batch(
            BotApiJson.message(700, BotApiJson.group(), BotApiJson.alice(), "/events"),
            BotApiJson.message(701, BotApiJson.group(), BotApiJson.bob(), "/events")));
    api.take("sendMessage");

    // then
    assertThat(firstPollAfterRestart.get("offset").asInt()).isEqualTo(701);
    ArgumentCaptor<IncomingCommand> commands = ArgumentCaptor.forClass(IncomingCommand.class);
    verify(core, times(2)).handle(commands.capture());
    assertThat(commands.getAllValues())
        .extracting(command -> command.user().displayName())
        .containsExactly("Alice Martin", "Bob");
    assertThat(api.take("getUpdates").body().get("offset").asInt()).isGreaterThanOrEqualTo(701);
  }

  @Test
  void stopsPollingWithAClearLogWhenAnotherInstancePollsTheSameToken() throws Exception {
    // given
    api.script(
        "getUpdates",
        409,
        """
        {"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates\
         request; make sure that only one bot instance is running"}""");

    // when
    TelegramAdapter adapter = start();
    String reason = adapter.pollingStopped().get(1, TimeUnit.MINUTES);
    adapter.close();

    // then
    assertThat(reason).isEqualTo("another instance is polling this token");
    assertThat(adapter.isPolling()).isFalse();
    assertThat(api.count("getUpdates")).isEqualTo(1);
    assertThat(logs.lines())
        .anyMatch(
            line ->
                line.startsWith("ERROR Another instance is polling this Telegram bot token")
                    && line.contains("only one bot instance"));
  }

  @Test
  void stopsEveryThreadItStartedWhenClosed() throws Exception {
    // given
    TelegramAdapter adapter = start();
    api.take("getUpdates");
    assertThat(adapter.isPolling()).isTrue();

    // when
    adapter.close();

    // then: every adapter thread ends (a busy machine may need a moment to let them finish)
    assertThat(adapter.isPolling()).isFalse();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("telegram-")) {
        thread.join(10_000);
      }
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(Thread::isAlive)
        .extracting(Thread::getName)
        .noneMatch(name -> name.startsWith("telegram-"));
  }

  private TelegramAdapter start() {
    TelegramAdapter adapter =
        TelegramAdapter.start(
            new TelegramSettings(FakeBotApi.TOKEN, api.url()),
            core,
            store,
            new InMemoryUsernames(),
            clock,
            2);
    adapters.add(adapter);
    assertThat(adapter.botUsername()).isEqualTo("NetworkerasBot");
    return adapter;
  }
}
