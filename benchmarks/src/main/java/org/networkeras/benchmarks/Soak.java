package org.networkeras.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.networkeras.chat.Arguments;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.PlainTextRenderer;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Role;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.core.CoreWiring;
import org.networkeras.core.SimulatedClock;
import org.networkeras.store.Database;

/**
 * The soak of issue 11: a community with a crowded catalog, members suggesting and editing as fast
 * as the bot lets them, and others listing events all along, in a small heap. Before the fix, every
 * edit moved the listing cache to a new key space and each suggestion read 62 days of events into
 * it, so 1,500 edits ran a 512 MiB heap out of memory with 10,000 events.
 *
 * <p>{@code java -Xmx256m -cp benchmarks.jar org.networkeras.benchmarks.Soak [events] [actions]
 * [members]} generates {@code events} events into one community of a new SQLite database (one
 * transaction, timed), then runs {@code actions} member actions through the real core: each of
 * {@code members} (100 unless given) suggests an event, then edits it (title or description) until
 * it is time for a new one. After each action, one more member tries to edit their own suggestion
 * once again (the reproduced attack: 1,500 edits in a row), and another member runs {@code /events}
 * with one of five phrases. The simulated clock moves 30 seconds per action, so the hourly limits
 * hold members to what a determined one could do in that time. It prints what became of the actions
 * and of the determined member's edits, the live heap (after full collections) at ten points and at
 * the end, and the listing cache's size. An {@link OutOfMemoryError} ends the run with a stack
 * trace and a non-zero exit code.
 */
public final class Soak {

  private static final int EDITS_PER_SUGGESTION = 9;
  private static final Duration STEP = Duration.ofSeconds(30);
  private static final List<String> LISTINGS =
      List.of("", "tonight", "this weekend", "next week", "samedi networking paris");
  private static final Pattern QUEUED = Pattern.compile("Suggestion (\\d+) now waits");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private Soak() {}

  public static void main(String[] args) throws IOException {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int actions = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int members = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Path folder = Files.createTempDirectory("networkeras-soak");
    try (Database database = Database.open(Database.sqliteUrl(folder))) {
      run(database, events, actions, members, memory);
    } finally {
      BenchCatalog.deleteRecursively(folder);
    }
  }

  private static void run(
      Database database, int events, int actions, int members, MemoryMXBean memory) {
    SimulatedClock clock = new SimulatedClock(BenchCatalog.NOW, BenchCatalog.ZONE);
    CoreWiring core = new CoreWiring(database, clock, CommunityDefaults.paris());
    PlainTextRenderer renderer = new PlainTextRenderer(clock, false);
    long started = System.nanoTime();
    new CatalogGenerator(core, BenchCatalog.NOW, BenchCatalog.ZONE).generate(events, 1);
    double insertSeconds = (System.nanoTime() - started) / 1e9;
    String group = CatalogGenerator.groupId(1);
    Conversation chat = Conversation.group(Platform.CONSOLE, group, group);
    printf(
        "soak: %,d events in one community, inserted in one transaction in %.1f s; %,d actions"
            + " by %d members, each followed by one more edit from a determined member and"
            + " /events from another member%n",
        events, insertSeconds, actions, members);
    printf(
        "heap before the actions: %.1f MiB (max heap %.0f MiB)%n",
        mib(Footprint.liveHeap(memory)), mib(memory.getHeapMemoryUsage().getMax()));

    Map<String, Integer> outcomes = new TreeMap<>();
    Map<String, Integer> determined = new TreeMap<>();
    ChatUser attacker = user(group + "-determined", "Determined member");
    Matcher own =
        QUEUED.matcher(
            answer(
                core,
                renderer,
                "suggest",
                "Apéro blogueurs du soak obstiné | "
                    + DAY.format(
                        BenchCatalog.NOW.atZone(BenchCatalog.ZONE).toLocalDate().plusDays(3))
                    + " 8h | Paris",
                attacker,
                chat,
                clock));
    if (!own.find()) {
      throw new IllegalStateException("the determined member's suggestion was not queued");
    }
    long attackersSuggestion = Long.parseLong(own.group(1));
    long[] suggestionOf = new long[members];
    int[] editsOf = new int[members];
    List<Long> heap = new ArrayList<>();
    long listed = 0;
    started = System.nanoTime();
    for (int action = 0; action < actions; action++) {
      int m = action % members;
      ChatUser member = user(group + "-member-" + m, "Member " + m);
      String reply;
      if (suggestionOf[m] == 0 || editsOf[m] >= EDITS_PER_SUGGESTION) {
        LocalDate day =
            BenchCatalog.NOW.atZone(BenchCatalog.ZONE).toLocalDate().plusDays(1 + action % 300);
        reply =
            answer(
                core,
                renderer,
                "suggest",
                "Apéro blogueurs soak "
                    + m
                    + "-"
                    + action
                    + " | "
                    + DAY.format(day)
                    + " 19h | Paris",
                member,
                chat,
                clock);
        Matcher queued = QUEUED.matcher(reply);
        if (queued.find()) {
          suggestionOf[m] = Long.parseLong(queued.group(1));
          editsOf[m] = 0;
        }
      } else {
        String field = editsOf[m] % 2 == 0 ? "title" : "description";
        reply =
            answer(
                core,
                renderer,
                "edit",
                suggestionOf[m] + " " + field + " Apéro blogueurs soak " + m + " version " + action,
                member,
                chat,
                clock);
        editsOf[m]++;
      }
      outcomes.merge(outcome(reply), 1, Integer::sum);
      String again =
          answer(
              core,
              renderer,
              "edit",
              attackersSuggestion + " title Apéro blogueurs du soak obstiné n°" + action,
              attacker,
              chat,
              clock);
      determined.merge(outcome(again), 1, Integer::sum);
      ChatUser reader = user(group + "-reader-" + (action % 20), "Reader " + action % 20);
      String listing =
          answer(
              core,
              renderer,
              "events",
              LISTINGS.get(action % LISTINGS.size()),
              reader,
              chat,
              clock);
      listed += listing.length();
      clock.advance(STEP);
      if ((action + 1) % Math.max(1, actions / 10) == 0) {
        heap.add(Footprint.liveHeap(memory));
        printf(
            "after %,d actions: heap after GC %.1f MiB, listing cache %,d days%n",
            action + 1, mib(heap.get(heap.size() - 1)), core.catalog().cache().estimatedSize());
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long end = Footprint.liveHeap(memory);
    Cache<?, ?> cache = core.catalog().cache();
    cache.cleanUp();
    printf(
        "actions: %s; the determined member's edits: %s; in %.1f s (%,.0f commands/s); %,d"
            + " characters of listings%n",
        outcomes, determined, seconds, 3 * actions / seconds, listed);
    printf(
        "heap after GC at the end: %.1f MiB; highest sample %.1f MiB; listing cache: %,d days,"
            + " weight %,d of at most %,d%n",
        mib(end),
        mib(heap.stream().mapToLong(Long::longValue).max().orElse(end)),
        cache.estimatedSize(),
        cache.policy().eviction().orElseThrow().weightedSize().orElse(-1),
        cache.policy().eviction().orElseThrow().getMaximum());
    printf("no OutOfMemoryError%n");
  }

  private static String outcome(String reply) {
    if (reply.contains("now waits for a moderator")) {
      return "suggested";
    }
    if (reply.startsWith("Changed")) {
      return "edited";
    }
    if (reply.contains("in the last hour")) {
      return "refused by the hourly limits";
    }
    if (reply.contains("waiting for review")) {
      return "refused by the pending limit";
    }
    if (reply.contains("looks like an event")) {
      return "asked about a twin";
    }
    return "other: " + reply.lines().findFirst().orElse("");
  }

  private static ChatUser user(String id, String name) {
    return new ChatUser(Platform.CONSOLE, id, name, Locale.ENGLISH, Role.MEMBER);
  }

  private static String answer(
      CoreWiring core,
      PlainTextRenderer renderer,
      String name,
      String text,
      ChatUser user,
      Conversation chat,
      SimulatedClock clock) {
    IncomingCommand command =
        new IncomingCommand(
            name, Arguments.ofText(text), user, chat, clock.instant(), user.locale());
    return renderer.render(core.core().handle(command));
  }

  private static void printf(String format, Object... values) {
    System.out.printf(Locale.ROOT, format, values);
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
