package org.networkeras.app.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.networkeras.core.SimulatedClock;
import org.networkeras.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat in a terminal. Reads lines until the end of input or {@code :quit}; a bad line never ends
 * the session. With a terminal it shows a prompt; reading from a pipe it prints only the bot's
 * answers, for scripts. Not thread-safe: one session, one thread.
 */
public final class Console {

  private static final Logger log = LoggerFactory.getLogger(Console.class);
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([mhd])");

  private final BotCore core;
  private final Clock clock;
  private final SimulatedClock simulated;
  private final BufferedReader in;
  private final PrintStream out;
  private final boolean interactive;
  private final ConsoleTexts texts;
  private final PlainTextRenderer renderer;
  private final ConsoleGateway gateway;
  private final Map<String, Role> roles = new HashMap<>();
  private final Language language;
  private IntSupplier runDue = () -> 0;
  private java.nio.file.Path files;
  private String user = "alice";
  private String chat;
  private boolean direct;
  private Reply last;

  /**
   * @param simulated the clock {@code :advance} moves, or {@code null} when running on real time
   * @param language the console's own texts and the locale members are given
   * @param isoTimes print times as ISO-8601 with offset
   * @param interactive show a prompt (standard input is a terminal)
   * @param chat the group chat the session starts in
   */
  public Console(
      BotCore core,
      Clock clock,
      SimulatedClock simulated,
      Language language,
      boolean isoTimes,
      BufferedReader in,
      PrintStream out,
      boolean interactive,
      String chat) {
    this.core = core;
    this.clock = clock;
    this.simulated = simulated;
    this.language = language;
    this.in = in;
    this.out = out;
    this.interactive = interactive;
    this.chat = chat;
    this.texts = new ConsoleTexts(language);
    this.renderer = new PlainTextRenderer(clock, isoTimes);
    this.gateway = new ConsoleGateway(out, renderer, texts);
  }

  /** Where the bot's own messages (reminders, announcements) are printed. */
  public ConsoleGateway gateway() {
    return gateway;
  }

  /** What {@code :advance} runs once the clock moved: returns how many messages it sent. */
  public void onAdvance(IntSupplier work) {
    this.runDue = work;
  }

  /**
   * Where files the bot answers with ({@code .ics}) are written, their path printed in their place;
   * without it, only their names are printed.
   */
  public void saveFilesIn(java.nio.file.Path folder) {
    this.files = folder;
  }

  /** Runs the session until the end of input or {@code :quit}. */
  public void run() {
    if (interactive) {
      out.println(texts.get("console.banner", user, chat));
    }
    while (true) {
      if (interactive) {
        out.print(user + "@" + (direct ? "dm" : chat) + "> ");
        out.flush();
      }
      String line;
      try {
        line = in.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (line == null || line.strip().equals(":quit")) {
        return;
      }
      try {
        handle(line);
      } catch (RuntimeException e) {
        log.error("console line failed: {}", line, e);
        out.println(texts.get("console.failed"));
      }
      out.flush();
    }
  }

  /** Handles one line as typed. */
  void handle(String raw) {
    String line = raw.strip();
    if (line.isEmpty()) {
      return;
    }
    if (line.startsWith(":")) {
      session(line);
      return;
    }
    Optional<TextCommand> command = TextCommand.parse(line);
    if (command.isPresent()) {
      show(
          core.handle(
              new IncomingCommand(
                  command.get().name(),
                  Arguments.ofText(command.get().text()),
                  member(),
                  conversation(),
                  clock.instant(),
                  language.locale())));
      return;
    }
    Optional<Reply> answer =
        core.handle(
            new IncomingMessage(
                line, member(), conversation(), clock.instant(), language.locale()));
    if (answer.isPresent()) {
      show(answer.get());
    } else {
      out.println(texts.get("console.not_command"));
    }
  }

  private void session(String line) {
    String[] words = line.split("\\s+", 3);
    String verb = words[0].toLowerCase(Locale.ROOT);
    switch (verb) {
      case ":help" -> out.println(texts.get("console.help"));
      case ":as" -> {
        if (words.length < 2) {
          out.println(texts.get("console.usage", ":as NAME"));
          return;
        }
        user = words[1];
        out.println(texts.get("console.now_as", user));
      }
      case ":role" -> role(words);
      case ":chat" -> {
        if (words.length < 2) {
          out.println(texts.get("console.usage", ":chat NAME"));
          return;
        }
        chat = words[1];
        direct = false;
        out.println(texts.get("console.now_in", chat));
      }
      case ":dm" -> {
        direct = true;
        out.println(texts.get("console.now_dm"));
      }
      case ":press" -> press(line.substring(verb.length()).strip());
      case ":advance" -> advance(words.length < 2 ? "" : words[1]);
      default -> out.println(texts.get("console.unknown", verb));
    }
  }

  private void role(String[] words) {
    if (words.length < 3) {
      out.println(texts.get("console.usage", ":role NAME member|moderator|admin"));
      return;
    }
    Role role;
    try {
      role = Role.valueOf(words[2].strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      out.println(texts.get("console.bad_role"));
      return;
    }
    roles.put(words[1], role);
    out.println(texts.get("console.role_set", words[1], role.name().toLowerCase(Locale.ROOT)));
  }

  private void press(String which) {
    if (last == null || which.isEmpty()) {
      out.println(texts.get("console.no_buttons", which));
      return;
    }
    var buttons = last.allButtons();
    Button chosen = null;
    if (which.chars().allMatch(Character::isDigit)) {
      int n = Integer.parseInt(which);
      if (n >= 1 && n <= buttons.size()) {
        chosen = buttons.get(n - 1);
      }
    } else {
      chosen =
          buttons.stream().filter(b -> b.label().equalsIgnoreCase(which)).findFirst().orElse(null);
    }
    if (chosen == null) {
      out.println(texts.get("console.no_buttons", which));
    } else if (chosen.isLink()) {
      out.println(texts.get("console.link", chosen.url()));
    } else {
      show(core.handle(new ButtonPress(chosen.token(), member(), conversation())));
    }
  }

  private void advance(String text) {
    if (simulated == null) {
      out.println(texts.get("console.no_advance"));
      return;
    }
    Matcher matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT));
    Duration total = Duration.ZERO;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      long amount = Long.parseLong(matcher.group(1));
      total =
          total.plus(
              switch (matcher.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
              });
      end = matcher.end();
    }
    if (end == 0 || end != text.length()) {
      out.println(texts.get("console.bad_duration"));
      return;
    }
    simulated.advance(total);
    out.println(
        texts.get(
            "console.advanced",
            renderer.line(
                org.networkeras.chat.Line.of(
                    org.networkeras.chat.Piece.time(
                        clock.instant(),
                        clock.getZone(),
                        org.networkeras.chat.Piece.TimeStyle.FULL)),
                Reply.text(language.locale()))));
    if (runDue.getAsInt() == 0) {
      out.println(texts.get("console.nothing_due"));
    }
  }

  private void show(Reply reply) {
    last = reply;
    if (reply.visibility().personal()) {
      out.println(texts.get("console.private"));
    }
    out.print(renderer.render(reply));
    for (org.networkeras.chat.Attachment attachment : reply.attachments()) {
      out.println(save(attachment));
    }
    out.println();
  }

  /** Writes a file the bot answered with, and says where (or only its name, with nowhere to go). */
  private String save(org.networkeras.chat.Attachment attachment) {
    String name = attachment.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
    if (files == null) {
      return texts.get("console.file_unsaved", name);
    }
    java.nio.file.Path path = files.resolve(name).toAbsolutePath();
    try {
      java.nio.file.Files.createDirectories(files);
      java.nio.file.Files.write(path, attachment.content());
    } catch (IOException e) {
      log.warn("could not write {}", path, e);
      return texts.get("console.file_unsaved", name);
    }
    return texts.get("console.file_saved", path.toString());
  }

  private ChatUser member() {
    return new ChatUser(
        Platform.CONSOLE, user, user, language.locale(), roles.getOrDefault(user, Role.MEMBER));
  }

  private Conversation conversation() {
    return direct
        ? Conversation.direct(Platform.CONSOLE, "dm-" + user)
        : Conversation.group(Platform.CONSOLE, chat, chat, chat);
  }
}
