package org.networkeras.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.networkeras.chat.Arguments;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.PlainTextRenderer;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.community.CommunityService;
import org.networkeras.core.CoreWiring;
import org.networkeras.store.Database;

/**
 * Where a console's start goes, phase by phase, in this JVM (run it as a new process each time):
 * the JVM's own start until {@code main}, opening the database (HikariCP pool and Flyway
 * migrations), wiring the core, the starter catalog, the first {@code /events tonight}, and, for
 * comparison, starting the delivery scheduler and a second command. Prints each phase's wall time
 * and the process's CPU time spent in it (CPU time is what a loaded machine inflates least).
 *
 * <p>{@code java -cp benchmarks.jar org.networkeras.benchmarks.StartupBreakdown DATA_DIR}: an empty
 * or missing folder is a first start (schema created, catalog loaded); run it twice on the same
 * folder for a later start.
 */
public final class StartupBreakdown {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final List<String> lines = new ArrayList<>();
  private long wallAt = System.nanoTime();
  private long cpuAt = OS.getProcessCpuTime();

  private StartupBreakdown() {}

  public static void main(String[] args) throws Exception {
    long mainAt = System.currentTimeMillis();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long bootCpu = OS.getProcessCpuTime();
    if (args.length != 1) {
      System.err.println("usage: StartupBreakdown DATA_DIR");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    boolean first = !Files.exists(data.resolve("networkeras.db"));
    StartupBreakdown probe = new StartupBreakdown();
    probe.lines.add(
        String.format(
            Locale.ROOT,
            "%-34s %6d ms wall %6d ms cpu",
            "JVM start to main",
            mainAt - jvmStart,
            bootCpu / 1_000_000));
    Clock clock = Clock.systemUTC();
    String url = Database.sqliteUrl(data);
    try (Database database = Database.open(url)) {
      probe.phase(first ? "database: pool + migrations (new)" : "database: pool + validate");
      CoreWiring core = new CoreWiring(database, clock, CommunityDefaults.paris());
      probe.phase("core wiring");
      Community home =
          core.communities().byGroup(CommunityService.groupKey(Platform.CONSOLE, "general"), "");
      int loaded = core.loadStarterCatalog(home);
      probe.phase("starter catalog (" + loaded + " series)");
      Reply reply = core.core().handle(eventsTonight(clock));
      probe.phase("first /events tonight");
      String text = new PlainTextRenderer(clock, false).render(reply);
      core.delivery().start(core.recurringTasks());
      probe.phase("delivery scheduler start");
      core.core().handle(eventsTonight(clock));
      probe.phase("second /events tonight");
      core.delivery().close();
      probe.phase("delivery scheduler stop");
      probe.lines.forEach(System.out::println);
      System.out.printf(
          Locale.ROOT,
          "%-34s %6d ms wall %6d ms cpu (%d classes loaded; first reply %d characters)%n",
          "total to first reply",
          probe.firstReplyWall(jvmStart),
          probe.firstReplyCpu,
          ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
          text.length());
    }
  }

  private long firstReplyAt;
  private long firstReplyCpu;

  private long firstReplyWall(long jvmStart) {
    return firstReplyAt - jvmStart;
  }

  private void phase(String name) {
    long wall = System.nanoTime();
    long cpu = OS.getProcessCpuTime();
    lines.add(
        String.format(
            Locale.ROOT,
            "%-34s %6d ms wall %6d ms cpu",
            name,
            (wall - wallAt) / 1_000_000,
            (cpu - cpuAt) / 1_000_000));
    if (name.startsWith("first ")) {
      firstReplyAt = System.currentTimeMillis();
      firstReplyCpu = cpu / 1_000_000;
    }
    wallAt = wall;
    cpuAt = cpu;
  }

  private static IncomingCommand eventsTonight(Clock clock) {
    return new IncomingCommand(
        "events",
        Arguments.ofText("tonight"),
        ChatUser.member(Platform.CONSOLE, "you", "you"),
        Conversation.group(Platform.CONSOLE, "general", "general"),
        clock.instant(),
        Locale.ENGLISH);
  }
}
