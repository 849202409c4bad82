package org.networkeras.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Person;
import org.networkeras.chat.Platform;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/** The usernames people were seen with: the latest sighting names the account. */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class UsernameRepositoryTest {

  private static final Person BOB = new Person(Platform.TELEGRAM, "222", "Bob");
  private static final Person ROBERTA = new Person(Platform.TELEGRAM, "333", "Roberta");

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private UsernameRepository usernames;

  @BeforeEach
  void open() {
    database = backend.open(tempDir);
    usernames =
        new UsernameRepository(
            database, Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void findsTheAccountAUsernameWasSeenWithInAnyCaseWithOrWithoutAt() {
    // when
    usernames.seen(BOB, "Bob_Paris");

    // then
    assertThat(usernames.find(Platform.TELEGRAM, "@bob_paris")).contains(BOB);
    assertThat(usernames.find(Platform.TELEGRAM, "BOB_PARIS")).contains(BOB);
    assertThat(usernames.find(Platform.DISCORD, "bob_paris")).isEmpty();
    assertThat(usernames.find(Platform.TELEGRAM, "alice")).isEmpty();
  }

  @Test
  void theLatestSightingOfAUsernameWins() {
    // given bob gave up @bob and roberta took it
    usernames.seen(BOB, "bob");
    usernames.seen(ROBERTA, "bob");

    // then
    assertThat(usernames.find(Platform.TELEGRAM, "bob")).contains(ROBERTA);

    // and when bob is seen with it again (an older message, say), he wins it back
    usernames.seen(BOB, "bob");
    assertThat(usernames.find(Platform.TELEGRAM, "bob")).contains(BOB);
  }

  @Test
  void anAccountNoLongerAnswersToAUsernameItDropped() {
    // given
    usernames.seen(BOB, "bob");

    // when
    usernames.seen(BOB, "robert");

    // then
    assertThat(usernames.find(Platform.TELEGRAM, "robert")).contains(BOB);
    assertThat(usernames.find(Platform.TELEGRAM, "bob")).isEmpty();

    // and when he goes without one
    usernames.seen(BOB, null);
    assertThat(usernames.find(Platform.TELEGRAM, "robert")).isEmpty();
  }

  @Test
  void keepsTheLatestDisplayName() {
    // when
    usernames.seen(BOB, "bob");
    usernames.seen(new Person(Platform.TELEGRAM, "222", "Bob Martin"), "bob");

    // then
    assertThat(usernames.find(Platform.TELEGRAM, "bob").orElseThrow().displayName())
        .isEqualTo("Bob Martin");
  }
}
