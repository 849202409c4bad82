package org.networkeras.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.command.CommandSpec;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.core.CoreWiring;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/** Core's real commands, not samples: a new command cannot break the menus unnoticed. */
final class CoreCommandsOnTelegramTest {

  @TempDir Path tempDir;

  @Test
  void everyCoreCommandPassesTelegramsValidationInBothLanguages() {
    // given
    try (Database database = TestDatabases.sqlite(tempDir)) {
      List<CommandSpec> specs =
          new CoreWiring(
                  database,
                  Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC),
                  CommunityDefaults.paris())
              .core()
              .commandSpecs();

      // when
      List<SetMyCommands> menus = TelegramCommandMenus.menus(specs);

      // then
      assertThat(menus).extracting(SetMyCommands::getLanguageCode).containsOnly(null, "fr");
      for (SetMyCommands menu : menus) {
        assertThatCode(menu::validate).doesNotThrowAnyException();
        for (BotCommand command : menu.getCommands()) {
          assertThat(command.getCommand()).matches("[a-z0-9_]{1,32}");
          assertThat(command.getDescription()).hasSizeBetween(3, 256);
        }
      }
      assertThat(menus.stream().flatMap(m -> m.getCommands().stream()).map(BotCommand::getCommand))
          .contains("events", "event", "guide", "when", "suggest", "review", "settings");
    }
  }
}
