package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.networkeras.telegram.BotApiJson.BOT_USERNAME;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.networkeras.chat.Arguments;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.Mention;
import org.networkeras.chat.Person;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.settings.UsernameRepository;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/**
 * A Telegram command names people as Telegram identifies them: the author of the message it replies
 * to, a mention picked from the list, or an {@code @username} the bot has seen (recorded in core's
 * storage), never a display name.
 */
final class TelegramPeopleTest {

  private static final String CAROL =
      """
      {"id":333333333,"is_bot":false,"first_name":"Carol","last_name":"Martin"}""";
  private static final String ROBERTA =
      """
      {"id":444444444,"is_bot":false,"first_name":"Roberta","username":"bob"}""";

  @TempDir Path tempDir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final BotCore core = mock(BotCore.class);
  private final RecordingTelegramClient telegram = new RecordingTelegramClient();
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
  private Database database;
  private TelegramUpdateHandler handler;

  @BeforeEach
  void start() {
    database = TestDatabases.sqlite(tempDir);
    handler =
        new TelegramUpdateHandler(
            core,
            telegram.client,
            BOT_USERNAME,
            new TelegramChatRoles(telegram.client, clock),
            new TelegramDelivery(telegram.client, new TelegramReplyRenderer(clock), retries),
            new TelegramPeople(new UsernameRepository(database, clock)),
            new TelegramResumes(new InMemoryStateStore(), "test.resume."),
            org.networkeras.i18n.Messages.load(),
            clock);
    when(core.handle(any(IncomingCommand.class))).thenReturn(Reply.text(Locale.ENGLISH, "ok"));
  }

  @AfterEach
  void stop() {
    retries.shutdownNow();
    database.close();
  }

  @Test
  void aCommandReplyingToSomeonesMessageNamesItsAuthor() {
    // when alice answers bob's message with the command
    handler.handle(
        BotApiJson.update(
            messageReplying(1, "/settings moderator add", BotApiJson.bob(), "hello")));

    // then
    Arguments arguments = command().arguments();
    assertThat(arguments.text()).isEqualTo("moderator add");
    assertThat(arguments.repliedTo()).isEqualTo(new Person(Platform.TELEGRAM, "222222222", "Bob"));
  }

  @Test
  void aReplyToTheBotOrToAForumTopicNamesNobody() {
    // when
    handler.handle(
        BotApiJson.update(
            messageReplying(
                1,
                "/settings moderator add",
                """
                {"id":999999999,"is_bot":true,"first_name":"Networkeras",\
                "username":"NetworkerasBot"}""",
                "Events tonight")));

    // then
    assertThat(command().arguments().repliedTo()).isNull();
  }

  @Test
  void aMentionPickedFromTheListNamesThatAccountWhateverItsName() {
    // given "Carol Martin" picked from the list: a text_mention entity carrying her account
    String text = "/settings admin add Carol Martin";
    String entities =
        """
        [{"offset":0,"length":9,"type":"bot_command"},\
        {"offset":20,"length":12,"type":"text_mention","user":%s}]"""
            .formatted(CAROL);

    // when
    handler.handle(BotApiJson.update(message(1, text, entities)));

    // then
    assertThat(command().arguments().mentions())
        .containsExactly(
            new Mention(
                "Carol Martin", new Person(Platform.TELEGRAM, "333333333", "Carol Martin")));
  }

  @Test
  void anAtUsernameNamesTheAccountLastSeenWithIt() {
    // given bob was seen writing as @bob, then gave it up, and roberta took it
    handler.handle(
        BotApiJson.update(BotApiJson.message(1, BotApiJson.group(), BotApiJson.bob(), "hi")));
    handler.handle(BotApiJson.update(BotApiJson.message(2, BotApiJson.group(), ROBERTA, "hello")));

    // when
    String text = "/settings moderator add @bob";
    String entities =
        """
        [{"offset":0,"length":9,"type":"bot_command"},{"offset":24,"length":4,"type":"mention"}]""";
    handler.handle(BotApiJson.update(message(3, text, entities)));

    // then
    assertThat(command().arguments().mentions())
        .containsExactly(
            new Mention("@bob", new Person(Platform.TELEGRAM, "444444444", "Roberta")));
  }

  @Test
  void anAtUsernameTheBotNeverSawNamesNobody() {
    // when
    String text = "/settings moderator add @ghost";
    String entities =
        """
        [{"offset":0,"length":9,"type":"bot_command"},{"offset":24,"length":6,"type":"mention"}]""";
    handler.handle(BotApiJson.update(message(1, text, entities)));

    // then core gets the words alone, and refuses them saying how to name someone
    assertThat(command().arguments().text()).isEqualTo("moderator add @ghost");
    assertThat(command().arguments().mentions()).isEmpty();
  }

  private IncomingCommand command() {
    ArgumentCaptor<IncomingCommand> captured = ArgumentCaptor.forClass(IncomingCommand.class);
    verify(core, org.mockito.Mockito.atLeastOnce()).handle(captured.capture());
    return captured.getValue();
  }

  /** A group message from alice with the given entities. */
  private static String message(int updateId, String text, String entities) {
    return """
        {"update_id":%d,"message":{"message_id":%d,"from":%s,"chat":%s,"date":1767225600,\
        "text":%s,"entities":%s}}"""
        .formatted(
            updateId,
            1000 + updateId,
            BotApiJson.alice(),
            BotApiJson.group(),
            BotApiJson.quote(text),
            entities);
  }

  /** A group command from alice replying to a message of {@code author}. */
  private static String messageReplying(int updateId, String text, String author, String replied) {
    return """
        {"update_id":%d,"message":{"message_id":%d,"from":%s,"chat":%s,"date":1767225600,\
        "text":%s,"entities":[{"offset":0,"length":9,"type":"bot_command"}],\
        "reply_to_message":{"message_id":500,"from":%s,"chat":%s,"date":1767225500,"text":%s}}}"""
        .formatted(
            updateId,
            1000 + updateId,
            BotApiJson.alice(),
            BotApiJson.group(),
            BotApiJson.quote(text),
            author,
            BotApiJson.group(),
            BotApiJson.quote(replied));
  }
}
