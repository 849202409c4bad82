package org.networkeras.app;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The launcher. {@code run} is the default: it starts every platform with a token, or the console
 * when none is set. The other subcommands are tools for scripts.
 */
@Command(
    name = "networkeras",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A chat bot that keeps a community's event catalog.",
    subcommands = {Main.Run.class, ResolveCommand.class, CommandsCommand.class})
public final class Main implements Callable<Integer> {

  @Mixin RunOptions options;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, for tests. */
  static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() {
    return new Launcher(options, System.getenv()).run();
  }

  /** {@code run}: the same as no subcommand. */
  @Command(name = "run", mixinStandardHelpOptions = true, description = "Start the bot (default).")
  static final class Run implements Callable<Integer> {
    @Mixin RunOptions options;

    @Override
    public Integer call() {
      return new Launcher(options, System.getenv()).run();
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"Networkeras " + (version == null ? "(development build)" : version)};
    }
  }
}
