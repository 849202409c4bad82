package org.networkeras.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.networkeras.catalog.Admission;
import org.networkeras.catalog.Event;
import org.networkeras.catalog.EventRef;
import org.networkeras.catalog.EventStatus;
import org.networkeras.catalog.Family;
import org.networkeras.catalog.Occurrence;
import org.networkeras.catalog.Slot;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Platform;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.core.CoreWiring;
import org.networkeras.discord.FakeDiscord;
import org.networkeras.i18n.Language;
import org.networkeras.rsvp.Rsvp;
import org.networkeras.store.Database;
import org.networkeras.telegram.FakeBotApi;

/**
 * Two bot instances on one PostgreSQL schema, against the local Telegram and Discord stand-ins
 * ({@link FakeBotApi}, {@link FakeDiscord}), with a backlog of reminders to deliver; the instance
 * polling Telegram is killed (SIGKILL) while they deliver, and Telegram commands keep coming during
 * and after the kill.
 *
 * <p>What it sets up, through the core's own services: a community on each platform (a Telegram
 * group, a Discord server), {@code events} events in each, and {@code members} members, half on
 * each platform, each going to every event of their community. The events start two hours after the
 * scenario starts; the answers are given in one transaction once both instances run, on a clock of
 * their own set half an hour before the reminders fall due (the members answered earlier): the
 * reminder path writes one reminder per member and event to the outbox (the two-hour one; the
 * day-before one had passed), all due, by then, when the transaction commits.
 *
 * <p>Each instance is a launcher JVM of its own ({@code launcher}: the jar, or {@link Main} on a
 * class path) with the PostgreSQL schema, one bot token per platform and every Discord shard
 * ({@code 0/1}: the one shard runs on one instance, under a lease). The first instance starts alone
 * and takes the Telegram poller and the Discord shard; the second stands by for both, and delivers
 * reminders beside the first. Each reaches the stand-ins by a door (port) of its own, so their
 * records say which instance sent what.
 *
 * <p>Once {@code killShare} of the reminders is delivered, the instance polling Telegram is killed.
 * The survivor must take over polling, the Discord shard and the killed instance's claims; the
 * scenario waits (bounded) until no reminder is pending, then checks, from the stand-ins' records
 * and the outbox: every reminder delivered, once, apart from at most one Telegram reminder the
 * killed instance had in flight (sent, not yet recorded; Discord drops such a repeat by its nonce);
 * both instances delivered some; the survivor polls Telegram and no two instances ever polled at
 * once; every command answered, twice only if the killed instance was answering it when it died. A
 * failed check throws an {@link AssertionError} naming it; {@link #run()} returns the figures.
 *
 * <p>Used by {@code TwoInstancesKillTest} at a small size and by {@code benchmarks/run.sh} at full
 * size, through {@link #main}.
 */
public final class TwoInstancesScenario {

  /** The variable naming the PostgreSQL server (a JDBC URL), as the repository tests read it. */
  public static final String POSTGRES_URL_VARIABLE = "NETWORKERAS_TEST_PG_URL";

  /**
   * Commands handled at once by an instance (TelegramAdapter's update workers): in flight at most.
   */
  private static final int UPDATE_WORKERS = 4;

  private static final String TELEGRAM_GROUP = "-1001000000001";
  private static final long TELEGRAM_MEMBERS = 500_000_000L;
  private static final long DISCORD_MEMBERS = 2_100_000_000_000_000_000L;
  private static final long COMMAND_CHATS = 700_000L;
  private static final Pattern EVENT_NUMBER = Pattern.compile("n°(\\d+)");

  /**
   * How big the scenario is.
   *
   * @param members members in all, half on Telegram and half on Discord (even)
   * @param events events per community, each member going to every one of theirs
   * @param killShare the share of the reminders delivered when the poller is killed (0 to 1)
   */
  public record Size(int members, int events, double killShare) {
    public Size {
      if (members < 2 || members % 2 != 0 || events < 1 || killShare <= 0 || killShare >= 1) {
        throw new IllegalArgumentException("an even number of members, events, a share below 1");
      }
    }

    public int reminders() {
      return members * events;
    }
  }

  /** What one instance delivered, by platform, as the stand-ins recorded it. */
  public record Delivered(int telegram, int discord) {
    public int total() {
      return telegram + discord;
    }
  }

  /**
   * The figures of a run.
   *
   * @param preparation setting up the communities and events, then the answers (one transaction)
   * @param killedAfter reminders delivered when the poller was killed
   * @param killed what the killed instance delivered
   * @param survivor what the surviving instance delivered
   * @param telegramRepeats Telegram reminders the stand-in received twice (the killed one's in
   *     flight)
   * @param discordRepeatsDropped Discord sends dropped by their nonce (repeats of the killed
   *     instance's unrecorded sends)
   * @param pollingTakenOver from the kill to the survivor's first {@code getUpdates}
   * @param shardTakenOver from the kill to the survivor's taking the Discord shard's lease (as its
   *     log says)
   * @param deliveryResumed from the kill to the survivor's next delivered reminder
   * @param total from the answers' commit (every reminder due) to the last reminder settled
   * @param commands commands sent to Telegram, before, during and after the kill
   * @param commandsAnsweredTwice commands the killed instance was answering when it died, answered
   *     again by the survivor
   */
  public record Figures(
      Size size,
      Duration preparation,
      int killedAfter,
      Delivered killed,
      Delivered survivor,
      int telegramRepeats,
      long discordRepeatsDropped,
      Duration pollingTakenOver,
      Duration shardTakenOver,
      Duration deliveryResumed,
      Duration total,
      int commands,
      int commandsAnsweredTwice) {

    /** The figures, a line each, as the benchmark prints them. */
    public String report() {
      return String.join(
          "\n",
          "two instances on one PostgreSQL, the Telegram poller killed mid-delivery",
          "members: %d (%d on Telegram, %d on Discord), events per community: %d"
              .formatted(size.members(), size.members() / 2, size.members() / 2, size.events()),
          "reminders: %d (%d Telegram, %d Discord), all due at once"
              .formatted(size.reminders(), size.reminders() / 2, size.reminders() / 2),
          "preparation: %.1f s".formatted(seconds(preparation)),
          "killed after: %d reminders delivered (%.0f%%)"
              .formatted(killedAfter, 100.0 * killedAfter / size.reminders()),
          "delivered by the killed instance: %d (%d Telegram, %d Discord)"
              .formatted(killed.total(), killed.telegram(), killed.discord()),
          "delivered by the survivor: %d (%d Telegram, %d Discord)"
              .formatted(survivor.total(), survivor.telegram(), survivor.discord()),
          "Telegram reminders received twice: %d; Discord repeats dropped by nonce: %d; missing: 0"
              .formatted(telegramRepeats, discordRepeatsDropped),
          "Telegram polling taken over: %.1f s after the kill".formatted(seconds(pollingTakenOver)),
          "Discord shard lease taken over: %.1f s after the kill"
              .formatted(seconds(shardTakenOver)),
          "survivor's next reminder: %.1f s after the kill".formatted(seconds(deliveryResumed)),
          "total: %.1f s from due to the last reminder settled (%.0f reminders/s)"
              .formatted(seconds(total), size.reminders() / seconds(total)),
          "commands sent to Telegram: %d, each answered; answered twice (in flight at the kill): %d"
              .formatted(commands, commandsAnsweredTwice));
    }

    private static double seconds(Duration duration) {
      return duration.toMillis() / 1000.0;
    }
  }

  private final Size size;
  private final String serverUrl;
  private final List<String> launcher;
  private final Path workDir;
  private final Duration patience;
  private final PrintStream progress;
  private final String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
  private final List<Instance> instances = new ArrayList<>();

  /**
   * @param serverUrl the PostgreSQL server's JDBC URL; the scenario works in a schema of its own,
   *     dropped at the end
   * @param launcher the command that starts a launcher ({@code java -jar networkeras.jar}), to
   *     which the scenario adds {@code --data DIR}
   * @param workDir where the instances' data folders and logs go
   * @param patience the longest wait for each step (instances up, delivery, takeover)
   * @param progress where steps are told as they happen
   */
  public TwoInstancesScenario(
      Size size,
      String serverUrl,
      List<String> launcher,
      Path workDir,
      Duration patience,
      PrintStream progress) {
    this.size = size;
    this.serverUrl = serverUrl;
    this.launcher = List.copyOf(launcher);
    this.workDir = workDir;
    this.patience = patience;
    this.progress = progress;
  }

  /**
   * Runs the scenario at full size (or the size given) with the jar: {@code TwoInstancesScenario
   * bot-app/target/networkeras.jar [members] [events]}, with {@value #POSTGRES_URL_VARIABLE} set.
   * Prints the figures; exits with 1 if a check failed.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: TwoInstancesScenario NETWORKERAS_JAR [MEMBERS] [EVENTS]");
      System.exit(2);
    }
    String server = System.getenv(POSTGRES_URL_VARIABLE);
    if (server == null || server.isBlank()) {
      System.err.println(POSTGRES_URL_VARIABLE + " is not set: the two-instance scenario needs it");
      System.exit(2);
    }
    int members = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int events = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path workDir = Files.createTempDirectory("networkeras-two-instances");
    TwoInstancesScenario scenario =
        new TwoInstancesScenario(
            new Size(members, events, 0.3),
            server,
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(args[0]).toAbsolutePath().toString()),
            workDir,
            Duration.ofMinutes(15),
            System.out);
    try {
      System.out.println(scenario.run().report());
      System.out.println("logs: " + workDir);
    } catch (AssertionError e) {
      System.out.println("FAILED: " + e.getMessage());
      System.out.println("logs: " + workDir);
      System.exit(1);
    }
  }

  /**
   * Runs the scenario.
   *
   * @return its figures
   * @throws AssertionError if a check fails or a step does not happen in time
   */
  public Figures run() throws Exception {
    execute("CREATE SCHEMA " + schema);
    try (FakeBotApi telegram = new FakeBotApi(500);
        FakeDiscord discord = new FakeDiscord()) {
      return run(telegram, discord);
    } finally {
      for (Instance instance : instances) {
        instance.process.destroyForcibly().waitFor();
      }
      execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private Figures run(FakeBotApi telegram, FakeDiscord discord) throws Exception {
    // given a community on each platform with its events, members going
    long preparing = System.nanoTime();
    Instant due = Instant.now();
    // The answers' clock: members answered half an hour before the two-hour reminder fell due.
    Clock answered = Clock.fixed(due.minus(Duration.ofMinutes(30)), ZoneOffset.UTC);
    ZoneId paris = ZoneId.of("Europe/Paris");
    try (Database database = Database.open(schemaUrl())) {
      CoreWiring core =
          new CoreWiring(database, answered, new CommunityDefaults(paris, null, Language.EN, null));
      Conversation telegramGroup =
          Conversation.group(Platform.TELEGRAM, TELEGRAM_GROUP, TELEGRAM_GROUP, "Paris Tech");
      Conversation discordServer =
          Conversation.group(
              Platform.DISCORD, FakeDiscord.CHANNEL_ID, FakeDiscord.GUILD_ID, "Paris Tech");
      List<ChatUser> telegramMembers = members(Platform.TELEGRAM, TELEGRAM_MEMBERS);
      List<ChatUser> discordMembers = members(Platform.DISCORD, DISCORD_MEMBERS);
      Community onTelegram = core.communities().communityOf(telegramGroup, telegramMembers.get(0));
      Community onDiscord = core.communities().communityOf(discordServer, discordMembers.get(0));
      Instant start = due.plus(Duration.ofHours(2));
      List<Occurrence> telegramEvents = events(core, onTelegram, start, answered.instant());
      List<Occurrence> discordEvents = events(core, onDiscord, start, answered.instant());

      // and two instances, the first polling Telegram and running the Discord shard
      Instance first = launch("first", telegram.openDoor().toString(), discord.openDoor());
      eventually(
          "the first instance polls Telegram and runs the Discord shard",
          () ->
              leaseHolder("telegram-poller:%").equals(OptionalLong.of(first.process.pid()))
                  && leaseHolder("discord-shard:%").equals(OptionalLong.of(first.process.pid()))
                  && discord.connected()
                  && first.logged("delivery started as"));
      Instance second = launch("second", telegram.openDoor().toString(), discord.openDoor());
      eventually(
          "the second instance started",
          () -> second.logged("Telegram adapter started") && second.logged("delivery started as"));
      progress.println("two instances up: " + first + ", " + second);

      // when the members' answers commit, every reminder due at once
      long answering = System.nanoTime();
      database.useTransaction(
          "the members answer",
          handle -> {
            answer(core, onTelegram, telegramGroup, telegramEvents, telegramMembers, Language.EN);
            answer(core, onDiscord, discordServer, discordEvents, discordMembers, Language.FR);
          });
      long committed = System.nanoTime();
      progress.printf(
          "%d answers committed in %.1f s: %d reminders due%n",
          size.reminders(), (committed - answering) / 1e9, pendingReminders());
      Duration preparation = Duration.ofNanos(committed - preparing);

      // and commands come to Telegram all along, one every quarter second
      AtomicInteger commands = new AtomicInteger();
      ScheduledExecutorService member = Executors.newSingleThreadScheduledExecutor();
      try {
        member.scheduleAtFixedRate(
            () -> {
              int id = commands.incrementAndGet();
              telegram.send(id, whenCommand(id));
            },
            0,
            250,
            TimeUnit.MILLISECONDS);
        int killAt = (int) Math.ceil(size.reminders() * size.killShare());
        // (the delivery round runs on one instance at a time: the poller must have had one)
        eventually(
            "a share of the reminders delivered, some by the Telegram poller",
            () -> {
              Records records = new Records(telegram, discord);
              OptionalLong polling = leaseHolder("telegram-poller:%");
              return records.delivered() >= killAt
                  && instances.stream()
                      .anyMatch(
                          instance ->
                              polling.equals(OptionalLong.of(instance.process.pid()))
                                  && records.deliveredBy(instance).total() > 0);
            });

        // and the instance polling Telegram is killed mid-delivery
        OptionalLong poller = leaseHolder("telegram-poller:%");
        Instance killed = poller.equals(OptionalLong.of(second.process.pid())) ? second : first;
        Instance survivor = killed == first ? second : first;
        int killedAfter = new Records(telegram, discord).delivered();
        long killedAt = System.nanoTime();
        Instant killedAtInstant = Instant.now();
        killed.process.destroyForcibly().waitFor();
        int lastBeforeKill = commands.get();
        progress.printf(
            "killed %s (polling Telegram) after %d reminders delivered%n", killed, killedAfter);

        // then the survivor takes over polling and answers what comes during and after the kill
        eventually(
            "the survivor answers commands sent after the kill",
            () ->
                telegram.pending("sendMessage").stream()
                        .filter(call -> call.door() == survivor.telegramDoor)
                        .filter(call -> commandOf(call) > lastBeforeKill)
                        .count()
                    >= 10);
        member.shutdown();
        member.awaitTermination(1, TimeUnit.MINUTES);
        int sent = commands.get();
        eventually(
            "every command answered and confirmed",
            () ->
                telegram.highestOffsetAsked() > sent && answeredCommands(telegram).size() == sent);

        // and delivers every reminder left
        eventually("no reminder pending", () -> pendingReminders() == 0);
        long settled = System.nanoTime();
        progress.printf(
            "every reminder settled %.1f s after the kill%n", (settled - killedAt) / 1e9);

        Records records = new Records(telegram, discord);
        return check(
            records,
            telegram,
            discord,
            killed,
            survivor,
            killedAt,
            new Figures(
                size,
                preparation,
                killedAfter,
                records.deliveredBy(killed),
                records.deliveredBy(survivor),
                0,
                discord.repeatsDropped(),
                records.firstAfter(telegram.pending("getUpdates"), survivor, killedAt),
                survivor
                    .loggedAt("now holds the lease discord-shard:")
                    .map(at -> Duration.between(killedAtInstant, at))
                    .orElseThrow(() -> new AssertionError(survivor + " never ran the shard")),
                records.firstReminderAfter(survivor, killedAt),
                Duration.ofNanos(settled - committed),
                sent,
                0));
      } finally {
        member.shutdownNow();
      }
    }
  }

  /** The checks of the class comment; returns the figures with the repeats counted. */
  private Figures check(
      Records records,
      FakeBotApi telegram,
      FakeDiscord discord,
      Instance killed,
      Instance survivor,
      long killedAt,
      Figures figures)
      throws SQLException {
    Map<String, Long> reminderStatuses = reminderStatuses();
    require(
        reminderStatuses.equals(Map.of("DELIVERED", (long) size.reminders())),
        "every reminder delivered in the outbox, but: " + reminderStatuses);
    Map<String, List<Copy>> copies = records.reminderCopies();
    require(
        copies.size() == size.reminders(),
        "%d distinct reminders received, %d expected".formatted(copies.size(), size.reminders()));
    int telegramRepeats = 0;
    for (Map.Entry<String, List<Copy>> reminder : copies.entrySet()) {
      List<Copy> received = reminder.getValue();
      if (received.size() == 1) {
        continue;
      }
      Copy original = received.get(0);
      require(
          reminder.getKey().startsWith("telegram:")
              && received.size() == 2
              && original.door == killed.telegramDoor
              && received.get(1).door == survivor.telegramDoor,
          "reminder %s received %d times (first by %s, %+.3f s from the kill): only a Telegram one"
                  .formatted(
                      reminder.getKey(),
                      received.size(),
                      original.door == killed.telegramDoor ? "the killed instance" : "the survivor",
                      (original.receivedNanos - killedAt) / 1e9)
              + " the killed instance had in flight may come twice, then from the survivor");
      telegramRepeats++;
    }
    require(
        telegramRepeats <= 1,
        telegramRepeats + " Telegram reminders received twice: at most the one in flight");
    require(
        figures.killed().total() > 0 && figures.survivor().total() > 0,
        "both instances delivered reminders: " + figures.killed() + ", " + figures.survivor());
    require(
        leaseHolder("telegram-poller:%").equals(OptionalLong.of(survivor.process.pid())),
        "the survivor holds the Telegram poller lease");
    require(
        telegram.pending("getUpdates").stream()
            .anyMatch(call -> call.door() == survivor.telegramDoor),
        "the survivor polls Telegram");
    require(telegram.mostPollsAtOnce() == 1, "never two instances polling Telegram at once");
    int answeredTwice = 0;
    for (Map.Entry<Integer, List<FakeBotApi.Call>> answers :
        answeredCommands(telegram).entrySet()) {
      List<FakeBotApi.Call> calls = answers.getValue();
      if (calls.size() == 1) {
        continue;
      }
      // What came in by the killed instance's door was sent before it died, though the stand-in
      // may read it a moment after the kill was ordered (SIGKILL is not instant on a busy machine).
      require(
          calls.size() == 2
              && calls.get(0).door() == killed.telegramDoor
              && calls.get(1).door() == survivor.telegramDoor,
          "command %d answered %d times (%s): only one the killed instance was answering may be"
                  .formatted(answers.getKey(), calls.size(), answeredBy(calls, killed, killedAt))
              + " answered twice, then by the survivor");
      answeredTwice++;
    }
    require(
        answeredTwice <= UPDATE_WORKERS,
        answeredTwice + " commands answered twice: more than an instance handles at once");
    return new Figures(
        figures.size(),
        figures.preparation(),
        figures.killedAfter(),
        figures.killed(),
        figures.survivor(),
        telegramRepeats,
        figures.discordRepeatsDropped(),
        figures.pollingTakenOver(),
        figures.shardTakenOver(),
        figures.deliveryResumed(),
        figures.total(),
        figures.commands(),
        answeredTwice);
  }

  private List<ChatUser> members(Platform platform, long firstId) {
    List<ChatUser> members = new ArrayList<>();
    for (int i = 0; i < size.members() / 2; i++) {
      members.add(ChatUser.member(platform, Long.toString(firstId + i), "Member " + i));
    }
    return members;
  }

  /** The community's events, published, each starting at {@code start}. */
  private List<Occurrence> events(
      CoreWiring core, Community community, Instant start, Instant now) {
    List<Occurrence> occurrences = new ArrayList<>();
    Instant end = start.plus(Duration.ofHours(3));
    for (int n = 1; n <= size.events(); n++) {
      Event event =
          core.catalog()
              .add(
                  new Event(
                      0,
                      community.id(),
                      "Soirée networking n°%02d".formatted(n),
                      Family.NETWORKING,
                      Slot.derive(start, end, community.zone()),
                      "Paris",
                      "Le Comptoir",
                      null,
                      start,
                      end,
                      null,
                      null,
                      null,
                      List.of(),
                      Admission.FREE,
                      EventStatus.PUBLISHED,
                      "suggestion",
                      null,
                      null,
                      now,
                      now));
      occurrences.add(
          core.catalog()
              .occurrence(community, EventRef.parse(Long.toString(event.id())), now)
              .orElseThrow());
    }
    return occurrences;
  }

  /** Every member goes to every event, as {@code /going} from the group records it. */
  private static void answer(
      CoreWiring core,
      Community community,
      Conversation group,
      List<Occurrence> events,
      List<ChatUser> members,
      Language language) {
    for (ChatUser member : members) {
      core.communities().communityOf(group, member);
      for (Occurrence event : events) {
        core.rsvps().answer(community, event, member, group, language, Rsvp.Status.GOING, 0);
      }
    }
  }

  /** Starts a launcher JVM with the stand-ins' doors given to it. */
  private Instance launch(String name, String telegramUrl, String discordUrl) throws IOException {
    Path data = workDir.resolve(name);
    List<String> command = new ArrayList<>(launcher);
    command.add("--data");
    command.add(data.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve(name + ".log").toFile());
    Map<String, String> environment = builder.environment();
    environment
        .keySet()
        .removeIf(
            variable ->
                variable.startsWith("NETWORKERAS_")
                    || variable.startsWith("TELEGRAM_")
                    || variable.startsWith("DISCORD_"));
    environment.put("NETWORKERAS_DB_URL", schemaUrl());
    environment.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
    environment.put("TELEGRAM_API_URL", telegramUrl);
    environment.put("DISCORD_TOKEN", FakeDiscord.TOKEN);
    environment.put("DISCORD_API_URL", discordUrl);
    environment.put("DISCORD_GATEWAY_COMPRESSION", "none");
    // every shard on every instance: each runs where its lease is held
    environment.put("DISCORD_SHARDS", "0/1");
    Instance instance =
        new Instance(
            name,
            builder.start(),
            workDir.resolve(name + ".log"),
            java.net.URI.create(telegramUrl).getPort(),
            java.net.URI.create(discordUrl).getPort());
    instances.add(instance);
    return instance;
  }

  /** One launcher JVM, and the doors by which it reaches the stand-ins. */
  private static final class Instance {
    final String name;
    final Process process;
    final Path log;
    final int telegramDoor;
    final int discordDoor;

    Instance(String name, Process process, Path log, int telegramDoor, int discordDoor) {
      this.name = name;
      this.process = process;
      this.log = log;
      this.telegramDoor = telegramDoor;
      this.discordDoor = discordDoor;
    }

    boolean logged(String text) {
      try {
        // decoded leniently: a line cut short while the launcher writes it must not fail the read
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(text);
      } catch (IOException e) {
        return false;
      }
    }

    /** When the instance first logged a line holding {@code text}, by the line's time. */
    Optional<Instant> loggedAt(String text) {
      try {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
            .lines()
            .filter(line -> line.contains(text))
            .findFirst()
            .map(line -> OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant());
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    String tail() {
      try {
        List<String> lines =
            new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      } catch (IOException e) {
        return "(no log)";
      }
    }

    @Override
    public String toString() {
      return name + " (pid " + process.pid() + ")";
    }
  }

  /** A reminder as a stand-in received it: by which door, when. */
  private record Copy(int door, long receivedNanos) {}

  /** The reminders the stand-ins received, read once. */
  private final class Records {
    private final List<FakeBotApi.Call> telegramSends;
    private final List<FakeDiscord.Created> discordSends;

    Records(FakeBotApi telegram, FakeDiscord discord) {
      this.telegramSends =
          telegram.pending("sendMessage").stream()
              .filter(call -> memberChat(call.body().path("chat_id").asLong()))
              .toList();
      this.discordSends =
          discord.created().stream()
              .filter(message -> message.recipient().startsWith("21"))
              .toList();
    }

    private boolean memberChat(long chatId) {
      return chatId >= TELEGRAM_MEMBERS && chatId < TELEGRAM_MEMBERS + size.members();
    }

    /** Reminders received, repeats included. */
    int delivered() {
      return telegramSends.size() + discordSends.size();
    }

    Delivered deliveredBy(Instance instance) {
      return new Delivered(
          (int) telegramSends.stream().filter(c -> c.door() == instance.telegramDoor).count(),
          (int) discordSends.stream().filter(m -> m.door() == instance.discordDoor).count());
    }

    /** Each reminder received ({@code platform:member:event}), with its copies in order. */
    Map<String, List<Copy>> reminderCopies() {
      Map<String, List<Copy>> copies = new LinkedHashMap<>();
      for (FakeBotApi.Call call : telegramSends) {
        String key =
            "telegram:" + call.body().path("chat_id").asText() + ":" + event(textOf(call.body()));
        copies
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(new Copy(call.door(), call.receivedNanos()));
      }
      for (FakeDiscord.Created message : discordSends) {
        String key = "discord:" + message.recipient() + ":" + event(message.text());
        copies
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(new Copy(message.door(), message.receivedNanos()));
      }
      return copies;
    }

    Duration firstAfter(List<FakeBotApi.Call> calls, Instance instance, long since) {
      return calls.stream()
          .filter(call -> call.door() == instance.telegramDoor && call.receivedNanos() > since)
          .mapToLong(FakeBotApi.Call::receivedNanos)
          .min()
          .stream()
          .mapToObj(at -> Duration.ofNanos(at - since))
          .findFirst()
          .orElseThrow(() -> new AssertionError(instance + " made no such call after the kill"));
    }

    Duration firstDiscordAfter(Instance instance, long since) {
      return discordSends.stream()
          .filter(m -> m.door() == instance.discordDoor && m.receivedNanos() > since)
          .mapToLong(FakeDiscord.Created::receivedNanos)
          .min()
          .stream()
          .mapToObj(at -> Duration.ofNanos(at - since))
          .findFirst()
          .orElse(Duration.ZERO);
    }

    Duration firstReminderAfter(Instance instance, long since) {
      Duration onDiscord = firstDiscordAfter(instance, since);
      Optional<Duration> onTelegram =
          telegramSends.stream()
              .filter(c -> c.door() == instance.telegramDoor && c.receivedNanos() > since)
              .map(c -> Duration.ofNanos(c.receivedNanos() - since))
              .min(Duration::compareTo);
      if (onDiscord.isZero()) {
        return onTelegram.orElse(Duration.ZERO);
      }
      return onTelegram.filter(t -> t.compareTo(onDiscord) < 0).orElse(onDiscord);
    }
  }

  private static String event(String text) {
    Matcher number = EVENT_NUMBER.matcher(text);
    if (!number.find()) {
      throw new AssertionError("a reminder naming no event: " + text);
    }
    return number.group(1);
  }

  private static String textOf(JsonNode body) {
    return body.path("text").asText();
  }

  /** The command a Telegram answer answers (its chat names it), or 0 for another message. */
  private static int commandOf(FakeBotApi.Call call) {
    long chat = call.body().path("chat_id").asLong();
    return chat > COMMAND_CHATS && chat < TELEGRAM_MEMBERS ? (int) (chat - COMMAND_CHATS) : 0;
  }

  /** The answers to commands, by command, in the order they came. */
  private static Map<Integer, List<FakeBotApi.Call>> answeredCommands(FakeBotApi telegram) {
    Map<Integer, List<FakeBotApi.Call>> answers = new HashMap<>();
    for (FakeBotApi.Call call : telegram.pending("sendMessage")) {
      int command = commandOf(call);
      if (command > 0) {
        answers.computeIfAbsent(command, c -> new ArrayList<>()).add(call);
      }
    }
    return answers;
  }

  /** {@code /when tomorrow 8pm} in a private chat of its own: the answer names the chat. */
  private static String whenCommand(int id) {
    long chat = COMMAND_CHATS + id;
    return """
        {"update_id":%d,"message":{"message_id":%d,\
        "from":{"id":%d,"is_bot":false,"first_name":"Member","language_code":"en"},\
        "chat":{"id":%d,"first_name":"Member","type":"private"},"date":1795683600,\
        "text":"/when tomorrow 8pm","entities":[{"offset":0,"length":5,"type":"bot_command"}]}}"""
        .formatted(id, 5000 + id, chat, chat);
  }

  /** The process id of the lease's live holder (holders start with "pid@host"), if any. */
  private OptionalLong leaseHolder(String namePattern) {
    try (Connection connection = DriverManager.getConnection(schemaUrl());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT holder FROM leases WHERE lease_name LIKE '"
                    + namePattern
                    + "' AND expires_ms > "
                    + System.currentTimeMillis())) {
      return rows.next()
          ? OptionalLong.of(Long.parseLong(rows.getString(1).split("@", 2)[0]))
          : OptionalLong.empty();
    } catch (SQLException e) {
      return OptionalLong.empty(); // the table does not exist before the first migration
    }
  }

  private long pendingReminders() throws SQLException {
    return reminderStatuses().getOrDefault("PENDING", 0L);
  }

  /** How many reminders the outbox holds in each status. */
  private Map<String, Long> reminderStatuses() throws SQLException {
    Map<String, Long> statuses = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(schemaUrl());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT status, COUNT(*) FROM outbox WHERE delivery_key LIKE 'reminder:%'"
                    + " GROUP BY status")) {
      while (rows.next()) {
        statuses.put(rows.getString(1), rows.getLong(2));
      }
    }
    return statuses;
  }

  private String schemaUrl() {
    return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Who answered, and when relative to the kill: "killed +0.012 s, survivor +11.3 s". */
  private static String answeredBy(List<FakeBotApi.Call> calls, Instance killed, long killedAt) {
    List<String> said = new ArrayList<>();
    for (FakeBotApi.Call call : calls) {
      said.add(
          "%s %+.3f s"
              .formatted(
                  call.door() == killed.telegramDoor ? "killed" : "survivor",
                  (call.receivedNanos() - killedAt) / 1e9));
    }
    return String.join(", ", said);
  }

  private static void require(boolean holds, String what) {
    if (!holds) {
      throw new AssertionError(what);
    }
  }

  /** Waits, at most {@link #patience}, for {@code condition}; says what it waited for if not. */
  private void eventually(String what, Callable condition) {
    long started = System.nanoTime();
    try {
      Awaitility.await(what)
          .atMost(patience)
          .pollInterval(Duration.ofMillis(200))
          .until(condition::holds);
    } catch (ConditionTimeoutException e) {
      StringBuilder logs = new StringBuilder();
      for (Instance instance : instances) {
        logs.append("\n--- ").append(instance).append(", last lines:\n").append(instance.tail());
      }
      throw new AssertionError("still waiting after " + patience + " for: " + what + logs, e);
    }
    progress.printf(Locale.ROOT, "%s: after %.1f s%n", what, (System.nanoTime() - started) / 1e9);
  }

  /** A condition that may read the database. */
  @FunctionalInterface
  private interface Callable {
    boolean holds() throws Exception;
  }
}
