package org.networkeras.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/**
 * An event under way (started, not ended) is listed by {@code /events} for any period holding now,
 * marked as such: at 19:15 the sample meetup running 19:00–21:30 is still worth joining.
 */
final class EventsUnderWayTest {

  @TempDir Path tempDir;
  private Database database;
  private Chat chat;

  @BeforeEach
  void openChat() {
    database = TestDatabases.sqlite(tempDir);
    // Thursday 26 November 2026, 19:15 in Paris
    chat = Chat.on(database).at("2026-11-26T19:15").withStarterCatalog("paris-tech");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void tonightListsTheMeetupThatStartedAQuarterOfAnHourAgoAsUnderWay() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events tonight");

    // then
    assertThat(said.isoText())
        .contains("2026-11-26T19:00+01:00 · [now] Meetup Java & Café (sample)")
        .contains("2026-11-26T19:30+01:00 · Showroom Launch Party (sample)")
        .doesNotContain("[now] Showroom");
  }

  @Test
  void theNextSevenDaysAndTodayListItToo() {
    // given
    Chat.Member alice = chat.as("alice").in("paris-tech");

    // then
    assertThat(alice.send("/events").text()).contains("19:00 · [now] Meetup Java & Café (sample)");
    assertThat(alice.send("/events today").text())
        .contains("19:00 · [now] Meetup Java & Café (sample)");
    assertThat(alice.send("/events tonight techno").text())
        .contains("[now] Meetup Java & Café (sample)");
  }

  @Test
  void aFrenchMemberReadsEnCours() {
    // when
    Chat.Said said =
        chat.as("camille").withLocale(Locale.FRENCH).in("paris-tech").send("/events ce soir");

    // then
    assertThat(said.text()).contains("19h00 · [en cours] Meetup Java & Café (sample)");
  }

  @Test
  void anEventThatHasEndedIsNoLongerListed() {
    // given: 21:30, the meetup is over
    chat.advance(Duration.ofMinutes(135));

    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events tonight");

    // then
    assertThat(said.text()).doesNotContain("Meetup Java");
  }

  @Test
  void aPeriodAheadDoesNotListWhatIsUnderWayNow() {
    // when
    Chat.Said said = chat.as("alice").in("paris-tech").send("/events tomorrow");

    // then
    assertThat(said.text()).doesNotContain("Meetup Java").doesNotContain("[now]");
  }
}
