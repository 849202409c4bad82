package org.networkeras.nativeevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Role;
import org.networkeras.community.Community;
import org.networkeras.delivery.OutboxEntry;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;
import org.networkeras.testing.RecordingGateway;

/**
 * {@code /settings discord-events}: which events are mirrored as Discord scheduled events, under
 * which outbox keys, and what a refusal does — through core, with a recording Discord calendar.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class NativeEventsTest {

  private static final String SERVER = "guild-1";

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private RecordingScheduledEvents discord;
  private Chat.Member ada;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    // Thursday 26 November 2026, 10:00 in Paris
    chat = Chat.on(database).at("2026-11-26T10:00");
    discord = new RecordingScheduledEvents();
    chat.wiring()
        .gateways()
        .register(new DiscordWithEvents(chat.gateway(Platform.DISCORD), discord));
    ada = chat.as("ada").withRole(Role.ADMIN).on(Platform.DISCORD).in(SERVER);
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void refusesOnTelegramAndTheConsoleWithAnExplanation() {
    // when
    Chat.Said onTelegram =
        chat.as("tom")
            .withRole(Role.ADMIN)
            .on(Platform.TELEGRAM)
            .in("tg-group")
            .send("/settings discord-events on");
    Chat.Said onConsole =
        chat.as("cole").withRole(Role.ADMIN).in("paris-tech").send("/settings discord-events on");

    // then
    assertThat(onTelegram.text()).contains("Discord scheduled events live in a Discord server");
    assertThat(onConsole.text()).contains("Telegram and the console have no such events");
    assertThat(discord.calls()).isEmpty();
  }

  @Test
  void isForAdminsOnly() {
    // when
    Chat.Said said =
        chat.as("bob").on(Platform.DISCORD).in(SERVER).send("/settings discord-events on");

    // then
    assertThat(said.text()).doesNotContain("Events tab");
    assertThat(chat.wiring().nativeEvents().isOn(community())).isFalse();
  }

  @Test
  void refusesToTurnOnWithoutThePermissionsAndNamesThemAndWhereToGrantThem() {
    // given
    discord.lack("Create Events", "Manage Events");

    // when
    Chat.Said said = ada.send("/settings discord-events on");

    // then
    assertThat(said.text())
        .contains("I lack Create Events, Manage Events")
        .contains("Server Settings → Roles → my role");
    assertThat(chat.wiring().nativeEvents().isOn(community())).isFalse();
  }

  @Test
  void mirrorsAPublishedEventWithItsNamePlaceAndTimes() {
    // given
    assertThat(ada.send("/settings discord-events on").text())
        .contains("Discord scheduled events (discord-events): on");

    // when
    String ref = publish("Apéro blogueurs | 3/12 19h-22h | La Cantine, Paris");
    deliver();

    // then
    assertThat(discord.events())
        .singleElement()
        .satisfies(
            held -> {
              assertThat(held.serverId()).isEqualTo(SERVER);
              assertThat(held.spec().name()).isEqualTo("Apéro blogueurs");
              assertThat(held.spec().location()).contains("La Cantine").contains("Paris");
              assertThat(held.spec().start()).isEqualTo(Instant.parse("2026-12-03T18:00:00Z"));
              assertThat(held.spec().end()).isEqualTo(Instant.parse("2026-12-03T21:00:00Z"));
              assertThat(held.spec().description())
                  .contains(NativeEventsService.marker(community().id(), ref));
            });
    assertThat(entry(ref, "on@")).isEqualTo(OutboxEntry.Status.DELIVERED);
  }

  @Test
  void anEditChangesTheSameEventAndACancellationCancelsIt() {
    // given
    ada.send("/settings discord-events on");
    String ref = publish("Apéro blogueurs | 3/12 19h | La Cantine, Paris");
    deliver();
    String id = discord.events().get(0).id();

    // when
    ada.send("/edit " + ref + " when 4/12 20h");
    deliver();
    RecordingScheduledEvents.Held edited = discord.events().get(0);
    ada.send("/cancel_event " + ref);
    deliver();

    // then
    assertThat(edited.id()).isEqualTo(id);
    assertThat(edited.spec().start()).isEqualTo(Instant.parse("2026-12-04T19:00:00Z"));
    assertThat(discord.events())
        .singleElement()
        .satisfies(
            held -> {
              assertThat(held.id()).isEqualTo(id);
              assertThat(held.cancelled()).isTrue();
            });
    assertThat(discord.calls()).filteredOn(c -> c.startsWith("create")).hasSize(1);
  }

  @Test
  void aNewTitleDescriptionOrLinkReachesTheSameEvent() {
    // given
    ada.send("/settings discord-events on");
    String ref = publish("Apéro blogueurs | 3/12 19h | La Cantine, Paris");
    deliver();
    String id = discord.events().get(0).id();

    // when
    ada.send("/edit " + ref + " title Apéro des blogueurs");
    deliver();
    chat.advance(java.time.Duration.ofMinutes(1));
    ada.send("/edit " + ref + " description Bring your business cards");
    deliver();
    chat.advance(java.time.Duration.ofMinutes(1));
    ada.send("/edit " + ref + " link https://example.org/apero");
    deliver();

    // then
    assertThat(discord.events())
        .singleElement()
        .satisfies(
            held -> {
              assertThat(held.id()).isEqualTo(id);
              assertThat(held.spec().name()).isEqualTo("Apéro des blogueurs");
              assertThat(held.spec().description())
                  .contains("Bring your business cards")
                  .contains("https://example.org/apero")
                  .contains(NativeEventsService.marker(community().id(), ref));
            });
    assertThat(discord.calls()).filteredOn(c -> c.startsWith("update")).hasSize(3);
  }

  @Test
  void renamingASeriesRenamesEveryMirroredDate() {
    // given
    ada.send("/settings discord-events on");
    String ref =
        publish("Apéro blogueurs hebdo | tous les jeudis de 19h à 21h | La Cantine, Paris");
    deliver();

    // when
    ada.send("/edit " + ref + " title Apéro du jeudi");
    deliver();

    // then the five dates within thirty days carry the new name, none created twice
    assertThat(discord.events())
        .hasSize(5)
        .allSatisfy(held -> assertThat(held.spec().name()).isEqualTo("Apéro du jeudi"));
    assertThat(discord.calls()).filteredOn(c -> c.startsWith("create")).hasSize(5);
  }

  @Test
  void mirrorsTheDatesOfASeriesWithinThirtyDaysAndEachDateOnce() {
    // given
    ada.send("/settings discord-events on");

    // when
    publish("Apéro blogueurs hebdo | tous les jeudis de 19h à 21h | La Cantine, Paris");
    deliver();
    int swept = chat.wiring().nativeEvents().sweep(chat.clock().instant());
    deliver();

    // then 3, 10, 17 and 24 December (26 November at 19:00 too: it is still ahead)
    assertThat(discord.events())
        .extracting(held -> held.spec().start())
        .containsExactly(
            Instant.parse("2026-11-26T18:00:00Z"),
            Instant.parse("2026-12-03T18:00:00Z"),
            Instant.parse("2026-12-10T18:00:00Z"),
            Instant.parse("2026-12-17T18:00:00Z"),
            Instant.parse("2026-12-24T18:00:00Z"));
    assertThat(swept).isZero();
  }

  @Test
  void theHourlySweepPicksUpTheDatesThatComeIntoTheWindow() {
    // given
    ada.send("/settings discord-events on");
    publish("Apéro blogueurs hebdo | tous les jeudis de 19h à 21h | La Cantine, Paris");
    deliver();

    // when a week later
    chat.advance(java.time.Duration.ofDays(7));
    int swept = chat.wiring().nativeEvents().sweep(chat.clock().instant());
    deliver();

    // then 31 December joins
    assertThat(swept).isEqualTo(1);
    assertThat(discord.events())
        .extracting(held -> held.spec().start())
        .contains(Instant.parse("2026-12-31T18:00:00Z"));
  }

  @Test
  void aRetryAfterACrashAdoptsTheEventItFindsByItsMarkerInsteadOfCreatingASecond() {
    // given Discord created the event, and the bot died before recording it
    ada.send("/settings discord-events on");
    String ref = publish("Apéro blogueurs | 3/12 19h | La Cantine, Paris");
    Community community = community();
    RecordingScheduledEvents.Held orphan =
        discord.hold(
            SERVER,
            chat.wiring()
                .nativeEvents()
                .spec(
                    community,
                    chat.wiring()
                        .catalog()
                        .occurrence(
                            community,
                            org.networkeras.catalog.EventRef.parse(ref),
                            chat.clock().instant())
                        .orElseThrow()));

    // when the item runs again
    deliver();
    ada.send("/edit " + ref + " when 3/12 20h");
    deliver();

    // then
    assertThat(discord.calls()).noneMatch(c -> c.startsWith("create"));
    assertThat(discord.events())
        .singleElement()
        .satisfies(
            held -> {
              assertThat(held.id()).isEqualTo(orphan.id());
              assertThat(held.spec().start()).isEqualTo(Instant.parse("2026-12-03T19:00:00Z"));
            });
  }

  @Test
  void aRefusalFromDiscordIsExplainedOnceAndNotRetried() {
    // given
    ada.send("/settings discord-events on");
    discord.refuse();
    int mark = chat.sent().size();

    // when
    String first = publish("Apéro blogueurs | 3/12 19h | La Cantine, Paris");
    String second = publish("Petit-déj blogueurs | 4/12 8h30 | Station F, Paris");
    List<RecordingGateway.Sent> told = chat.sentSince(mark);
    chat.advance(java.time.Duration.ofHours(2));
    chat.wiring().delivery().deliverDueNow();

    // then
    assertThat(told)
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.to()).isEqualTo("discord:" + SERVER);
              assertThat(sent.text())
                  .contains("Create Events and Manage Events")
                  .contains("Server Settings → Roles → my role");
            });
    assertThat(entry(first, "on@")).isEqualTo(OutboxEntry.Status.FAILED);
    assertThat(entry(second, "on@")).isEqualTo(OutboxEntry.Status.FAILED);
    assertThat(discord.calls()).filteredOn(c -> c.startsWith("create")).hasSize(2);
  }

  @Test
  void turningItOffStopsMirroringAndLeavesTheEventsOnDiscord() {
    // given
    ada.send("/settings discord-events on");
    publish("Apéro blogueurs | 3/12 19h | La Cantine, Paris");
    deliver();

    // when
    Chat.Said off = ada.send("/settings discord-events off");
    publish("Petit-déj blogueurs | 4/12 8h30 | Station F, Paris");
    deliver();

    // then
    assertThat(off.text()).contains("Discord scheduled events (discord-events): off");
    assertThat(discord.events())
        .singleElement()
        .satisfies(held -> assertThat(held.cancelled()).isFalse());
  }

  @Test
  void answersInFrench() {
    // when
    Chat.Said said =
        chat.as("anne")
            .withRole(Role.ADMIN)
            .withLocale(java.util.Locale.FRENCH)
            .in("paris-tech")
            .send("/settings événements-discord on");

    // then
    assertThat(said.text()).contains("Les événements Discord vivent dans un serveur Discord");
  }

  /** Publishes an event as the admin and returns its reference. */
  private String publish(String line) {
    Chat.Said said = ada.send("/suggest " + line);
    java.util.regex.Matcher ref =
        java.util.regex.Pattern.compile("as event (\\d+)").matcher(said.text());
    assertThat(ref.find()).as(said.text()).isTrue();
    return ref.group(1);
  }

  private void deliver() {
    chat.wiring().delivery().deliverDueNow();
  }

  private Community community() {
    return chat.community(Platform.DISCORD, SERVER);
  }

  private OutboxEntry.Status entry(String ref, String round) {
    return chat.wiring().delivery().outbox().find(key(ref)).orElseThrow().status();
  }

  private String key(String ref) {
    long id = community().id();
    Instant on =
        database.withHandle(
            "read",
            h ->
                h.createQuery(
                        "SELECT enabled_ms FROM scheduled_event_settings WHERE community_id = :id")
                    .bind("id", id)
                    .mapTo(Long.class)
                    .findOne()
                    .map(Instant::ofEpochMilli)
                    .orElseThrow());
    return NativeEventsService.PREFIX + id + ":" + ref + ":on@" + on.toEpochMilli();
  }
}
