package org.networkeras.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.networkeras.cluster.Eventually.eventually;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.networkeras.chat.Platform;
import org.networkeras.community.Community;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.community.CommunityService;
import org.networkeras.core.CoreWiring;
import org.networkeras.core.SimulatedClock;
import org.networkeras.i18n.Language;
import org.networkeras.settings.CommunitySettings;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

final class CacheEventsTest {

  private static final Duration GENEROUS = Duration.ofSeconds(20);
  private static final String GROUP = CommunityService.groupKey(Platform.TELEGRAM, "-100123");

  private final SimulatedClock clock =
      new SimulatedClock(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
  private final List<Database> opened = new ArrayList<>();

  @AfterEach
  void closeDatabases() {
    opened.forEach(Database::close);
  }

  @Test
  void localEventsReachThisProcesssListenersBeforeChangedReturns() {
    // given
    CacheEvents events = CacheEvents.local();
    List<String> heard = new ArrayList<>();
    events.onChange("community-settings", heard::add);
    events.onChange("catalog", key -> heard.add("catalog " + key));

    // when
    events.changed("community-settings", "42");

    // then
    assertThat(heard).containsExactly("42");
  }

  @Test
  void aSettingChangedOnOneInstanceIsSeenByTheOtherOnPostgresql() throws Exception {
    // given two instances that both cached the community's settings
    CoreWiring[] instances = twoInstancesOnOnePostgresql();
    Community onA = instances[0].communities().byGroup(GROUP, "Paris Tech");
    Community onB = instances[1].communities().byGroup(GROUP, "Paris Tech");
    assertThat(instances[1].settings().settings(onB).mode())
        .isEqualTo(CommunitySettings.Mode.MODERATED);

    // when the first changes it
    instances[0].settings().setMode(onA, CommunitySettings.Mode.OPEN);

    // then
    assertThat(instances[0].settings().settings(onA).mode()).isEqualTo(CommunitySettings.Mode.OPEN);
    eventually(
        "the second instance sees the open mode",
        GENEROUS,
        () -> instances[1].settings().settings(onB).mode() == CommunitySettings.Mode.OPEN);
  }

  @Test
  void aCommunitysZoneChangedOnOneInstanceIsSeenByTheOtherOnPostgresql() throws Exception {
    // given
    CoreWiring[] instances = twoInstancesOnOnePostgresql();
    Community onA = instances[0].communities().byGroup(GROUP, "Paris Tech");
    assertThat(instances[1].communities().byGroup(GROUP, "").zone()).isEqualTo(ZoneOffset.UTC);

    // when
    instances[0].communities().setZone(onA, ZoneId.of("Europe/Paris"));

    // then
    eventually(
        "the second instance sees the new zone",
        GENEROUS,
        () ->
            instances[1].communities().byGroup(GROUP, "").zone().equals(ZoneId.of("Europe/Paris")));
  }

  private CoreWiring[] twoInstancesOnOnePostgresql() {
    Assumptions.assumeTrue(TestDatabases.postgresConfigured(), TestDatabases.POSTGRES_SKIPPED);
    List<Database> databases = TestDatabases.postgresInstances(2).orElseThrow();
    opened.addAll(databases);
    CommunityDefaults defaults = new CommunityDefaults(ZoneOffset.UTC, null, Language.EN, null);
    return new CoreWiring[] {
      new CoreWiring(databases.get(0), clock, defaults),
      new CoreWiring(databases.get(1), clock, defaults)
    };
  }
}
