package org.networkeras.command;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.ButtonPress;
import org.networkeras.chat.Capabilities;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Choice;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.FormSubmission;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.IncomingMessage;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityService;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The core as adapters see it: finds the community and language, checks permissions and arguments,
 * runs the command, and turns every failure into a reply. Thread-safe.
 */
public final class Dispatcher implements BotCore {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  /** The longest command name logs and replies repeat; no command's name comes close. */
  private static final int MAX_NAME_SHOWN = 40;

  private final Map<String, CommandHandler> commands = new LinkedHashMap<>();
  private final Map<String, ButtonHandler> buttons = new LinkedHashMap<>();
  private final List<Completer> completers;
  private final CommunityService communities;
  private final Messages messages;
  private final Clock clock;
  private final RoleResolver roles;
  private final List<ConversationFlow> flows;
  private final Function<Platform, Capabilities> capabilities;
  private volatile CommandListener listener = CommandListener.NONE;

  /**
   * Suggests values for an option while it is typed, for the options whose spec declares its kind
   * of {@link ParameterSpec.Autocomplete}.
   */
  public interface Completer {
    /**
     * Suggestions for an option of kind {@code kind} starting as {@code prefix}, or empty when this
     * completer does not answer that kind.
     */
    List<Choice> complete(
        ParameterSpec.Autocomplete kind, String prefix, Community community, Language language);
  }

  public Dispatcher(
      List<CommandHandler> commandHandlers,
      List<ButtonHandler> buttonHandlers,
      List<Completer> completers,
      CommunityService communities,
      Messages messages,
      Clock clock) {
    this(
        commandHandlers,
        buttonHandlers,
        completers,
        List.of(),
        RoleResolver.PLATFORM_ONLY,
        platform -> Capabilities.PLAIN,
        communities,
        messages,
        clock);
  }

  /**
   * @param flows what answers ordinary messages and forms, asked in order
   * @param roles decides each member's role in a community (the platform grant or more)
   * @param capabilities what each platform's adapter declared it can show
   */
  public Dispatcher(
      List<CommandHandler> commandHandlers,
      List<ButtonHandler> buttonHandlers,
      List<Completer> completers,
      List<ConversationFlow> flows,
      RoleResolver roles,
      Function<Platform, Capabilities> capabilities,
      CommunityService communities,
      Messages messages,
      Clock clock) {
    this.flows = List.copyOf(flows);
    this.roles = Objects.requireNonNull(roles, "roles");
    this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    for (CommandHandler handler : commandHandlers) {
      if (commands.putIfAbsent(handler.spec().name(), handler) != null) {
        throw new IllegalArgumentException("two commands named " + handler.spec().name());
      }
    }
    for (ButtonHandler handler : buttonHandlers) {
      if (buttons.putIfAbsent(handler.prefix(), handler) != null) {
        throw new IllegalArgumentException("two button handlers for " + handler.prefix());
      }
    }
    this.completers = List.copyOf(completers);
    this.communities = Objects.requireNonNull(communities, "communities");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Tells {@code listener} (replacing the previous one) of every command handled. */
  public void listen(CommandListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public List<CommandSpec> commandSpecs() {
    return commands.values().stream().map(CommandHandler::spec).toList();
  }

  @Override
  public Reply handle(IncomingCommand command) {
    long started = System.nanoTime();
    Language language = Language.of(command.locale()).orElse(Language.EN);
    String outcome = "ok";
    CommandListener.Outcome result = CommandListener.Outcome.OK;
    String name = shown(command.name());
    MDC.put("command", name);
    try {
      Community community = communities.communityOf(command.conversation(), command.user());
      MDC.put("community", Long.toString(community.id()));
      language = communities.languageFor(community, command.locale(), command.user());
      if (length(command) > TextCommand.MAX_LENGTH) {
        throw new CommandException("command.too_long", TextCommand.MAX_LENGTH);
      }
      CommandHandler handler = commands.get(command.name());
      if (handler == null) {
        throw unknownCommand(command.name());
      }
      CommandSpec spec = handler.spec();
      if (spec.scope() == CommandSpec.Scope.GROUP_ONLY && command.conversation().isDirect()) {
        throw new CommandException("command.group_only", spec.name());
      }
      Role role = roles.roleOf(community, command.user());
      if (!role.atLeast(spec.audience())) {
        throw new CommandException(
            spec.audience() == Role.ADMIN ? "command.admins_only" : "command.not_allowed",
            spec.name());
      }
      Capabilities platform = capabilities.apply(command.conversation().platform());
      ParsedArguments arguments =
          ArgumentParser.parse(
              spec,
              command.arguments(),
              command.conversation().platform(),
              platform.personNaming());
      return handler.handle(
          new CommandContext(
              command,
              arguments,
              community,
              language,
              role,
              clock.instant(),
              messages,
              platform,
              communities.reachOf(community, command.conversation())));
    } catch (CommandException e) {
      outcome = "refused " + e.messageKey();
      result = CommandListener.Outcome.REFUSED;
      return refusal(language, e);
    } catch (RuntimeException e) {
      outcome = "failed";
      result = CommandListener.Outcome.FAILED;
      log.error(
          "command /{} failed platform={} conversation={} user={}",
          name,
          command.conversation().platform(),
          command.conversation().id(),
          command.user().id(),
          e);
      return apology(language);
    } finally {
      log.info(
          "command /{} platform={} conversation={} user={} outcome={} micros={}",
          name,
          command.conversation().platform(),
          command.conversation().id(),
          command.user().id(),
          outcome,
          (System.nanoTime() - started) / 1_000);
      notify(command, result, System.nanoTime() - started);
      MDC.remove("command");
      MDC.remove("community");
    }
  }

  private void notify(IncomingCommand command, CommandListener.Outcome result, long nanos) {
    String name = commands.containsKey(command.name()) ? command.name() : CommandListener.UNKNOWN;
    try {
      listener.handled(
          name, command.conversation().platform(), result, java.time.Duration.ofNanos(nanos));
    } catch (RuntimeException e) {
      log.warn("a command listener failed for /{}", name, e);
    }
  }

  @Override
  public Reply handle(ButtonPress press) {
    Language language = Language.of(press.user().locale()).orElse(Language.EN);
    try {
      Community community = communities.communityOf(press.conversation(), press.user());
      language = communities.languageFor(community, null, press.user());
      String token = press.token();
      int colon = token.indexOf(':');
      ButtonHandler handler = colon < 0 ? null : buttons.get(token.substring(0, colon));
      if (handler == null) {
        throw new CommandException("button.unknown");
      }
      return handler.press(
          token.substring(colon + 1),
          context(
              handler.prefix(),
              press.user(),
              press.conversation(),
              press.user().locale(),
              community,
              language));
    } catch (CommandException e) {
      return refusal(language, e);
    } catch (RuntimeException e) {
      log.error(
          "button {} failed platform={} conversation={} user={}",
          press.token(),
          press.conversation().platform(),
          press.conversation().id(),
          press.user().id(),
          e);
      return apology(language);
    }
  }

  @Override
  public Reply handle(FormSubmission submission) {
    Language language = Language.of(submission.user().locale()).orElse(Language.EN);
    try {
      Community community = communities.communityOf(submission.conversation(), submission.user());
      language = communities.languageFor(community, null, submission.user());
      CommandContext context =
          context(
              "form",
              submission.user(),
              submission.conversation(),
              submission.user().locale(),
              community,
              language);
      for (ConversationFlow flow : flows) {
        Optional<Reply> answer = flow.form(submission.formId(), submission.fields(), context);
        if (answer.isPresent()) {
          return answer.get();
        }
      }
      throw new CommandException("form.unknown");
    } catch (CommandException e) {
      return refusal(language, e);
    } catch (RuntimeException e) {
      log.error(
          "form {} failed platform={} conversation={} user={}",
          submission.formId(),
          submission.conversation().platform(),
          submission.conversation().id(),
          submission.user().id(),
          e);
      return apology(language);
    }
  }

  @Override
  public Optional<Reply> handle(IncomingMessage message) {
    String conversationKey = message.conversation().key();
    String userKey = message.user().key();
    if (flows.stream().noneMatch(flow -> flow.isWaitingFor(conversationKey, userKey))) {
      return Optional.empty();
    }
    Language language = Language.of(message.locale()).orElse(Language.EN);
    try {
      Community community = communities.communityOf(message.conversation(), message.user());
      language = communities.languageFor(community, message.locale(), message.user());
      if (message.text().length() > TextCommand.MAX_LENGTH) {
        return Optional.empty();
      }
      CommandContext context =
          context(
              "message",
              message.user(),
              message.conversation(),
              message.locale(),
              community,
              language);
      for (ConversationFlow flow : flows) {
        Optional<Reply> answer = flow.message(message.text(), context);
        if (answer.isPresent()) {
          return answer;
        }
      }
      return Optional.empty();
    } catch (CommandException e) {
      return Optional.of(refusal(language, e));
    } catch (RuntimeException e) {
      log.error(
          "message failed platform={} conversation={} user={}",
          message.conversation().platform(),
          message.conversation().id(),
          message.user().id(),
          e);
      return Optional.of(apology(language));
    }
  }

  /** The context of something that is not a typed command (a press, a message, a form). */
  private CommandContext context(
      String name,
      ChatUser user,
      Conversation conversation,
      java.util.Locale locale,
      Community community,
      Language language) {
    IncomingCommand synthetic =
        new IncomingCommand(
            name,
            org.networkeras.chat.Arguments.none(),
            user,
            conversation,
            clock.instant(),
            locale);
    return new CommandContext(
        synthetic,
        ParsedArguments.empty(),
        community,
        language,
        roles.roleOf(community, user),
        clock.instant(),
        messages,
        capabilities.apply(conversation.platform()),
        communities.reachOf(community, conversation));
  }

  @Override
  public List<Choice> complete(
      String command, String parameter, String prefix, ChatUser user, Conversation conversation) {
    ParameterSpec.Autocomplete kind = autocompleteOf(command, parameter);
    if (kind == ParameterSpec.Autocomplete.NONE) {
      return List.of();
    }
    try {
      Community community = communities.communityOf(conversation, user);
      Language language = communities.languageFor(community, user.locale(), user);
      List<Choice> choices = new ArrayList<>();
      for (Completer completer : completers) {
        choices.addAll(completer.complete(kind, prefix == null ? "" : prefix, community, language));
      }
      return choices.size() > 25 ? List.copyOf(choices.subList(0, 25)) : List.copyOf(choices);
    } catch (RuntimeException e) {
      log.warn("autocomplete failed for /{} {}", command, parameter, e);
      return List.of();
    }
  }

  /** What the spec of {@code command} declares its {@code parameter} completes. */
  private ParameterSpec.Autocomplete autocompleteOf(String command, String parameter) {
    CommandHandler handler = commands.get(command);
    if (handler == null) {
      return ParameterSpec.Autocomplete.NONE;
    }
    return handler.spec().parameters().stream()
        .filter(p -> p.name().equals(parameter))
        .map(ParameterSpec::autocomplete)
        .findFirst()
        .orElse(ParameterSpec.Autocomplete.NONE);
  }

  /**
   * How long a command is as a whole: its name, its text and its options, which must together fit
   * in {@link TextCommand#MAX_LENGTH} however the platform split them.
   */
  private static long length(IncomingCommand command) {
    long length = command.name().length() + (long) command.arguments().text().length();
    for (Map.Entry<String, String> option : command.arguments().options().entrySet()) {
      length += option.getKey().length() + (long) option.getValue().length();
    }
    return length;
  }

  /** A command's name as logs show it: a name longer than any command's is cut. */
  private static String shown(String name) {
    return name.length() <= MAX_NAME_SHOWN ? name : name.substring(0, MAX_NAME_SHOWN) + "…";
  }

  private CommandException unknownCommand(String name) {
    String nearest = Words.nearest(name, commands.keySet(), 2);
    return nearest == null
        ? new CommandException("command.unknown", shown(name))
        : new CommandException("command.unknown_did_you_mean", shown(name), nearest);
  }

  private Reply refusal(Language language, CommandException e) {
    return Reply.builder(language.locale())
        .line(org.networkeras.chat.Line.text(messages.get(language, e.messageKey(), e.arguments())))
        .privately()
        .build();
  }

  private Reply apology(Language language) {
    return Reply.builder(language.locale())
        .line(org.networkeras.chat.Line.text(messages.get(language, "error.generic")))
        .privately()
        .build();
  }
}
