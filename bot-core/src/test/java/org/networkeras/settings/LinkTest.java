package org.networkeras.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.chat.Platform;
import org.networkeras.chat.Role;
import org.networkeras.chat.Visibility;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/**
 * One community across a Discord channel and a Telegram chat: {@code /link} and {@code /unlink}.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class LinkTest {

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member discordAdmin;
  private Chat.Member telegramAdmin;
  private Chat.Member telegramMember;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    chat = Chat.on(database).at("2026-11-26T10:00");
    discordAdmin = chat.as("ada").on(Platform.DISCORD).withRole(Role.ADMIN).in("guild-1");
    telegramAdmin = chat.as("ada").on(Platform.TELEGRAM).withRole(Role.ADMIN).in("-1001");
    telegramMember = chat.as("tom").on(Platform.TELEGRAM).in("-1001");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  private String code() {
    String text = discordAdmin.send("/link").text();
    return text.replaceAll("(?s).*/link ([A-Z0-9]{8}).*", "$1");
  }

  @Test
  void joinsATelegramChatToADiscordCommunityAndUnlinksIt() {
    // given a published event and a pending suggestion on Discord
    discordAdmin.send("/suggest Soirée networking | jeudi 19h | Paris");
    String code = code();

    // when
    Chat.Said linked = telegramAdmin.send("/link " + code);

    // then one catalog, one queue, one set of settings
    assertThat(linked.text()).contains("now shares the catalog");
    assertThat(telegramMember.send("/events tonight").text()).contains("Soirée networking");
    telegramMember.send("/suggest Apéro blogueurs | jeudi 20h | Paris");
    assertThat(discordAdmin.send("/review").text()).contains("Apéro blogueurs");
    discordAdmin.send("/settings mode open");
    assertThat(telegramAdmin.send("/settings").text()).contains("(mode): open");
    assertThat(chat.community(Platform.TELEGRAM, "-1001").id())
        .isEqualTo(chat.community(Platform.DISCORD, "guild-1").id());

    // and when
    Chat.Said unlinked = telegramAdmin.send("/unlink");

    // then it is on its own again
    assertThat(unlinked.text()).contains("back to its own community");
    assertThat(telegramMember.send("/events tonight").text()).doesNotContain("Soirée networking");
    assertThat(telegramAdmin.send("/unlink").text()).contains("not linked");
  }

  @Test
  void theCodeIsSecret() {
    // when
    Chat.Said code = discordAdmin.send("/link");

    // then: whoever reads it can join their own group to this community
    assertThat(code.text()).containsPattern("/link [A-Z0-9]{8}");
    assertThat(code.reply().visibility()).isEqualTo(Visibility.SECRET);
  }

  @Test
  void aCodeWorksOnceAndForTenMinutes() {
    // given
    String used = code();
    telegramAdmin.send("/link " + used);
    telegramAdmin.send("/unlink");
    String late = code();
    chat.advance(Duration.ofMinutes(11));

    // then
    assertThat(telegramAdmin.send("/link " + used).text()).contains("unknown, used or expired");
    assertThat(telegramAdmin.send("/link " + late).text()).contains("unknown, used or expired");
  }

  @Test
  void onlyAdminsLink() {
    // given
    String code = code();

    // when
    Chat.Said refused = telegramMember.send("/link " + code);

    // then
    assertThat(refused.text()).contains("Only the community’s admins can use /link");
    assertThat(chat.as("tom").on(Platform.DISCORD).in("guild-1").send("/link").text())
        .contains("Only the community’s admins can use /link");
    assertThat(telegramAdmin.send("/link " + code).text()).contains("now shares the catalog");
  }

  @Test
  void linksTwoConversationsOfTheSamePlatform() {
    // given
    String code = code();

    // when
    Chat.Said linked =
        chat.as("ada")
            .on(Platform.DISCORD)
            .withRole(Role.ADMIN)
            .in("guild-2")
            .send("/link " + code);

    // then
    assertThat(linked.text()).contains("now shares the catalog");
    assertThat(chat.community(Platform.DISCORD, "guild-2").id())
        .isEqualTo(chat.community(Platform.DISCORD, "guild-1").id());
  }
}
