package org.networkeras.testing;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.networkeras.chat.Arguments;
import org.networkeras.chat.BotCore;
import org.networkeras.chat.Button;
import org.networkeras.chat.ButtonPress;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.IncomingMessage;
import org.networkeras.chat.PlainTextRenderer;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.command.TextCommand;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.community.CommunityService;
import org.networkeras.core.CoreWiring;
import org.networkeras.core.SimulatedClock;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;

/**
 * A chat to test the bot through, the way members use it:
 *
 * <pre>{@code
 * Chat chat = Chat.on(database).at("2026-11-26T10:00").withStarterCatalog("paris-tech");
 * Said said = chat.as("alice").in("paris-tech").send("/events tonight");
 * assertThat(said.text()).contains("Afterwork");
 * }</pre>
 *
 * Time stands still until {@link #advance} moves it.
 */
public final class Chat {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final Database database;
  private SimulatedClock clock;
  private CoreWiring wiring;
  private Language fallback = Language.EN;
  private org.networkeras.calendar.CalendarSettings calendars =
      org.networkeras.calendar.CalendarSettings.OFF;
  private org.networkeras.imports.ImportSettings imports =
      org.networkeras.imports.ImportSettings.DEFAULT;
  private final java.util.List<RecordingGateway.Sent> sent = new java.util.ArrayList<>();
  private final java.util.Map<Platform, RecordingGateway> gateways =
      new java.util.EnumMap<>(Platform.class);

  private Chat(Database database) {
    this.database = database;
  }

  public static Chat on(Database database) {
    return new Chat(database).at("2026-11-26T10:00");
  }

  /** Sets the clock to a Paris local time (rebuilding the core, as a restart would). */
  public Chat at(String localDateTime) {
    clock = new SimulatedClock(LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant(), PARIS);
    rewire();
    return this;
  }

  private void rewire() {
    wiring = new CoreWiring(database, clock, defaults(), calendars, imports);
    gateways.clear();
    for (Platform platform : Platform.values()) {
      RecordingGateway gateway = new RecordingGateway(platform, sent, clock);
      gateways.put(platform, gateway);
      wiring.gateways().register(gateway);
    }
  }

  /** Serves calendar feeds as {@code settings} say (rebuilding the core, as a restart would). */
  public Chat withCalendars(org.networkeras.calendar.CalendarSettings settings) {
    calendars = settings;
    rewire();
    return this;
  }

  /**
   * Fetches followed calendars as {@code settings} say (rebuilding the core, as a restart would).
   */
  public Chat withImports(org.networkeras.imports.ImportSettings settings) {
    imports = settings;
    rewire();
    return this;
  }

  /** What core sent on its own (notifications, announcements), oldest first. */
  public java.util.List<RecordingGateway.Sent> sent() {
    synchronized (sent) {
      return java.util.List.copyOf(sent);
    }
  }

  /** What core sent since {@code mark} (a size of {@link #sent}), once all that is due is sent. */
  public java.util.List<RecordingGateway.Sent> sentSince(int mark) {
    wiring.delivery().deliverDueNow();
    java.util.List<RecordingGateway.Sent> all = sent();
    return all.subList(mark, all.size());
  }

  /**
   * Moves the clock to a Paris local time, sends what is due (reminders), and returns what was
   * sent.
   */
  public java.util.List<RecordingGateway.Sent> deliverAt(String localDateTime) {
    int before = sent().size();
    advance(
        Duration.between(
            clock.instant(), LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant()));
    wiring.delivery().deliverDueNow();
    wiring.delivery().deliverDueNow();
    java.util.List<RecordingGateway.Sent> all = sent();
    return all.subList(before, all.size());
  }

  /** The recording gateway of a platform. */
  public RecordingGateway gateway(Platform platform) {
    return gateways.get(platform);
  }

  /** Members with no language of their own are answered in {@code language}. */
  public Chat speaking(Language language) {
    fallback = language;
    rewire();
    return this;
  }

  /** Loads the starter catalog into the community of the console chat {@code chatName}. */
  public Chat withStarterCatalog(String chatName) {
    wiring.loadStarterCatalog(community(chatName));
    return this;
  }

  /** The community of a console group chat. */
  public Community community(String chatName) {
    return community(Platform.CONSOLE, chatName);
  }

  /** The community of a group chat on a platform. */
  public Community community(Platform platform, String chatName) {
    return wiring.communities().byGroup(CommunityService.groupKey(platform, chatName), chatName);
  }

  public CoreWiring wiring() {
    return wiring;
  }

  public BotCore core() {
    return wiring.core();
  }

  public SimulatedClock clock() {
    return clock;
  }

  public Chat advance(Duration duration) {
    clock.advance(duration);
    return this;
  }

  public Member as(String name) {
    return new Member(name, name, Role.MEMBER, null, Locale.ENGLISH, Platform.CONSOLE);
  }

  private CommunityDefaults defaults() {
    return new CommunityDefaults(PARIS, null, fallback, null);
  }

  /** A member about to say something somewhere. */
  public final class Member {
    private final String name;
    private final String displayName;
    private final Role role;
    private final String chatName;
    private final Locale locale;
    private final Platform platform;
    private final String chatTitle;

    private Member(
        String name,
        String displayName,
        Role role,
        String chatName,
        Locale locale,
        Platform platform) {
      this(name, displayName, role, chatName, locale, platform, null);
    }

    private Member(
        String name,
        String displayName,
        Role role,
        String chatName,
        Locale locale,
        Platform platform,
        String chatTitle) {
      this.chatTitle = chatTitle;
      this.name = name;
      this.displayName = displayName;
      this.role = role;
      this.chatName = chatName;
      this.locale = locale;
      this.platform = platform;
    }

    /** On another platform (the console unless said): same name, another member there. */
    public Member on(Platform newPlatform) {
      return new Member(name, displayName, role, chatName, locale, newPlatform, chatTitle);
    }

    /** Submits a form the bot showed (a Discord modal). */
    public Said submit(String formId, java.util.Map<String, String> fields) {
      return new Said(
          core()
              .handle(
                  new org.networkeras.chat.FormSubmission(formId, fields, user(), conversation())));
    }

    /** In the group chat {@code chatName} (each console chat is its own community). */
    public Member in(String newChat) {
      return new Member(name, displayName, role, newChat, locale, platform);
    }

    /** In the group chat {@code newChat}, which its platform calls {@code title}. */
    public Member in(String newChat, String title) {
      return new Member(name, displayName, role, newChat, locale, platform, title);
    }

    /** In a direct chat with the bot. */
    public Member direct() {
      return new Member(name, displayName, role, null, locale, platform);
    }

    public Member withRole(Role newRole) {
      return new Member(name, displayName, newRole, chatName, locale, platform, chatTitle);
    }

    /** With a platform locale ({@code null} for none). */
    public Member withLocale(Locale newLocale) {
      return new Member(name, displayName, role, chatName, newLocale, platform, chatTitle);
    }

    /**
     * Going by another display name than their id (which stays {@code name}): anyone may call
     * themself anything on a platform.
     */
    public Member named(String newDisplayName) {
      return new Member(name, newDisplayName, role, chatName, locale, platform, chatTitle);
    }

    /** The person the platform identifies this member as. */
    public org.networkeras.chat.Person person() {
      return org.networkeras.chat.Person.of(user());
    }

    /** Sends what follows as a reply to one of {@code other}'s messages (Telegram's replies). */
    public Naming replyingTo(Member other) {
      return new Naming(this, java.util.List.of(), other.person());
    }

    /** Invokes a command with typed options, as Discord sends a slash command. */
    public Said invoke(String command, java.util.Map<String, String> options) {
      return new Naming(this, java.util.List.of(), null).invoke(command, options);
    }

    /**
     * Sends what follows with {@code words} naming {@code other}, as the platform says it (a
     * Telegram mention, a Discord user option whose value is the id).
     */
    public Naming mentioning(String words, Member other) {
      return new Naming(this, java.util.List.of(), null).mentioning(words, other);
    }

    public ChatUser user() {
      return new ChatUser(platform, name, displayName, locale, role);
    }

    public Conversation conversation() {
      return chatName == null
          ? Conversation.direct(platform, "dm-" + name)
          : Conversation.group(platform, chatName, chatName, chatTitle);
    }

    /** Sends a line as typed: a command, or an ordinary message. */
    public Said send(String line) {
      Optional<TextCommand> command = TextCommand.parse(line);
      if (command.isPresent()) {
        return new Said(
            core()
                .handle(
                    new IncomingCommand(
                        command.get().name(),
                        Arguments.ofText(command.get().text()),
                        user(),
                        conversation(),
                        clock.instant(),
                        locale)));
      }
      return new Said(
          core()
              .handle(new IncomingMessage(line, user(), conversation(), clock.instant(), locale))
              .orElse(null));
    }

    /** Presses a button by its token, as a platform sends a press of an older message. */
    public Said pressToken(String token) {
      return new Said(core().handle(new ButtonPress(token, user(), conversation())));
    }

    /** Presses the button labelled {@code label} of a reply. */
    public Said press(Said said, String label) {
      Button button =
          said.reply().allButtons().stream()
              .filter(b -> b.label().equals(label))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no button " + label + " in\n" + said.text()));
      return new Said(core().handle(new ButtonPress(button.token(), user(), conversation())));
    }
  }

  /** What a member is about to send, with the people the platform recognised in it. */
  public final class Naming {
    private final Member member;
    private final java.util.List<org.networkeras.chat.Mention> mentions;
    private final org.networkeras.chat.Person repliedTo;

    private Naming(
        Member member,
        java.util.List<org.networkeras.chat.Mention> mentions,
        org.networkeras.chat.Person repliedTo) {
      this.member = member;
      this.mentions = java.util.List.copyOf(mentions);
      this.repliedTo = repliedTo;
    }

    /** Also with {@code words} naming {@code other}. */
    public Naming mentioning(String words, Member other) {
      java.util.List<org.networkeras.chat.Mention> more = new java.util.ArrayList<>(mentions);
      more.add(new org.networkeras.chat.Mention(words, other.person()));
      return new Naming(member, more, repliedTo);
    }

    /** Sends a command typed as a line. */
    public Said send(String line) {
      TextCommand command =
          TextCommand.parse(line).orElseThrow(() -> new IllegalArgumentException(line));
      return invoke(command.name(), Arguments.ofText(command.text()));
    }

    /** Invokes a command with typed options (a Discord slash command). */
    public Said invoke(String command, java.util.Map<String, String> options) {
      return invoke(command, Arguments.ofOptions(options));
    }

    private Said invoke(String command, Arguments arguments) {
      return new Said(
          core()
              .handle(
                  new IncomingCommand(
                      command,
                      arguments.naming(mentions, repliedTo),
                      member.user(),
                      member.conversation(),
                      clock.instant(),
                      member.locale)));
    }
  }

  /** What the bot answered. */
  public final class Said {
    private final Reply reply;

    Said(Reply reply) {
      this.reply = reply;
    }

    /** The reply, or {@code null} when the bot stayed silent. */
    public Reply reply() {
      return reply;
    }

    /** The reply as the console shows it (times in the community's zone). */
    public String text() {
      return reply == null ? "" : new PlainTextRenderer(clock, false).render(reply);
    }

    /** The reply with every time as ISO-8601, for exact assertions. */
    public String isoText() {
      return reply == null ? "" : new PlainTextRenderer(clock, true).render(reply);
    }

    @Override
    public String toString() {
      return text();
    }
  }
}
