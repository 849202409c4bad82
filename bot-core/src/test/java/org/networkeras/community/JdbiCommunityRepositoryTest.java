package org.networkeras.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.i18n.Language;
import org.networkeras.store.Database;
import org.networkeras.store.StoreException;
import org.networkeras.store.TestDatabases;

@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class JdbiCommunityRepositoryTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Instant CREATED = Instant.parse("2031-01-10T09:30:00Z");

  @TempDir Path tempDir;

  private final TestDatabases.Backend backend;
  private Database database;
  private CommunityRepository communities;

  JdbiCommunityRepositoryTest(TestDatabases.Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void openDatabase() {
    database = backend.open(tempDir);
    communities = database.communities();
  }

  @AfterEach
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void createsTheCommunityOfANewGroupFromTheTemplate() {
    // given
    Community template = new Community(0, "Paris Tech", PARIS, Language.FR, "Paris", CREATED);

    // when
    Community created = communities.findOrCreate("discord:1234", template);

    // then
    assertThat(created.id()).isPositive();
    assertThat(created).isEqualTo(withId(template, created.id()));
    assertThat(communities.find(created.id())).contains(created);
    assertThat(communities.findByGroup("discord:1234")).contains(created);
  }

  @Test
  void returnsTheExistingCommunityOfAKnownGroup() {
    // given
    Community first = communities.findOrCreate("telegram:-100", template("Rennes"));

    // when
    Community again =
        communities.findOrCreate(
            "telegram:-100", new Community(0, "Other", ZoneId.of("UTC"), null, null, CREATED));

    // then
    assertThat(again).isEqualTo(first);
    assertThat(communityRows()).isEqualTo(1);
  }

  @Test
  void givesEachGroupItsOwnCommunity() {
    // given
    Community paris = communities.findOrCreate("console:paris", template("Paris"));

    // when
    Community lille = communities.findOrCreate("console:lille", template("Lille"));

    // then
    assertThat(lille.id()).isNotEqualTo(paris.id());
    assertThat(communities.findByGroup("console:lille")).contains(lille);
  }

  @Test
  void keepsAnAbsentLanguageAndCityAbsent() {
    // given
    Community template = new Community(0, "Anywhere", ZoneId.of("UTC"), null, null, CREATED);

    // when
    Community created = communities.findOrCreate("console:anywhere", template);

    // then
    Community found = communities.find(created.id()).orElseThrow();
    assertThat(found.language()).isNull();
    assertThat(found.defaultCity()).isNull();
  }

  @Test
  void storesTheCreationTimeToTheMillisecond() {
    // given a creation time with microseconds, as a system clock gives it
    Community template =
        new Community(0, "Precise", PARIS, Language.EN, null, CREATED.plusNanos(1_234_567));

    // when
    Community created = communities.findOrCreate("console:precise", template);

    // then
    assertThat(created.createdAt()).isEqualTo(CREATED.plusMillis(1));
    assertThat(communities.find(created.id())).contains(created);
  }

  @Test
  void concurrentFirstCallsForOneGroupCreateOneCommunity() throws Exception {
    // given
    int callers = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Community>> calls = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      Community template = template("Caller " + i);
      calls.add(
          () -> {
            start.await();
            return communities.findOrCreate("discord:race", template);
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Community>> results = new ArrayList<>();
      for (Callable<Community> call : calls) {
        results.add(pool.submit(call));
      }

      // when
      start.countDown();
      List<Community> found = new ArrayList<>();
      for (Future<Community> result : results) {
        found.add(result.get(2, TimeUnit.MINUTES));
      }

      // then
      assertThat(found).allSatisfy(community -> assertThat(community).isEqualTo(found.get(0)));
      assertThat(communityRows()).isEqualTo(1);
      assertThat(communities.findByGroup("discord:race")).contains(found.get(0));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void findsNothingForAnUnknownIdOrGroup() {
    // given an empty store
    // when / then
    assertThat(communities.find(31_337)).isEmpty();
    assertThat(communities.findByGroup("discord:nowhere")).isEmpty();
  }

  @Test
  void updateReplacesTheSettings() {
    // given
    Community created = communities.findOrCreate("console:paris", template("Paris"));
    Community changed =
        new Community(
            created.id(),
            "Paris Web",
            ZoneId.of("America/Montreal"),
            Language.EN,
            "Montréal",
            CREATED);

    // when
    communities.update(changed);

    // then
    assertThat(communities.find(created.id())).contains(changed);
    assertThat(communities.findByGroup("console:paris")).contains(changed);
  }

  @Test
  void updateCanClearTheLanguageAndCity() {
    // given
    Community created = communities.findOrCreate("console:paris", template("Paris"));
    Community cleared = new Community(created.id(), "Paris", PARIS, null, null, CREATED);

    // when
    communities.update(cleared);

    // then
    assertThat(communities.find(created.id())).contains(cleared);
  }

  @Test
  void updateKeepsTheCreationTime() {
    // given
    Community created = communities.findOrCreate("console:paris", template("Paris"));
    Community renamed =
        new Community(created.id(), "Renamed", PARIS, null, null, CREATED.plusSeconds(999));

    // when
    communities.update(renamed);

    // then
    assertThat(communities.find(created.id()).orElseThrow().createdAt()).isEqualTo(CREATED);
  }

  @Test
  void updateOfAnUnknownCommunityFails() {
    // given
    Community ghost = new Community(4_040, "Ghost", PARIS, null, null, CREATED);

    // when / then
    assertThatThrownBy(() -> communities.update(ghost))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("4040");
  }

  @Test
  void knowsNoCommunityOfAMemberNeverSeen() {
    // given an empty store
    // when / then
    assertThat(communities.lastCommunityOf("telegram:42")).isEmpty();
  }

  @Test
  void remembersTheCommunityAMemberUsedLast() {
    // given
    Community paris = communities.findOrCreate("console:paris", template("Paris"));
    Community lille = communities.findOrCreate("console:lille", template("Lille"));
    communities.touchMember("telegram:42", paris.id(), CREATED);

    // when
    communities.touchMember("telegram:42", lille.id(), CREATED.plusSeconds(60));

    // then
    assertThat(communities.lastCommunityOf("telegram:42")).contains(lille);
  }

  @Test
  void theLatestTouchWinsWhenTwoShareAnInstant() {
    // given a fixed clock: both touches carry the same instant
    Community paris = communities.findOrCreate("console:paris", template("Paris"));
    Community lille = communities.findOrCreate("console:lille", template("Lille"));
    communities.touchMember("telegram:42", paris.id(), CREATED);

    // when
    communities.touchMember("telegram:42", lille.id(), CREATED);

    // then
    assertThat(communities.lastCommunityOf("telegram:42")).contains(lille);
  }

  @Test
  void aTouchOlderThanTheStoredOneIsIgnored() {
    // given
    Community paris = communities.findOrCreate("console:paris", template("Paris"));
    Community lille = communities.findOrCreate("console:lille", template("Lille"));
    communities.touchMember("telegram:42", paris.id(), CREATED.plus(Duration.ofHours(1)));

    // when a late request from earlier arrives
    communities.touchMember("telegram:42", lille.id(), CREATED);

    // then
    assertThat(communities.lastCommunityOf("telegram:42")).contains(paris);
  }

  @Test
  void tracksEachMemberApart() {
    // given
    Community paris = communities.findOrCreate("console:paris", template("Paris"));
    Community lille = communities.findOrCreate("console:lille", template("Lille"));

    // when
    communities.touchMember("telegram:1", paris.id(), CREATED);
    communities.touchMember("discord:1", lille.id(), CREATED);

    // then
    assertThat(communities.lastCommunityOf("telegram:1")).contains(paris);
    assertThat(communities.lastCommunityOf("discord:1")).contains(lille);
  }

  @Test
  void touchingAnUnknownCommunityFails() {
    // given an empty store
    // when / then
    assertThatThrownBy(() -> communities.touchMember("telegram:42", 9_999, CREATED))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("telegram:42");
  }

  private long communityRows() {
    return database.withHandle(
        "count communities",
        handle -> handle.createQuery("SELECT COUNT(*) FROM communities").mapTo(Long.class).one());
  }

  private static Community template(String name) {
    return new Community(0, name, PARIS, Language.FR, null, CREATED);
  }

  private static Community withId(Community community, long id) {
    return new Community(
        id,
        community.name(),
        community.zone(),
        community.language(),
        community.defaultCity(),
        community.createdAt());
  }
}
