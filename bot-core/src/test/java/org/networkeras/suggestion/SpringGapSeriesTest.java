package org.networkeras.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Regression: a series suggested on the eve of the spring change (Saturday 27 March 2027, 23:00 in
 * Paris) to start at 02:30, a time the 28th does not have, got 03:30 on every date because the
 * catalog expanded it from its shifted first start. Only the gap date moves now.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class SpringGapSeriesTest {

  private static final Pattern QUEUED = Pattern.compile("(?:Suggestion|La proposition) (\\d+)");

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    chat = Chat.on(database).at("2027-03-27T23:00");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aSeriesStartingInTheGapKeepsTheTimeSaidOnEveryLaterDate() {
    // given
    Chat.Member alice = chat.as("alice").in("paris-tech");
    Chat.Member mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");

    // when
    Chat.Said suggested =
        alice.send("/suggest Night coding | every Sunday at 2:30am 3 times | Paris");
    String id = idOf(suggested);
    mona.press(mona.press(mona.send("/review"), "Common interest"), "Approve");

    // then the card says the time asked, and only the gap date starts at 03:30
    assertThat(suggested.text()).contains("Repeats: every Sunday, 02:30–");
    assertThat(alice.send("/event " + id + "-0328").isoText()).contains("2027-03-28T03:30+02:00");
    assertThat(alice.send("/event " + id + "-0404").isoText())
        .contains("2027-04-04T02:30+02:00")
        .doesNotContain("T03:30");
    assertThat(alice.send("/event " + id + "-0411").isoText()).contains("2027-04-11T02:30+02:00");
    assertThat(alice.send("/event " + id + "-0418").text()).contains("found no event");
  }

  @Test
  void aFrenchSeriesStartingInTheGapToo() {
    // given
    Chat.Member claire = chat.as("claire").withLocale(Locale.FRENCH).in("paris-tech");

    // when
    Chat.Said suggested =
        claire.send("/suggest Codage de nuit | un dimanche sur deux à 2h30 | Paris");
    String id = idOf(suggested);
    Chat.Member mona = chat.as("mona").withRole(Role.MODERATOR).in("paris-tech");
    mona.press(mona.press(mona.send("/review"), "Common interest"), "Approve");

    // then
    assertThat(suggested.text()).contains("Récurrence : un dimanche sur deux, 2h30–");
    assertThat(claire.send("/event " + id + "-0328").isoText()).contains("2027-03-28T03:30+02:00");
    assertThat(claire.send("/event " + id + "-0411").isoText()).contains("2027-04-11T02:30+02:00");
  }

  private static String idOf(Chat.Said queued) {
    Matcher m = QUEUED.matcher(queued.text());
    assertThat(m.find()).as(queued.text()).isTrue();
    return m.group(1);
  }
}
