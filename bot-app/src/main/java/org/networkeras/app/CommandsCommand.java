package org.networkeras.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.networkeras.command.CommandSpec;
import org.networkeras.community.CommunityDefaults;
import org.networkeras.core.CoreWiring;
import org.networkeras.discord.DiscordCommandRenderer;
import org.networkeras.store.Database;
import org.networkeras.telegram.TelegramCommandMenus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code commands discord|telegram}: prints the JSON the bot would register on a platform, for
 * review and scripts. Needs no token and touches no real database.
 */
@Command(
    name = "commands",
    mixinStandardHelpOptions = true,
    description = "Print the command registration a platform would receive, as JSON.")
final class CommandsCommand implements Callable<Integer> {

  enum Target {
    discord,
    telegram
  }

  @Parameters(paramLabel = "PLATFORM", description = "discord or telegram")
  Target target;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path scratch = Files.createTempDirectory("networkeras-commands");
    List<CommandSpec> specs;
    try (Database database = Database.open(Database.sqliteUrl(scratch))) {
      specs =
          new CoreWiring(database, Clock.systemUTC(), CommunityDefaults.paris())
              .core()
              .commandSpecs();
    } finally {
      try (var files = Files.walk(scratch)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    String json =
        switch (target) {
          case discord -> DiscordCommandRenderer.commandsJson(specs);
          case telegram -> TelegramCommandMenus.payloadsJson(specs);
        };
    spec.commandLine().getOut().println(json);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
