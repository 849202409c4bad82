package org.networkeras.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import org.networkeras.community.Community;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.networkeras.testing.Chat;

/** {@code /settings web on|off}: an admin publishes the agenda at an unguessable address. */
@ParameterizedClass
@EnumSource(TestDatabases.Backend.class)
final class WebSettingTest {

  private static final Pattern ADDRESS =
      Pattern.compile("https://agenda\\.example\\.org/w/([A-Za-z0-9_-]{22})");

  @Parameter TestDatabases.Backend backend;
  @TempDir Path tempDir;
  private Database database;
  private Chat chat;
  private Chat.Member admin;

  @BeforeEach
  void openChat() {
    database = backend.open(tempDir);
    chat = Chat.on(database).at("2026-11-26T10:00");
    chat.wiring().pages().publishAt("https://agenda.example.org/");
    admin = chat.as("ada").withRole(Role.ADMIN).in("paris-tech");
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void turnsThePageOnAtARandomAddressThatIsNotTheChatId() {
    // when
    Chat.Said on = admin.send("/settings web on");

    // then
    Matcher address = ADDRESS.matcher(on.text());
    assertThat(address.find()).as(on.text()).isTrue();
    String slug = address.group(1);
    assertThat(slug).doesNotContain("paris").doesNotContain("tech");
    Community community = chat.community("paris-tech");
    assertThat(chat.wiring().pages().communityAt(slug)).contains(community.id());
    assertThat(admin.send("/settings").text()).contains("Public web agenda (web): on, at");
  }

  @Test
  void givesEachCommunityItsOwnAddressAndKeepsItAcrossOffAndOn() {
    // given
    String first = slugIn(admin.send("/settings web on").text());
    String other =
        slugIn(chat.as("bob").withRole(Role.ADMIN).in("lyon-tech").send("/settings web on").text());

    // when
    Chat.Said off = admin.send("/settings web off");
    boolean servedWhileOff = chat.wiring().pages().communityAt(first).isPresent();
    String again = slugIn(admin.send("/settings web on").text());

    // then
    assertThat(first).isNotEqualTo(other);
    assertThat(off.text()).contains("Public web agenda (web): off");
    assertThat(servedWhileOff).isFalse();
    assertThat(again).isEqualTo(first);
  }

  @Test
  void speaksFrenchValuesBothWays() {
    // given
    admin.send("/settings language fr");

    // when
    Chat.Said on = admin.send("/settings web oui");
    Chat.Said off = admin.send("/settings web non");
    Chat.Said wrong = admin.send("/settings web peut-être");

    // then
    assertThat(on.text()).contains("Agenda public sur le web (web) : activé, à l’adresse https://");
    assertThat(off.text()).contains("Agenda public sur le web (web) : désactivé");
    assertThat(wrong.text()).contains("pas « peut-être »");
  }

  @Test
  void saysWhenNoServerPublishesThePages() {
    // given
    Chat bare = Chat.on(database).at("2026-11-26T10:00");

    // when
    Chat.Said on = bare.as("ada").withRole(Role.ADMIN).in("nantes").send("/settings web on");

    // then
    assertThat(on.text()).contains("serves no web pages yet").contains("http.port");
  }

  @Test
  void refusesMembers() {
    // when
    Chat.Said said = chat.as("mona").in("paris-tech").send("/settings web on");

    // then
    assertThat(said.text()).doesNotContain("/w/");
    assertThat(chat.wiring().pages().slug(chat.community("paris-tech"))).isEmpty();
  }

  private static String slugIn(String text) {
    Matcher address = ADDRESS.matcher(text);
    assertThat(address.find()).as(text).isTrue();
    return address.group(1);
  }
}
