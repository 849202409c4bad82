package org.networkeras.discord;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.networkeras.command.CommandSpec;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.core.CoreWiring;
import org.networkeras.store.Database;
import org.networkeras.store.TestDatabases;

/** Core's real commands, not samples: a new command cannot break registration unnoticed. */
final class CoreCommandsOnDiscordTest {

  @TempDir Path tempDir;

  @Test
  void everyCoreCommandRendersToAValidSlashCommand() {
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
      DataArray commands = DataArray.fromJson(DiscordCommandRenderer.commandsJson(specs));

      // then
      DiscordCommandRendererTest.assertValidSlashCommands(specs, commands);
    }
  }
}
