package org.networkeras.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Role;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/**
 * Moderators and admins are named by the account the platform identifies (a Telegram reply or
 * mention, a Discord user option, a console id), never by a display name anyone can take.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class NamingPeopleTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    chat = Chat.on(database).at("2026-11-26T10:00");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void renamingOneselfAliceDoesNotMakeOneModerator() {
    // given alice, and mallory who renamed themself "ALICE" and spoke last
    Chat.Member admin = chat.as("ada").on(Platform.TELEGRAM).withRole(Role.ADMIN).in("-1001");
    Chat.Member alice = chat.as("111").named("alice").on(Platform.TELEGRAM).in("-1001");
    Chat.Member mallory = chat.as("666").named("ALICE").on(Platform.TELEGRAM).in("-1001");
    alice.send("/events");
    chat.advance(Duration.ofMinutes(1));
    mallory.send("/events");

    // when the admin types the name
    Chat.Said byName = admin.send("/settings moderator add alice");

    // then nobody is named, and the admin is told how to name someone on Telegram
    assertThat(byName.text())
        .contains("I can’t tell who “alice” is")
        .contains("reply to one of their messages");
    assertThat(mallory.send("/review").text()).contains("Only moderators and admins can use");

    // and when the admin replies to alice's message instead
    Chat.Said byReply = admin.replyingTo(alice).send("/settings moderator add");

    // then alice is moderator, and mallory still is not
    assertThat(byReply.text()).contains("Saved: alice (telegram:111) is now a moderator.");
    assertThat(alice.send("/review").text()).doesNotContain("Only moderators");
    assertThat(mallory.send("/review").text()).contains("Only moderators and admins can use");
  }

  @Test
  void renamingOneselfAliceOnTheConsoleDoesNotMakeOneModeratorEither() {
    // given
    Chat.Member admin = chat.as("ada").withRole(Role.ADMIN).in("paris-tech");
    chat.as("alice").in("paris-tech").send("/events");
    chat.advance(Duration.ofMinutes(1));
    Chat.Member mallory = chat.as("mallory").named("alice").in("paris-tech");
    mallory.send("/events");

    // when
    Chat.Said saved = admin.send("/settings moderator add alice");

    // then the console's names are ids: console:alice, not the latest "alice"
    assertThat(saved.text()).contains("alice (console:alice) is now a moderator");
    assertThat(mallory.send("/review").text()).contains("Only moderators and admins can use");
    assertThat(chat.as("alice").in("paris-tech").send("/review").text())
        .doesNotContain("Only moderators");
  }

  @Test
  void namesSomeoneByTheUsernameOrNameTheyWereMentionedWith() {
    // given
    Chat.Member admin = chat.as("ada").on(Platform.TELEGRAM).withRole(Role.ADMIN).in("-1001");
    Chat.Member bob = chat.as("222").named("Bob").on(Platform.TELEGRAM).in("-1001");
    Chat.Member carol = chat.as("333").named("Carol Martin").on(Platform.TELEGRAM).in("-1001");

    // when: @bob is a username, "Carol Martin" a mention of someone without one
    Chat.Said bobSaved = admin.mentioning("@bob", bob).send("/settings moderator add @bob");
    Chat.Said carolSaved =
        admin.mentioning("Carol Martin", carol).send("/settings admin add Carol Martin");

    // then
    assertThat(bobSaved.text()).contains("Saved: Bob (telegram:222) is now a moderator.");
    assertThat(carolSaved.text()).contains("Saved: Carol Martin (telegram:333) is now an admin.");
    assertThat(carol.send("/settings").text())
        .contains("Moderators (moderator): Bob (telegram:222)")
        .contains("Admins (admin): Carol Martin (telegram:333)");
  }

  @Test
  void refusesAUsernameTheBotHasNotSeenSayingHowToNameSomeone() {
    // given
    Chat.Member admin = chat.as("ada").on(Platform.TELEGRAM).withRole(Role.ADMIN).in("-1001");

    // when
    Chat.Said refused = admin.send("/settings moderator add @ghost");
    Chat.Said nobody = admin.send("/settings moderator add");

    // then
    assertThat(refused.text())
        .contains("I can’t tell who “@ghost” is")
        .contains("@username works once I have seen them write here");
    assertThat(nobody.text())
        .contains("Who? Send the command as a reply to one of their messages, or mention them");
  }

  @Test
  void namesSomeoneThroughADiscordUserOption() {
    // given
    Chat.Member admin = chat.as("10").named("Ada").on(Platform.DISCORD).withRole(Role.ADMIN);
    admin = admin.in("guild-1");
    Chat.Member bob = chat.as("20").named("Bob").on(Platform.DISCORD).in("guild-1");

    // when the option carries bob's id, as Discord sends it
    Chat.Said saved =
        admin
            .mentioning("20", bob)
            .invoke("settings", Map.of("setting", "moderator", "value", "add", "member", "20"));
    Chat.Said typed = admin.invoke("settings", Map.of("setting", "moderator", "value", "add Bob"));
    Chat.Said missing = admin.invoke("settings", Map.of("setting", "moderator", "value", "add"));

    // then
    assertThat(saved.text()).contains("Saved: Bob (discord:20) is now a moderator.");
    assertThat(typed.text())
        .contains("I can’t tell who “Bob” is")
        .contains("Pick the person in the command’s “member” option");
    assertThat(missing.text()).contains("Who? Pick the person in the command’s “member” option");
    assertThat(bob.send("/review").text()).doesNotContain("Only moderators");
  }

  @Test
  void takesARoleBackFromTheSameAccount() {
    // given
    Chat.Member admin = chat.as("ada").on(Platform.TELEGRAM).withRole(Role.ADMIN).in("-1001");
    Chat.Member bob = chat.as("222").named("Bob").on(Platform.TELEGRAM).in("-1001");
    admin.replyingTo(bob).send("/settings admin add");

    // when bob has renamed himself since
    Chat.Member renamed = bob.named("Robert");
    renamed.send("/events");
    Chat.Said removed = admin.replyingTo(renamed).send("/settings admin remove");

    // then
    assertThat(removed.text()).contains("Saved: Robert (telegram:222) is no longer an admin.");
    assertThat(renamed.send("/settings").text())
        .contains("Only the community’s admins can use /settings");
  }
}
