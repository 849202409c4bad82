package org.networkeras.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Role;
import org.networkeras.chat.Visibility;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/** {@code /settings}: validated, logged, admins only. */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class SettingsTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member admin;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    chat = Chat.on(database).at("2026-11-26T10:00");
    admin = chat.as("ada").withRole(Role.ADMIN).in("paris-tech");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void showsTheCurrentSettingsToTheAdminAlone() {
    // when
    Chat.Said shown = admin.send("/settings");

    // then
    assertThat(shown.text())
        .contains("Time zone (zone): Europe/Paris")
        .contains("Moderation mode (mode): moderated")
        .contains("Reminder offsets (reminders): 1d, 2h")
        .contains("Moderators (moderator): -");
    assertThat(shown.reply().visibility()).isEqualTo(Visibility.SECRET);
  }

  @Test
  void speaksFrenchValuesBothWaysInAFrenchCommunity() {
    // given
    admin.send("/settings language fr");
    chat.as("mona").in("paris-tech").send("/events");

    // when
    Chat.Said open = admin.send("/settings mode ouvert");
    Chat.Said reminders = admin.send("/settings reminders 1j 2h");
    Chat.Said agenda = admin.send("/settings agenda lundi 9h30");
    Chat.Said moderator = admin.send("/settings moderator ajouter mona");
    Chat.Said shown = admin.send("/settings");

    // then
    assertThat(open.text()).contains("Enregistré : Mode de modération (mode) : ouvert");
    assertThat(reminders.text()).contains("Délais des rappels (rappels) : 1 j, 2 h");
    assertThat(admin.send("/settings ville Lyon").text())
        .contains("Enregistré : Ville par défaut (ville) : Lyon");
    assertThat(agenda.text()).contains("Agenda de la semaine (agenda) : lundi à 09h30");
    assertThat(moderator.text()).contains("mona (console:mona) est maintenant modérateur");
    assertThat(shown.text())
        .contains("Langue (langue) : français")
        .contains("Mode de modération (mode) : ouvert")
        .doesNotContain("open")
        .doesNotContain("monday")
        .doesNotContain("1d");
    assertThat(chat.wiring().settings().settings(chat.community("paris-tech")).mode())
        .isEqualTo(CommunitySettings.Mode.OPEN);
  }

  @Test
  void refusesAModeItDoesNotKnowInTheAdminsLanguage() {
    // given
    admin.send("/settings language fr");

    // when
    Chat.Said said = admin.send("/settings mode anarchie");

    // then
    assertThat(said.text()).contains("Le mode est modéré ou ouvert, pas « anarchie »");
  }

  @Test
  void confirmsEveryChangeSecretly() {
    // when
    Chat.Said saved = admin.send("/settings mode open");

    // then
    assertThat(saved.text()).contains("Saved: Moderation mode (mode): open");
    assertThat(saved.reply().visibility()).isEqualTo(Visibility.SECRET);
  }

  @Test
  void acceptsUtcAsZoneAsTheCommandLineDoes() {
    // when: the bug was that --zone UTC worked while /settings zone UTC was refused
    Chat.Said saved = admin.send("/settings zone UTC");

    // then
    assertThat(saved.text()).contains("(zone): UTC");
    assertThat(chat.community("paris-tech").zone()).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void acceptsEveryZoneIdJavaAcceptsInAnyCase() {
    assertThat(admin.send("/settings zone Etc/GMT+1").text()).contains("(zone): Etc/GMT+1");
    assertThat(admin.send("/settings zone +02:00").text()).contains("(zone): +02:00");
    assertThat(admin.send("/settings zone CET").text()).contains("(zone): CET");
    assertThat(admin.send("/settings zone utc").text()).contains("(zone): UTC");
    assertThat(admin.send("/settings zone america/montreal").text())
        .contains("(zone): America/Montreal");
    assertThat(chat.community("paris-tech").zone().getId()).isEqualTo("America/Montreal");
  }

  @Test
  void refusesAnythingElseNamingExamples() {
    // when
    Chat.Said refused = admin.send("/settings zone Mars/Olympus");

    // then
    assertThat(refused.text())
        .contains("“Mars/Olympus” is not a time zone I know")
        .contains("Europe/Paris")
        .contains("UTC")
        .contains("+02:00");
    assertThat(admin.send("/settings zone PST").text()).contains("not a time zone");
    assertThat(chat.community("paris-tech").zone().getId()).isEqualTo("Europe/Paris");
  }

  @Test
  void acceptsOnlyALanguageTheBotSpeaks() {
    assertThat(admin.send("/settings language de").text()).contains("I don’t speak \"de\"");
    admin.send("/settings language fr");
    assertThat(admin.send("/settings").text()).contains("Réglages de la communauté");
    admin.send("/settings language auto");
    assertThat(admin.send("/settings").text()).contains("Community settings");
  }

  @Test
  void validatesModeAndReminderOffsets() {
    assertThat(admin.send("/settings mode anarchy").text()).contains("moderated or open");
    assertThat(admin.send("/settings reminders 0m").text()).contains("between 5m and 30d");
    assertThat(admin.send("/settings reminders 2h, 3d, 30m").text())
        .contains("Saved: Reminder offsets (reminders): 3d, 2h, 30m");
    CommunitySettings settings = chat.wiring().settings().settings(chat.community("paris-tech"));
    assertThat(settings.reminderOffsets())
        .extracting(java.time.Duration::toMinutes)
        .containsExactly(4320L, 120L, 30L);
    assertThat(admin.send("/settings colour blue").text()).contains("no setting \"colour\"");
  }

  @Test
  void namesConsoleMembersByTheirIdOnceSeenAndRefusesStrangers() {
    assertThat(admin.send("/settings moderator add nobody").text())
        .contains("I haven’t seen nobody in this community yet");
    chat.as("bob").in("paris-tech").send("/events");
    assertThat(admin.send("/settings admin add @bob").text())
        .contains("Saved: bob (console:bob) is now an admin.");
    assertThat(chat.as("bob").in("paris-tech").send("/settings mode open").text())
        .contains("(mode): open");
    assertThat(admin.send("/settings").text()).contains("Admins (admin): bob (console:bob)");
  }

  @Test
  void takesARoleBackAndSaysWhenThereWasNone() {
    // given
    chat.as("bob").in("paris-tech").send("/events");
    admin.send("/settings moderator add bob");

    // when
    Chat.Said removed = admin.send("/settings moderator remove bob");

    // then
    assertThat(removed.text()).contains("Saved: bob (console:bob) is no longer a moderator.");
    assertThat(chat.as("bob").in("paris-tech").send("/review").text())
        .contains("Only moderators and admins can use /review");
    assertThat(admin.send("/settings moderator remove bob").text())
        .contains("bob is not one of the moderators named here");
    assertThat(admin.send("/settings moderator promote bob").text())
        .contains("Write /settings moderator add or /settings moderator remove");
    assertThat(admin.send("/settings moderator add").text()).contains("Who?");
  }

  @Test
  void logsEveryChange() {
    admin.send("/settings mode open");
    admin.send("/settings city Lyon");
    assertThat(admin.send("/log").text())
        .contains("ada · changed a setting · Default city (city): Lyon")
        .contains("ada · changed a setting · Moderation mode (mode): open");
  }

  @Test
  void theLogShowsStoredChangesAsSettingsDoesInEachLanguage() {
    // given
    admin.send("/settings agenda monday 09:30");
    admin.send("/settings reminders 1d 2h");
    admin.send("/settings soon off");
    admin.send("/settings mode open");
    Chat.Member adele =
        chat.as("adele").withRole(Role.ADMIN).withLocale(Locale.FRENCH).in("paris-tech");

    // when
    String english = admin.send("/log").text();
    String french = adele.send("/log").text();

    // then
    assertThat(english)
        .contains("Weekly agenda (agenda): Monday at 09:30")
        .contains("Moderation mode (mode): open")
        .doesNotContain("agenda=")
        .doesNotContain("reminders=")
        .doesNotContain("mode=")
        .doesNotContain("soon=");
    assertThat(french)
        .contains("Agenda de la semaine (agenda) : lundi à 09h30")
        .contains("Délais des rappels (rappels) : 1 j, 2 h")
        .contains("Mode de modération (mode) : ouvert")
        .doesNotContain("monday")
        .doesNotContain("agenda=")
        .doesNotContain("=open")
        .doesNotContain("1d");
  }

  @Test
  void refusesMembersAndModerators() {
    assertThat(chat.as("alice").in("paris-tech").send("/settings mode open").text())
        .contains("Only the community’s admins can use /settings");
    assertThat(chat.as("mona").withRole(Role.MODERATOR).in("paris-tech").send("/settings").text())
        .contains("Only the community’s admins can use /settings");
    assertThat(chat.wiring().settings().settings(chat.community("paris-tech")).mode())
        .isEqualTo(CommunitySettings.Mode.MODERATED);
  }
}
