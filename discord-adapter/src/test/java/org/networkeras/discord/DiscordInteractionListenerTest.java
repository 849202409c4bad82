package org.networkeras.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ModalCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.ButtonPress;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Choice;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Form;
import org.networkeras.chat.FormSubmission;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

final class DiscordInteractionListenerTest {

  private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");

  private final BotCore core = mock(BotCore.class);
  private final ManualExecutor coreThread = new ManualExecutor();
  private final ScheduledExecutorService timer = mock(ScheduledExecutorService.class);
  private final InteractionHook hook = mock(InteractionHook.class);
  private final ReplyCallbackAction replyAction = mock(ReplyCallbackAction.class, RETURNS_SELF);
  private final ReplyCallbackAction deferAction = mock(ReplyCallbackAction.class, RETURNS_SELF);
  private final WebhookMessageEditAction<?> hookEdit =
      mock(WebhookMessageEditAction.class, RETURNS_SELF);
  private final WebhookMessageCreateAction<?> hookSend =
      mock(WebhookMessageCreateAction.class, RETURNS_SELF);
  private final ModalCallbackAction modalAction = mock(ModalCallbackAction.class);
  private DiscordInteractionListener listener;

  @BeforeEach
  @SuppressWarnings({"unchecked", "rawtypes"})
  void setUp() {
    when(core.commandSpecs()).thenReturn(List.of(SampleSpecs.events(), SampleSpecs.event()));
    when(hook.editOriginal(any(MessageEditData.class)))
        .thenReturn((WebhookMessageEditAction) hookEdit);
    when(hook.sendMessage(any(MessageCreateData.class)))
        .thenReturn((WebhookMessageCreateAction) hookSend);
    when(hook.deleteOriginal()).thenReturn(mock(RestAction.class));
    listener =
        new DiscordInteractionListener(
            core,
            new DiscordReplyRenderer(new MutableClock(NOW)),
            coreThread,
            timer,
            new MutableClock(NOW));
  }

  @Test
  void passesASlashCommandToCoreWithItsOptionsUserLocaleAndChannel() {
    // given
    SlashCommandInteractionEvent event =
        slashCommand("event", Map.of("ref", "42"), member(), DiscordLocale.FRENCH);
    when(core.handle(any(IncomingCommand.class))).thenReturn(Reply.text(Locale.FRENCH, "ok"));

    // when
    listener.onSlashCommandInteraction(event);
    coreThread.runAll();

    // then
    ArgumentCaptor<IncomingCommand> command = ArgumentCaptor.forClass(IncomingCommand.class);
    verify(core).handle(command.capture());
    assertThat(command.getValue().name()).isEqualTo("event");
    assertThat(command.getValue().arguments().options()).containsExactly(Map.entry("ref", "42"));
    assertThat(command.getValue().user())
        .isEqualTo(new ChatUser(Platform.DISCORD, "111", "Alice", Locale.FRENCH, Role.MEMBER));
    assertThat(command.getValue().locale()).isEqualTo(Locale.FRENCH);
    assertThat(command.getValue().conversation())
        .isEqualTo(Conversation.group(Platform.DISCORD, "555", "999"));
    assertThat(command.getValue().conversation().title()).isEqualTo("Paris Tech");
    assertThat(command.getValue().receivedAt()).isEqualTo(NOW);
  }

  @Test
  void callsCoreOffTheGatewayThread() {
    // given
    SlashCommandInteractionEvent event = slashCommand("event", Map.of(), member(), null);

    // when
    listener.onSlashCommandInteraction(event);

    // then
    verify(core, never()).handle(any(IncomingCommand.class));
    assertThat(coreThread.pending()).isEqualTo(1);
  }

  @Test
  void answersAQuickCommandDirectlyAndPrivateRepliesEphemerally() {
    // given
    SlashCommandInteractionEvent event = slashCommand("event", Map.of(), member(), null);
    when(core.handle(any(IncomingCommand.class)))
        .thenReturn(
            Reply.builder(Locale.ENGLISH)
                .line(org.networkeras.chat.Line.text("Only you"))
                .privately()
                .build());

    // when
    listener.onSlashCommandInteraction(event);
    coreThread.runAll();

    // then
    ArgumentCaptor<MessageCreateData> message = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(event).reply(message.capture());
    assertThat(message.getValue().getContent()).isEqualTo("Only you");
    assertThat(message.getValue().getAllowedMentions()).isEmpty();
    verify(replyAction).setEphemeral(true);
    verify(event, never()).deferReply();
  }

  @Test
  void defersASlowCommandAtOnceAndEditsTheAnswerInWithNoMentionAllowed() {
    // given /events is declared slow
    SlashCommandInteractionEvent event = slashCommand("events", Map.of(), member(), null);
    when(core.handle(any(IncomingCommand.class)))
        .thenReturn(Reply.text(Locale.ENGLISH, "@everyone tonight"));

    // when
    listener.onSlashCommandInteraction(event);
    verify(event).deferReply();
    coreThread.runAll();

    // then
    ArgumentCaptor<MessageEditData> edit = ArgumentCaptor.forClass(MessageEditData.class);
    verify(hook).editOriginal(edit.capture());
    assertThat(edit.getValue().getContent()).isEqualTo("\\@everyone tonight");
    assertThat(edit.getValue().toData().getObject("allowed_mentions").getArray("parse").length())
        .isZero();
    verify(event, never()).reply(any(MessageCreateData.class));
  }

  @Test
  void defersWhenCoreIsStillBusyAsTheThreeSecondWindowCloses() {
    // given
    SlashCommandInteractionEvent event = slashCommand("event", Map.of(), member(), null);
    when(core.handle(any(IncomingCommand.class))).thenReturn(Reply.text(Locale.ENGLISH, "late"));
    listener.onSlashCommandInteraction(event);
    Runnable deadline = scheduledDeferral();

    // when the deadline passes before core answers
    deadline.run();
    coreThread.runAll();

    // then
    var order = inOrder(event, hook);
    order.verify(event).deferReply();
    order.verify(hook).editOriginal(any(MessageEditData.class));
  }

  @Test
  void doesNotDeferWhenCoreAnsweredInTime() {
    // given
    SlashCommandInteractionEvent event = slashCommand("event", Map.of(), member(), null);
    when(core.handle(any(IncomingCommand.class))).thenReturn(Reply.text(Locale.ENGLISH, "quick"));
    listener.onSlashCommandInteraction(event);
    Runnable deadline = scheduledDeferral();

    // when
    coreThread.runAll();
    deadline.run();

    // then
    verify(event).reply(any(MessageCreateData.class));
    verify(event, never()).deferReply();
  }

  @Test
  void replacesAPublicDeferralWithAnEphemeralFollowUpForAPrivateAnswer() {
    // given
    SlashCommandInteractionEvent event = slashCommand("events", Map.of(), member(), null);
    when(core.handle(any(IncomingCommand.class)))
        .thenReturn(
            Reply.text(Locale.ENGLISH, "I did not understand")
                .withVisibility(org.networkeras.chat.Visibility.PRIVATE));

    // when
    listener.onSlashCommandInteraction(event);
    coreThread.runAll();

    // then
    verify(hook).deleteOriginal();
    verify(hook).sendMessage(any(MessageCreateData.class));
    verify(hookSend).setEphemeral(true);
  }

  @Test
  void opensAModalWhenTheReplyCarriesAForm() {
    // given
    SlashCommandInteractionEvent event = slashCommand("event", Map.of(), member(), null);
    Form form =
        new Form(
            "suggest",
            "Suggest an event",
            List.of(new Form.Field("title", "Title", "", false, true, 100)));
    when(core.handle(any(IncomingCommand.class)))
        .thenReturn(Reply.builder(Locale.ENGLISH).form(form).build());

    // when
    listener.onSlashCommandInteraction(event);
    coreThread.runAll();

    // then
    ArgumentCaptor<Modal> modal = ArgumentCaptor.forClass(Modal.class);
    verify(event).replyModal(modal.capture());
    assertThat(modal.getValue().getId()).isEqualTo("suggest");
  }

  @Test
  void turnsAButtonIntoAPressOfItsTokenAndUpdatesTheCardForAPublicAnswer() {
    // given
    ButtonInteractionEvent event = button("rsvp:42:yes");
    when(core.handle(any(ButtonPress.class))).thenReturn(Reply.text(Locale.ENGLISH, "3 going"));

    // when
    listener.onButtonInteraction(event);
    coreThread.runAll();

    // then
    ArgumentCaptor<ButtonPress> press = ArgumentCaptor.forClass(ButtonPress.class);
    verify(core).handle(press.capture());
    assertThat(press.getValue().token()).isEqualTo("rsvp:42:yes");
    assertThat(press.getValue().conversation())
        .isEqualTo(Conversation.group(Platform.DISCORD, "555", "999"));
    ArgumentCaptor<MessageEditData> edit = ArgumentCaptor.forClass(MessageEditData.class);
    verify(event).editMessage(edit.capture());
    assertThat(edit.getValue().getContent()).isEqualTo("3 going");
    assertThat(edit.getValue().getAllowedMentions()).isEmpty();
  }

  @Test
  void answersAButtonPrivatelyWithAnEphemeralMessage() {
    // given
    ButtonInteractionEvent event = button("rsvp:42:yes");
    when(core.handle(any(ButtonPress.class)))
        .thenReturn(
            Reply.text(Locale.ENGLISH, "See you there")
                .withVisibility(org.networkeras.chat.Visibility.PRIVATE));

    // when
    listener.onButtonInteraction(event);
    coreThread.runAll();

    // then
    verify(event).reply(any(MessageCreateData.class));
    verify(replyAction).setEphemeral(true);
    verify(event, never()).editMessage(any(MessageEditData.class));
  }

  @Test
  void defersAButtonSilentlyAndEditsTheCardWhenCoreIsSlow() {
    // given
    ButtonInteractionEvent event = button("rsvp:42:yes");
    when(core.handle(any(ButtonPress.class))).thenReturn(Reply.text(Locale.ENGLISH, "3 going"));
    listener.onButtonInteraction(event);

    // when
    scheduledDeferral().run();
    coreThread.runAll();

    // then
    verify(event).deferEdit();
    verify(hook).editOriginal(any(MessageEditData.class));
  }

  @Test
  void turnsASelectedMenuValueIntoAPress() {
    // given
    StringSelectInteractionEvent event = mock(StringSelectInteractionEvent.class);
    inGuild(event, member(), null);
    when(event.getValues()).thenReturn(List.of("family:bloggers"));
    when(event.reply(any(MessageCreateData.class))).thenReturn(replyAction);
    when(event.editMessage(any(MessageEditData.class)))
        .thenReturn(mock(MessageEditCallbackAction.class));
    when(core.handle(any(ButtonPress.class))).thenReturn(Reply.text(Locale.ENGLISH, "ok"));

    // when
    listener.onStringSelectInteraction(event);
    coreThread.runAll();

    // then
    ArgumentCaptor<ButtonPress> press = ArgumentCaptor.forClass(ButtonPress.class);
    verify(core).handle(press.capture());
    assertThat(press.getValue().token()).isEqualTo("family:bloggers");
  }

  @Test
  void submitsAModalsFieldsAsAForm() {
    // given
    ModalInteractionEvent event = mock(ModalInteractionEvent.class);
    inGuild(event, member(), DiscordLocale.ENGLISH_US);
    when(event.getModalId()).thenReturn("suggest");
    List<ModalMapping> values =
        List.of(field("title", "Soirée Connect"), field("when", "jeudi 19h"), field("link", null));
    when(event.getValues()).thenReturn(values);
    when(event.reply(any(MessageCreateData.class))).thenReturn(replyAction);
    when(core.handle(any(FormSubmission.class)))
        .thenReturn(
            Reply.text(Locale.ENGLISH, "Thanks")
                .withVisibility(org.networkeras.chat.Visibility.PRIVATE));

    // when
    listener.onModalInteraction(event);
    coreThread.runAll();

    // then
    ArgumentCaptor<FormSubmission> submission = ArgumentCaptor.forClass(FormSubmission.class);
    verify(core).handle(submission.capture());
    assertThat(submission.getValue().formId()).isEqualTo("suggest");
    assertThat(submission.getValue().fields())
        .containsOnly(
            Map.entry("title", "Soirée Connect"),
            Map.entry("when", "jeudi 19h"),
            Map.entry("link", ""));
    assertThat(submission.getValue().user().locale()).isEqualTo(Locale.forLanguageTag("en-US"));
    verify(replyAction).setEphemeral(true);
  }

  @Test
  @SuppressWarnings("unchecked")
  void answersEveryDeclaredAutocompleteFromTheRealCoreWithAtMostTwentyFiveChoices(
      @TempDir Path tempDir) {
    // given the real core, with a catalog in the server's community
    try (Database database = TestDatabases.Backend.SQLITE.open(tempDir)) {
      Chat chat = Chat.on(database).at("2026-11-26T10:00");
      chat.wiring().loadStarterCatalog(chat.community(Platform.DISCORD, "999"));
      DiscordInteractionListener real =
          new DiscordInteractionListener(
              chat.core(), new DiscordReplyRenderer(chat.clock()), coreThread, timer, chat.clock());

      // when
      Collection<Command.Choice> going = autocomplete(real, "going", "ref", "apero");
      Collection<Command.Choice> all = autocomplete(real, "interested", "ref", "");
      Collection<Command.Choice> cities = autocomplete(real, "events", "city", "");
      Collection<Command.Choice> commands = autocomplete(real, "help", "command", "sugg");

      // then
      assertThat(going)
          .isNotEmpty()
          .allSatisfy(choice -> assertThat(choice.getName()).contains("Apéro blogueurs"));
      assertThat(all).hasSize(25);
      assertThat(cities)
          .extracting(Command.Choice::getAsString)
          .containsExactlyInAnyOrder("Paris", "Lille", "Rennes");
      assertThat(commands).extracting(Command.Choice::getAsString).containsExactly("suggest");
    }
  }

  @SuppressWarnings("unchecked")
  private Collection<Command.Choice> autocomplete(
      DiscordInteractionListener real, String command, String option, String typed) {
    CommandAutoCompleteInteractionEvent event = mock(CommandAutoCompleteInteractionEvent.class);
    inGuild(event, member(), null);
    when(event.getName()).thenReturn(command);
    AutoCompleteQuery focused = mock(AutoCompleteQuery.class);
    when(focused.getName()).thenReturn(option);
    when(focused.getValue()).thenReturn(typed);
    when(focused.getType()).thenReturn(OptionType.STRING);
    when(event.getFocusedOption()).thenReturn(focused);
    when(event.replyChoices(anyCollection())).thenReturn(mock(AutoCompleteCallbackAction.class));
    real.onCommandAutoCompleteInteraction(event);
    coreThread.runAll();
    ArgumentCaptor<Collection<Command.Choice>> choices = ArgumentCaptor.forClass(Collection.class);
    verify(event).replyChoices(choices.capture());
    return choices.getValue();
  }

  @Test
  void leavesTextSuggestionsOutOfNumberOptions() {
    // given
    List<Choice> suggestions = List.of(new Choice("Fifteen", "15"), new Choice("Soon", "soon"));

    // when
    List<Command.Choice> choices =
        DiscordInteractionListener.choices(suggestions, OptionType.INTEGER);

    // then
    assertThat(choices).extracting(Command.Choice::getAsLong).containsExactly(15L);
  }

  @Test
  void grantsRolesFromDiscordPermissions() {
    // given
    Member admin = member();
    when(admin.hasPermission(Permission.ADMINISTRATOR)).thenReturn(true);
    Member manager = member();
    when(manager.hasPermission(Permission.MANAGE_SERVER)).thenReturn(true);
    Member organizer = member();
    when(organizer.hasPermission(Permission.MANAGE_EVENTS)).thenReturn(true);

    // when / then
    assertThat(DiscordTranslator.role(admin)).isEqualTo(Role.ADMIN);
    assertThat(DiscordTranslator.role(manager)).isEqualTo(Role.MODERATOR);
    assertThat(DiscordTranslator.role(organizer)).isEqualTo(Role.MODERATOR);
    assertThat(DiscordTranslator.role(member())).isEqualTo(Role.MEMBER);
    assertThat(DiscordTranslator.role(null)).isEqualTo(Role.MEMBER);
  }

  @Test
  void treatsACommandInDirectMessagesAsADirectConversation() {
    // given
    SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
    User user = user();
    when(event.getUser()).thenReturn(user);
    when(event.getMember()).thenReturn(null);
    when(event.isFromGuild()).thenReturn(false);
    when(event.getChannelId()).thenReturn("777");

    // when
    ChatUser chatUser = DiscordTranslator.user(event);
    Conversation conversation = DiscordTranslator.conversation(event);

    // then
    assertThat(conversation).isEqualTo(Conversation.direct(Platform.DISCORD, "777"));
    assertThat(chatUser.displayName()).isEqualTo("alice");
    assertThat(chatUser.grantedRole()).isEqualTo(Role.MEMBER);
    assertThat(chatUser.locale()).isNull();
  }

  private SlashCommandInteractionEvent slashCommand(
      String name, Map<String, String> options, Member member, DiscordLocale locale) {
    SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
    inGuild(event, member, locale);
    when(event.getName()).thenReturn(name);
    List<OptionMapping> mappings =
        options.entrySet().stream()
            .map(
                entry -> {
                  OptionMapping mapping = mock(OptionMapping.class);
                  when(mapping.getName()).thenReturn(entry.getKey());
                  when(mapping.getAsString()).thenReturn(entry.getValue());
                  return mapping;
                })
            .toList();
    when(event.getOptions()).thenReturn(mappings);
    when(event.reply(any(MessageCreateData.class))).thenReturn(replyAction);
    when(event.deferReply()).thenReturn(deferAction);
    when(event.replyModal(any(Modal.class))).thenReturn(modalAction);
    when(event.getHook()).thenReturn(hook);
    return event;
  }

  private ButtonInteractionEvent button(String token) {
    ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
    inGuild(event, member(), null);
    when(event.getComponentId()).thenReturn(token);
    when(event.reply(any(MessageCreateData.class))).thenReturn(replyAction);
    when(event.editMessage(any(MessageEditData.class)))
        .thenReturn(mock(MessageEditCallbackAction.class));
    when(event.deferEdit()).thenReturn(mock(MessageEditCallbackAction.class));
    when(event.getHook()).thenReturn(hook);
    return event;
  }

  private void inGuild(Interaction event, Member member, DiscordLocale locale) {
    User user = user();
    Guild guild = mock(Guild.class);
    when(guild.getId()).thenReturn("999");
    when(guild.getName()).thenReturn("Paris Tech");
    when(event.getUser()).thenReturn(user);
    when(event.getMember()).thenReturn(member);
    when(event.getUserLocale()).thenReturn(locale == null ? DiscordLocale.UNKNOWN : locale);
    when(event.isFromGuild()).thenReturn(true);
    when(event.getGuild()).thenReturn(guild);
    when(event.getChannelId()).thenReturn("555");
  }

  private static User user() {
    User user = mock(User.class);
    when(user.getId()).thenReturn("111");
    when(user.getEffectiveName()).thenReturn("alice");
    return user;
  }

  private static Member member() {
    Member member = mock(Member.class);
    when(member.getEffectiveName()).thenReturn("Alice");
    return member;
  }

  private static ModalMapping field(String id, String value) {
    ModalMapping mapping = mock(ModalMapping.class);
    when(mapping.getCustomId()).thenReturn(id);
    when(mapping.getAsOptionalString()).thenReturn(value);
    return mapping;
  }

  private Runnable scheduledDeferral() {
    ArgumentCaptor<Runnable> task = ArgumentCaptor.forClass(Runnable.class);
    verify(timer).schedule(task.capture(), anyLong(), eq(TimeUnit.MILLISECONDS));
    return task.getValue();
  }

  /** Runs submitted work only when the test says so, standing in for the adapter's threads. */
  private static final class ManualExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    int pending() {
      return tasks.size();
    }

    void runAll() {
      while (!tasks.isEmpty()) {
        tasks.poll().run();
      }
    }
  }
}
