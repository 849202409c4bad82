package org.networkeras.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Role;
import org.networkeras.community.CommunitySettings;
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
  void showsTheCurrentSettings() {
    assertThat(admin.send("/settings").text())
        .contains("zone: Europe/Paris")
        .contains("mode: moderated")
        .contains("reminders: 1d, 2h");
  }

  @Test
  void acceptsOnlyARealIanaZone() {
    assertThat(admin.send("/settings zone Mars/Olympus").text()).contains("not a time zone");
    assertThat(admin.send("/settings zone CET").text()).contains("not a time zone");
    assertThat(admin.send("/settings zone America/Montreal").text())
        .contains("zone=America/Montreal");
    assertThat(chat.community("paris-tech").zone().getId()).isEqualTo("America/Montreal");
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
    assertThat(admin.send("/settings reminders 2h, 3d, 30m").text()).contains("Saved");
    CommunitySettings settings = chat.wiring().settings().settings(chat.community("paris-tech"));
    assertThat(settings.reminderOffsets())
        .extracting(java.time.Duration::toMinutes)
        .containsExactly(4320L, 120L, 30L);
    assertThat(admin.send("/settings colour blue").text()).contains("no setting \"colour\"");
  }

  @Test
  void namesMembersByTheirNameOnceSeenAndRefusesStrangers() {
    assertThat(admin.send("/settings moderator add nobody").text())
        .contains("haven’t seen anyone called nobody");
    chat.as("bob").in("paris-tech").send("/events");
    assertThat(admin.send("/settings admin add @bob").text()).contains("admin+console:bob");
    assertThat(chat.as("bob").in("paris-tech").send("/settings mode open").text())
        .contains("mode=open");
  }

  @Test
  void logsEveryChange() {
    admin.send("/settings mode open");
    admin.send("/settings city Lyon");
    assertThat(admin.send("/log").text())
        .contains("ada · changed a setting · city=Lyon")
        .contains("ada · changed a setting · mode=open");
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
