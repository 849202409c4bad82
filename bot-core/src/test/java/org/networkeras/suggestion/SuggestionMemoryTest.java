package org.networkeras.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/**
 * What suggestions and edits cost (issue 11): a member's edits are limited like their suggestions,
 * and checking a suggestion reads the catalog's cities, not weeks of events into the cache.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class SuggestionMemoryTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member alice;
  private Chat.Member mona;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    chat = Chat.on(database).at("2026-11-26T10:00");
    alice = chat.as("alice").in("paris-tech");
    mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void refusesAMembersTwentyFirstEditInAnHourWithTheTimeToWait() {
    // given: twenty edits, two minutes apart
    long id = suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");
    for (int i = 1; i <= Edits.EDIT_HOURLY_LIMIT; i++) {
      chat.advance(Duration.ofMinutes(2));
      assertThat(alice.send("/edit " + id + " title Apéro n°" + i).text()).contains("Changed");
    }

    // when
    Chat.Said refused = alice.send("/edit " + id + " title Apéro n°21");
    Chat.Said inFrench =
        chat.as("alice")
            .withLocale(java.util.Locale.FRENCH)
            .in("paris-tech")
            .send("/edit " + id + " title Apéro n°21");

    // then: the first edit leaves the hour 22 minutes from now
    assertThat(refused.text()).contains("20 times in the last hour").contains("in 22 min");
    assertThat(inFrench.text()).contains("20 fois dans l’heure").contains("dans 22 min");
    chat.advance(Duration.ofMinutes(22));
    assertThat(alice.send("/edit " + id + " title Apéro n°21").text()).contains("Changed");
  }

  @Test
  void letsModeratorsEditWithoutLimit() {
    // given
    long id = suggest(alice, "Apéro blogueurs | jeudi 19h | Paris");

    // when
    for (int i = 1; i <= Edits.EDIT_HOURLY_LIMIT; i++) {
      mona.send("/edit " + id + " title Apéro n°" + i);
    }
    Chat.Said oneMore = mona.send("/edit " + id + " title Apéro des blogueurs");

    // then
    assertThat(oneMore.text()).contains("Changed").contains("Apéro des blogueurs");
  }

  @Test
  void checksASuggestionWithoutFillingTheListingCache() {
    // given: a city only the catalog knows, and no listing since the last change
    Chat.Said asked =
        mona.send("/suggest Apéro blogueurs du Nord | vendredi 19h | Le Bar, Wambrechies");
    assertThat(asked.text()).contains("I don’t know a city");
    Chat.Said confirmed = mona.press(asked, "Yes, it’s a city");
    assertThat(confirmed.text()).contains("Published");

    // when
    Chat.Said suggested =
        alice.send("/suggest Apéro blogueurs de Lille | samedi 19h | Wambrechies");

    // then: the city is known, and no day of listings was read to know it
    assertThat(suggested.text()).contains("waits for a moderator").contains("Wambrechies");
    Cache<?, ?> listings = chat.wiring().catalog().cache();
    listings.cleanUp();
    assertThat(listings.estimatedSize()).isZero();
  }

  private static long suggest(Chat.Member member, String line) {
    String text = member.send("/suggest " + line).text();
    assertThat(text).contains("waits for a moderator");
    return Long.parseLong(text.replaceAll("(?s).*Suggestion (\\d+) now.*", "$1"));
  }
}
