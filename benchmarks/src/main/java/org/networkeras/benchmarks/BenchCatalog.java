package org.networkeras.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.networkeras.catalog.EventFilter;
import org.networkeras.catalog.Occurrence;
import org.networkeras.chat.Arguments;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.IncomingCommand;
import org.networkeras.chat.PlainTextRenderer;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.Role;
import org.networkeras.chat.Visibility;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.community.CommunityService;
import org.networkeras.core.CoreWiring;
import org.networkeras.core.SimulatedClock;
import org.networkeras.store.Database;
import org.networkeras.time.TimeRange;

/**
 * The generated catalog on SQLite, the real core wired over it, and ready-made commands for every
 * community. Opening generates the catalog into a folder under {@code java.io.tmpdir} the first
 * time and reuses it afterwards (every JMH fork would otherwise spend most of its time inserting
 * the same 100,000 rows); delete the folder to start afresh. Commands are answered as a console
 * adapter would: {@code BotCore.handle} then {@link PlainTextRenderer}.
 */
final class BenchCatalog implements AutoCloseable {

  static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  /** Thursday 26 November 2026, 17:00 in Paris: "tonight" is this very evening. */
  static final Instant NOW = Instant.parse("2026-11-26T16:00:00Z");

  static final String TONIGHT = "tonight";
  static final String SATURDAY = "samedi networking paris";

  /** A system property naming the folder generated catalogs are kept in. */
  static final String BASE_PROPERTY = "networkeras.bench.dir";

  private static final String COMPLETE = "complete";

  /** How many references each community offers {@code /event}. */
  private static final int REFS_PER_COMMUNITY = 8;

  private final Database database;
  private final CoreWiring core;
  private final PlainTextRenderer renderer;
  private final Community[] communities;
  private final IncomingCommand[] tonight;
  private final IncomingCommand[] saturday;
  private final IncomingCommand[] forYou;
  private final IncomingCommand[][] cards;

  private BenchCatalog(Database database, int communityCount) {
    this.database = database;
    SimulatedClock clock = new SimulatedClock(NOW, ZONE);
    this.core = new CoreWiring(database, clock, CommunityDefaults.paris());
    this.renderer = new PlainTextRenderer(clock, false);
    this.communities = new Community[communityCount];
    this.tonight = new IncomingCommand[communityCount];
    this.saturday = new IncomingCommand[communityCount];
    this.forYou = new IncomingCommand[communityCount];
    this.cards = new IncomingCommand[communityCount][];
    for (int i = 0; i < communityCount; i++) {
      String group = CatalogGenerator.groupId(i + 1);
      communities[i] =
          core.communities().byGroup(CommunityService.groupKey(Platform.CONSOLE, group), group);
      Conversation chat = Conversation.group(Platform.CONSOLE, group, group);
      ChatUser alice =
          new ChatUser(Platform.CONSOLE, group + "-alice", "Alice", Locale.ENGLISH, Role.MEMBER);
      ChatUser bruno =
          new ChatUser(Platform.CONSOLE, group + "-bruno", "Bruno", Locale.FRENCH, Role.MEMBER);
      // Records each member's community now, so that no measured command writes it.
      core.communities().communityOf(chat, alice);
      core.communities().communityOf(chat, bruno);
      tonight[i] = command("events", TONIGHT, alice, chat);
      saturday[i] = command("events", SATURDAY, bruno, chat);
      forYou[i] = command("foryou", "", alice, chat);
      List<IncomingCommand> refs = new ArrayList<>();
      for (Occurrence occurrence :
          core.catalog()
              .list(
                  communities[i],
                  new TimeRange(NOW, NOW.plus(Duration.ofDays(30))),
                  EventFilter.ALL)) {
        if (refs.size() < REFS_PER_COMMUNITY) {
          refs.add(command("event", occurrence.ref(), alice, chat));
        }
      }
      if (refs.isEmpty()) {
        throw new IllegalStateException("community " + group + " lists nothing in 30 days");
      }
      cards[i] = refs.toArray(IncomingCommand[]::new);
    }
  }

  /**
   * Opens (generating it the first time) the catalog of {@code events} events over {@code
   * communityCount} communities, and answers every prepared command once: this checks that each is
   * understood and records each member's community, so that no measured command writes.
   */
  static BenchCatalog open(int events, int communityCount) {
    Path folder = folder(events, communityCount);
    if (!Files.exists(folder.resolve(COMPLETE))) {
      generate(folder, events, communityCount);
    }
    BenchCatalog catalog =
        new BenchCatalog(Database.open(Database.sqliteUrl(folder)), communityCount);
    catalog.checkAnswers();
    return catalog;
  }

  /**
   * The folder holding the generated database, as the console's {@code --data} takes it: under the
   * system property {@value #BASE_PROPERTY} if set (the smoke test gives each run its own), else
   * under {@code java.io.tmpdir}.
   */
  static Path folder(int events, int communityCount) {
    String base = System.getProperty(BASE_PROPERTY);
    Path root =
        base != null
            ? Path.of(base)
            : Path.of(System.getProperty("java.io.tmpdir")).resolve("networkeras-bench");
    return root.resolve(
        "catalog-v" + CatalogGenerator.VERSION + "-" + events + "-" + communityCount);
  }

  /**
   * Generates the catalog in a folder of its own, then moves it into place in one step, so that two
   * processes generating the same catalog at once never see half of one.
   */
  private static void generate(Path folder, int events, int communityCount) {
    Path building =
        folder.resolveSibling(folder.getFileName() + ".building-" + ProcessHandle.current().pid());
    deleteRecursively(building);
    try (Database fresh = Database.open(Database.sqliteUrl(building))) {
      CoreWiring wiring =
          new CoreWiring(fresh, new SimulatedClock(NOW, ZONE), CommunityDefaults.paris());
      new CatalogGenerator(wiring, NOW, ZONE).generate(events, communityCount);
    }
    try {
      Files.writeString(
          building.resolve(COMPLETE), events + " events, " + communityCount + " communities\n");
      if (Files.exists(folder) && !Files.exists(folder.resolve(COMPLETE))) {
        deleteRecursively(folder); // left by an interrupted run of an older version
      }
      Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      deleteRecursively(building); // another process finished first: use its catalog
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the generated catalog in " + folder, e);
    }
  }

  int communityCount() {
    return communities.length;
  }

  CoreWiring core() {
    return core;
  }

  Community community(int index) {
    return communities[index];
  }

  /** {@code /events tonight}, in English, in community {@code index}. */
  String eventsTonight(int index) {
    return answer(tonight[index]);
  }

  /** {@code /events samedi networking paris}, in French, in community {@code index}. */
  String eventsSaturday(int index) {
    return answer(saturday[index]);
  }

  /** {@code /foryou}, in English, in community {@code index} (a member with no history). */
  String forYou(int index) {
    return answer(forYou[index]);
  }

  /** {@code /event <ref>}, the {@code n}th prepared reference of community {@code index}. */
  String eventCard(int index, int n) {
    IncomingCommand[] refs = cards[index];
    return answer(refs[Math.floorMod(n, refs.length)]);
  }

  /** Drops the cached listings of community {@code index}, as a catalog write would. */
  void forgetListings(int index) {
    core.catalog().changed(communities[index].id());
  }

  @Override
  public void close() {
    database.close();
  }

  private String answer(IncomingCommand command) {
    return renderer.render(core.core().handle(command));
  }

  /** Every tenth community: enough to catch a refused command without slowing each JMH fork. */
  private void checkAnswers() {
    for (int i = 0; i < communities.length; i += 10) {
      check(tonight[i]);
      check(saturday[i]);
      checkPrivate(forYou[i], "foryou.title_popular");
      for (IncomingCommand card : cards[i]) {
        check(card);
      }
    }
  }

  private void check(IncomingCommand command) {
    Reply reply = core.core().handle(command);
    if (reply.visibility() != Visibility.PUBLIC) {
      throw new IllegalStateException(
          "/"
              + command.name()
              + " "
              + command.arguments().text()
              + " was refused: "
              + renderer.render(reply));
    }
  }

  /** A private answer ({@code /foryou}) is accepted when it opens with the expected text. */
  private void checkPrivate(IncomingCommand command, String key) {
    String text = renderer.render(core.core().handle(command));
    String expected = core.messages().get(org.networkeras.i18n.Language.EN, key);
    if (!text.contains(expected)) {
      throw new IllegalStateException("/" + command.name() + " was refused: " + text);
    }
  }

  private static IncomingCommand command(
      String name, String text, ChatUser user, Conversation chat) {
    return new IncomingCommand(name, Arguments.ofText(text), user, chat, NOW, user.locale());
  }

  static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }
}
