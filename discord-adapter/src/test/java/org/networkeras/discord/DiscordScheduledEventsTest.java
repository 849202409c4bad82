package org.networkeras.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.chat.Capabilities;
import org.networkeras.chat.ChatGateway;
import org.networkeras.chat.ChatUser;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.DeliveryResult;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Reply;
import org.networkeras.chat.ScheduledEvents;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.core.CoreWiring;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/**
 * {@code /settings discord-events on} end to end: core and the real adapter on a SQLite file,
 * against the local Discord stand-in, which holds the guild scheduled events the bot creates.
 *
 * <p>The clocks start at the machine's time: JDA and Discord refuse an event that starts in the
 * past by the wall clock, so the events are placed ten days after it.
 */
final class DiscordScheduledEventsTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final FakeDiscord.Person OWNER =
      new FakeDiscord.Person(FakeDiscord.MEMBER, "Ada", "en-US");
  private static final String EVENTS_PATH =
      "/api/v10/guilds/" + FakeDiscord.GUILD_ID + "/scheduled-events";

  @TempDir Path dataFolder;
  @TempDir Path databaseFolder;

  private final Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
  private final LocalDate day = start.atZone(PARIS).toLocalDate().plusDays(10);
  private FakeDiscord discord;
  private Life life;
  private ExecutorService dying;

  /** One run of the bot: its database, core and Discord session. */
  private record Life(Database database, CoreWiring wiring, DiscordAdapter adapter) {
    void end() {
      adapter.close();
      database.close();
    }
  }

  @AfterEach
  void stop() {
    if (dying != null) {
      dying.shutdownNow();
    }
    if (life != null) {
      life.end();
    }
    if (discord != null) {
      discord.close();
    }
  }

  @Test
  void mirrorsAPublishedEventThenPatchesItOnEditAndCancelsItOnCancel() throws Exception {
    // given
    discord = new FakeDiscord().grantEventPermissions();
    life = live(new MutableClock(start), gateway -> gateway);
    assertThat(say("settings", Map.of("setting", "discord-events", "value", "on")))
        .contains("events of the next 30 days appear in the server’s Events tab");

    // when published
    String ref = publish("Apéro blogueurs | " + date() + " 19h-22h | La Cantine, Paris");
    life.wiring().delivery().deliverDueNow();

    // then one external, server-only event with the event's name, place and times
    DataObject created = only(discord.scheduledEvents());
    assertThat(created.getString("name")).isEqualTo("Apéro blogueurs");
    assertThat(created.getInt("entity_type")).isEqualTo(3);
    assertThat(created.getInt("privacy_level")).isEqualTo(2);
    assertThat(created.getInt("status")).isEqualTo(1);
    assertThat(created.getObject("entity_metadata").getString("location"))
        .contains("La Cantine")
        .contains("Paris");
    assertThat(instant(created, "scheduled_start_time")).isEqualTo(at(19));
    assertThat(instant(created, "scheduled_end_time")).isEqualTo(at(22));
    assertThat(created.getString("description"))
        .contains("[networkeras ")
        .contains("/" + ref + "]");

    // when edited
    say("edit", Map.of("ref", ref, "field", "when", "value", date() + " 20h-23h"));
    life.wiring().delivery().deliverDueNow();

    // then the same event was patched
    String id = created.getString("id");
    assertThat(discord.requests("PATCH", EVENTS_PATH + "/" + id)).isNotEmpty();
    DataObject edited = only(discord.scheduledEvents());
    assertThat(edited.getString("id")).isEqualTo(id);
    assertThat(instant(edited, "scheduled_start_time")).isEqualTo(at(20));
    assertThat(instant(edited, "scheduled_end_time")).isEqualTo(at(23));

    // when cancelled
    say("cancel_event", Map.of("ref", ref));
    life.wiring().delivery().deliverDueNow();

    // then it is cancelled (status 4), still the only one
    DataObject cancelled = only(discord.scheduledEvents());
    assertThat(cancelled.getString("id")).isEqualTo(id);
    assertThat(cancelled.getInt("status")).isEqualTo(4);
    assertThat(discord.requests("POST", EVENTS_PATH)).hasSize(1);
  }

  @Test
  void refusesToTurnOnWithoutTheEventPermissionsAndSaysWhichAndWhere() throws Exception {
    // given the bot's role has neither Create Events nor Manage Events
    discord = new FakeDiscord();
    life = live(new MutableClock(start), gateway -> gateway);

    // when
    String answer = say("settings", Map.of("setting", "discord-events", "value", "on"));

    // then
    assertThat(answer)
        .contains("I lack Create Events, Manage Events")
        .contains("Server Settings → Roles → my role");
    publish("Apéro blogueurs | " + date() + " 19h | La Cantine, Paris");
    life.wiring().delivery().deliverDueNow();
    assertThat(discord.scheduledEvents()).isEmpty();
    assertThat(discord.requests("POST", EVENTS_PATH)).isEmpty();
  }

  @Test
  void aRefusalFromDiscordIsExplainedOnceInTheChannelAndNotRetried() throws Exception {
    // given the cache says the bot may, but Discord answers 403
    discord = new FakeDiscord().grantEventPermissions();
    MutableClock clock = new MutableClock(start);
    life = live(clock, gateway -> gateway);
    say("settings", Map.of("setting", "discord-events", "value", "on"));
    discord.refuseEvents();

    // when two events are published, and the worker runs again two hours later
    publish("Apéro blogueurs | " + date() + " 19h | La Cantine, Paris");
    publish("Petit-déj blogueurs | " + date() + " 8h30 | Station F, Paris");
    life.wiring().delivery().deliverDueNow();
    clock.advance(Duration.ofHours(2));
    life.wiring().delivery().deliverDueNow();

    // then one explanation in the channel, one refused call per event
    List<String> explained =
        discord
            .requests("POST", "/api/v10/channels/" + FakeDiscord.CHANNEL_ID + "/messages")
            .stream()
            .map(r -> r.getBody().utf8())
            .filter(body -> body.contains("Manage Events"))
            .toList();
    assertThat(explained)
        .singleElement()
        .satisfies(body -> assertThat(body).contains("Create Events and Manage Events"));
    // (each looks for an event a crash left unrecorded first, and stops at the 403)
    assertThat(discord.requests("GET", EVENTS_PATH)).hasSize(2);
    assertThat(discord.requests("POST", EVENTS_PATH)).isEmpty();
    assertThat(discord.scheduledEvents()).isEmpty();
  }

  @Test
  void aRestartBetweenDiscordsAnswerAndTheRecordLeavesOneEventThatLaterEditsReach()
      throws Exception {
    // given a bot whose process dies right after Discord created the event
    discord = new FakeDiscord().grantEventPermissions();
    CountDownLatch created = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    life = live(new MutableClock(start), gateway -> new DyingAfterCreate(gateway, created, never));
    say("settings", Map.of("setting", "discord-events", "value", "on"));
    String ref = publish("Apéro blogueurs | " + date() + " 19h | La Cantine, Paris");
    Life first = life;
    dying = Executors.newSingleThreadExecutor();
    dying.submit(() -> first.wiring().delivery().deliverDueNow());
    await().atMost(Duration.ofSeconds(60)).until(() -> created.getCount() == 0);
    assertThat(discord.scheduledEvents()).hasSize(1);

    // when it is killed (its session and its database go) and starts again a minute later,
    // after the dead worker's claim lapsed
    life = null;
    first.end();
    life = live(new MutableClock(start.plus(Duration.ofMinutes(1))), gateway -> gateway);
    life.wiring().delivery().deliverDueNow();

    // then still exactly one event, found by its marker and recorded
    assertThat(discord.requests("POST", EVENTS_PATH)).hasSize(1);
    String id = only(discord.scheduledEvents()).getString("id");

    // and a later edit reaches it
    say("edit", Map.of("ref", ref, "field", "when", "value", date() + " 21h"));
    life.wiring().delivery().deliverDueNow();
    DataObject edited = only(discord.scheduledEvents());
    assertThat(edited.getString("id")).isEqualTo(id);
    assertThat(instant(edited, "scheduled_start_time")).isEqualTo(at(21));
    assertThat(discord.requests("POST", EVENTS_PATH)).hasSize(1);
  }

  /** Starts core and the adapter on the database folder, as the launcher does. */
  private Life live(MutableClock clock, java.util.function.UnaryOperator<ChatGateway> gateway) {
    Database database = TestDatabases.sqlite(databaseFolder);
    CoreWiring wiring = new CoreWiring(database, clock, CommunityDefaults.paris());
    DiscordSettings settings =
        new DiscordSettings(
            FakeDiscord.TOKEN,
            Optional.empty(),
            Optional.of(URI.create(discord.apiUrl())),
            false,
            dataFolder);
    DiscordAdapter adapter = DiscordAdapter.start(settings, wiring.core(), clock);
    wiring.gateways().register(gateway.apply(adapter.gateway()));
    return new Life(database, wiring, adapter);
  }

  private String say(String command, Map<String, String> options) throws InterruptedException {
    return discord.awaitAnswer(discord.slashCommand(OWNER, true, command, options)).text();
  }

  private String publish(String details) throws InterruptedException {
    String answer = say("suggest", Map.of("details", details));
    Matcher ref = Pattern.compile("as event (\\d+)").matcher(answer);
    assertThat(ref.find()).as(answer).isTrue();
    return ref.group(1);
  }

  private String date() {
    return day.getDayOfMonth() + "/" + day.getMonthValue();
  }

  private Instant at(int hour) {
    return day.atTime(hour, 0).atZone(PARIS).toInstant();
  }

  private static Instant instant(DataObject event, String field) {
    return OffsetDateTime.parse(event.getString(field)).toInstant();
  }

  private static DataObject only(List<DataObject> events) {
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  /**
   * The adapter's gateway, whose process freezes for good right after Discord answered the first
   * creation of a scheduled event: before the bot recorded it, before the outbox did.
   */
  private static final class DyingAfterCreate implements ChatGateway {
    private final ChatGateway real;
    private final CountDownLatch created;
    private final CountDownLatch never;

    DyingAfterCreate(ChatGateway real, CountDownLatch created, CountDownLatch never) {
      this.real = real;
      this.created = created;
      this.never = never;
    }

    @Override
    public Platform platform() {
      return real.platform();
    }

    @Override
    public Capabilities capabilities() {
      return real.capabilities();
    }

    @Override
    public DeliveryResult send(Conversation to, Reply reply, String deliveryKey) {
      return real.send(to, reply, deliveryKey);
    }

    @Override
    public DeliveryResult sendDirect(ChatUser to, Reply reply, String deliveryKey) {
      return real.sendDirect(to, reply, deliveryKey);
    }

    @Override
    public Optional<ScheduledEvents> scheduledEvents() {
      ScheduledEvents events = real.scheduledEvents().orElseThrow();
      return Optional.of(
          new ScheduledEvents() {
            @Override
            public List<String> missingPermissions(String serverId) {
              return events.missingPermissions(serverId);
            }

            @Override
            public Outcome create(String serverId, Spec spec) {
              Outcome outcome = events.create(serverId, spec);
              created.countDown();
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new IllegalStateException("this process was killed");
            }

            @Override
            public Outcome update(String serverId, String eventId, Spec spec) {
              return events.update(serverId, eventId, spec);
            }

            @Override
            public Outcome cancel(String serverId, String eventId) {
              return events.cancel(serverId, eventId);
            }

            @Override
            public Outcome find(String serverId, String marker) {
              return events.find(serverId, marker);
            }
          });
    }
  }
}
