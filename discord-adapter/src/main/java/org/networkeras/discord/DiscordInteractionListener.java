package org.networkeras.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.ButtonPress;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Choice;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.FormSubmission;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.Reply;
import org.networkeras.command.CommandSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Discord interactions on JDA's event thread, translates them into core's words and hands
 * them to {@link BotCore} on the adapter's own executor, so a slow database call never stalls the
 * gateway. A command whose spec is {@code slow} is deferred at once; any other interaction is
 * deferred by a timer if core has not answered {@link #DEFER_AFTER} after it arrived, so Discord's
 * three-second window is always kept.
 */
final class DiscordInteractionListener extends ListenerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(DiscordInteractionListener.class);

  /** How long core may take before an interaction is deferred; Discord allows three seconds. */
  static final Duration DEFER_AFTER = Duration.ofMillis(2000);

  private final BotCore core;
  private final DiscordReplyRenderer renderer;
  private final Executor coreExecutor;
  private final ScheduledExecutorService timer;
  private final Clock clock;
  private final Map<String, CommandSpec> specs;

  DiscordInteractionListener(
      BotCore core,
      DiscordReplyRenderer renderer,
      Executor coreExecutor,
      ScheduledExecutorService timer,
      Clock clock) {
    this.core = Objects.requireNonNull(core, "core");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.coreExecutor = Objects.requireNonNull(coreExecutor, "coreExecutor");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.specs = byName(core.commandSpecs());
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    IncomingCommand command =
        new IncomingCommand(
            event.getName(),
            DiscordTranslator.arguments(event.getOptions()),
            DiscordTranslator.user(event),
            DiscordTranslator.conversation(event),
            clock.instant(),
            DiscordTranslator.locale(event));
    CommandSpec spec = specs.get(event.getName());
    InteractionResponse response = InteractionResponse.toCommand(event, event, renderer);
    if (spec != null && spec.slow()) {
      response.deferIfPending();
    }
    run(response, () -> core.handle(command), "command /" + event.getName(), command.user());
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    ButtonPress press =
        new ButtonPress(
            event.getComponentId(),
            DiscordTranslator.user(event),
            DiscordTranslator.conversation(event));
    run(
        InteractionResponse.toComponent(event, renderer),
        () -> core.handle(press),
        "button",
        press.user());
  }

  /** A select menu's chosen value is a core token, like a button's. */
  @Override
  public void onStringSelectInteraction(StringSelectInteractionEvent event) {
    if (event.getValues().isEmpty()) {
      event.deferEdit().queue(null, InteractionResponse.logFailure("acknowledge a selection"));
      return;
    }
    ButtonPress press =
        new ButtonPress(
            event.getValues().get(0),
            DiscordTranslator.user(event),
            DiscordTranslator.conversation(event));
    run(
        InteractionResponse.toComponent(event, renderer),
        () -> core.handle(press),
        "select menu",
        press.user());
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    Map<String, String> fields = new HashMap<>();
    for (ModalMapping value : event.getValues()) {
      fields.put(value.getCustomId(), DiscordTranslator.fieldValue(value));
    }
    FormSubmission submission =
        new FormSubmission(
            event.getModalId(),
            fields,
            DiscordTranslator.user(event),
            DiscordTranslator.conversation(event));
    run(
        InteractionResponse.toCommand(event, null, renderer),
        () -> core.handle(submission),
        "form " + event.getModalId(),
        submission.user());
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    AutoCompleteQuery focused = event.getFocusedOption();
    ChatUser user = DiscordTranslator.user(event);
    Conversation conversation = DiscordTranslator.conversation(event);
    execute(
        () -> {
          List<Choice> choices =
              core.complete(
                  event.getName(), focused.getName(), focused.getValue(), user, conversation);
          event
              .replyChoices(choices(choices, focused.getType()))
              .queue(null, InteractionResponse.logFailure("suggest choices"));
        },
        "autocomplete /" + event.getName(),
        user);
  }

  /** Core's suggestions as Discord choices: at most 25, typed like the option. */
  static List<Command.Choice> choices(List<Choice> choices, OptionType type) {
    List<Command.Choice> rendered = new ArrayList<>();
    for (Choice choice : choices) {
      if (rendered.size() == OptionData.MAX_CHOICES) {
        break;
      }
      String label = Texts.truncate(choice.label(), Command.Choice.MAX_NAME_LENGTH);
      if (label.isBlank()) {
        continue;
      }
      if (type == OptionType.INTEGER) {
        try {
          rendered.add(new Command.Choice(label, Long.parseLong(choice.value().strip())));
        } catch (NumberFormatException notANumber) {
          // Discord refuses a text value for a number option: leave the suggestion out.
        }
      } else if (!choice.value().isEmpty()
          && choice.value().length() <= Command.Choice.MAX_STRING_VALUE_LENGTH) {
        rendered.add(new Command.Choice(label, choice.value()));
      }
    }
    return rendered;
  }

  private void run(InteractionResponse response, Supplier<Reply> call, String what, ChatUser user) {
    try {
      timer.schedule(response::deferIfPending, DEFER_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shuttingDown) {
      response.deferIfPending();
    }
    execute(() -> response.answer(call.get()), what, user);
  }

  private void execute(Runnable task, String what, ChatUser user) {
    Runnable logged =
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.error("Core failed on Discord {} from user {}", what, user.id(), e);
          }
        };
    try {
      coreExecutor.execute(logged);
    } catch (RejectedExecutionException shuttingDown) {
      LOG.warn("Discord {} from user {} dropped: the adapter is closing", what, user.id());
    }
  }

  private static Map<String, CommandSpec> byName(List<CommandSpec> specs) {
    Map<String, CommandSpec> map = new HashMap<>();
    specs.forEach(spec -> map.put(spec.name(), spec));
    return Map.copyOf(map);
  }
}
