package org.networkeras.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Conversation;
import org.networkeras.chat.Person;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Role;
import org.networkeras.community.Community;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/**
 * Two bot instances (two {@link org.networkeras.core.CoreWiring}s, each with its own caches) on one
 * database: settings changed on either, interleaved, are all kept. Today's bug: a moderator added
 * on one instance vanished when the other set {@code mode open}.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class TwoInstancesSettingsTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat first;
  private Chat second;
  private ExecutorService threads;

  @BeforeEach
  void startTwoInstances() {
    database = backend.open(tempDir);
    first = Chat.on(database).at("2026-11-26T10:00");
    second = Chat.on(database).at("2026-11-26T10:00");
  }

  @AfterEach
  void close() {
    if (threads != null) {
      threads.shutdownNow();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void interleavedChangesOnTwoInstancesAreAllKept() {
    // given both instances have read the settings (and cached them), and bob and carol are known
    Chat.Member adaOnFirst = first.as("ada").withRole(Role.ADMIN).in("paris-tech");
    Chat.Member adaOnSecond = second.as("ada").withRole(Role.ADMIN).in("paris-tech");
    first.as("bob").in("paris-tech").send("/events");
    second.as("carol").in("paris-tech").send("/events");
    adaOnFirst.send("/settings");
    adaOnSecond.send("/settings");

    // when each instance changes something else, in turn
    adaOnFirst.send("/settings moderator add bob");
    adaOnSecond.send("/settings mode open");
    adaOnFirst.send("/settings reminders 3h");
    adaOnSecond.send("/settings zone UTC");
    adaOnFirst.send("/settings language fr");
    adaOnSecond.send("/settings city Lyon");
    adaOnFirst.send("/settings announce here");
    adaOnSecond.send("/settings modchat here");
    adaOnFirst.send("/settings admin add carol");
    adaOnSecond.send("/settings soon 15m");
    adaOnFirst.send("/settings agenda tuesday 10:00");
    adaOnSecond.send("/settings agenda off");

    // then a third instance, with nothing cached, reads every change
    Chat third = Chat.on(database).at("2026-11-26T10:00");
    Community community = third.community("paris-tech");
    CommunitySettings settings = third.wiring().settings().settings(community);
    assertThat(settings.moderators()).containsExactly("console:bob");
    assertThat(settings.admins()).containsExactly("console:carol");
    assertThat(settings.mode()).isEqualTo(CommunitySettings.Mode.OPEN);
    assertThat(settings.reminderOffsets()).containsExactly(Duration.ofHours(3));
    assertThat(settings.announceTo())
        .extracting(Conversation::key)
        .containsExactly("console:paris-tech");
    assertThat(settings.moderatorsChat().key()).isEqualTo("console:paris-tech");
    assertThat(community.zone().getId()).isEqualTo("UTC");
    assertThat(community.language()).isEqualTo(Language.FR);
    assertThat(community.defaultCity()).isEqualTo("Lyon");
    assertThat(third.wiring().startingSoon().lead(community)).contains(Duration.ofMinutes(15));
    assertThat(third.wiring().agenda().schedule(community).describe()).isEqualTo("off");
    adaOnSecond.send("/settings agenda on");
    assertThat(third.wiring().agenda().schedule(community).describe()).isEqualTo("tuesday 10:00");
  }

  @Test
  void eachInstanceReadsItsOwnChangeAtOnce() {
    // given a cached copy on each instance
    Chat.Member adaOnFirst = first.as("ada").withRole(Role.ADMIN).in("paris-tech");
    Chat.Member adaOnSecond = second.as("ada").withRole(Role.ADMIN).in("paris-tech");
    adaOnFirst.send("/settings");
    adaOnSecond.send("/settings");

    // when
    adaOnFirst.send("/settings mode open");
    adaOnSecond.send("/settings zone UTC");

    // then the instance that wrote reads it at once (the others within a second on PostgreSQL:
    // CacheEventsTest)
    assertThat(adaOnFirst.send("/settings").text()).contains("(mode): open");
    assertThat(adaOnSecond.send("/settings").text()).contains("(zone): UTC");
  }

  @Test
  void concurrentChangesFromTwoInstancesAreAllKept() throws Exception {
    // given
    Community community = first.community("paris-tech");
    SettingsService onFirst = first.wiring().settings();
    SettingsService onSecond = second.wiring().settings();
    threads = Executors.newFixedThreadPool(4);

    // when two threads per instance name moderators while the others change other settings
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      SettingsService instance = t % 2 == 0 ? onFirst : onSecond;
      int thread = t;
      work.add(
          threads.submit(
              () ->
                  IntStream.range(0, 10)
                      .forEach(
                          i -> {
                            instance.grant(
                                community,
                                Role.MODERATOR,
                                new Person(Platform.TELEGRAM, thread + "-" + i, "m" + i));
                            instance.setMode(
                                community,
                                i % 2 == 0
                                    ? CommunitySettings.Mode.OPEN
                                    : CommunitySettings.Mode.MODERATED);
                            instance.announceIn(
                                community,
                                Conversation.group(
                                    Platform.TELEGRAM, "-" + thread + i, "-" + thread + i));
                          })));
    }
    for (Future<?> done : work) {
      done.get(120, TimeUnit.SECONDS);
    }

    // then nothing was lost
    CommunitySettings settings = new SettingsRepository(database).settings(community.id());
    assertThat(settings.moderators()).hasSize(40);
    assertThat(settings.announceTo()).hasSize(40);
  }
}
