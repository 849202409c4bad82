package org.networkeras.command;

import java.time.Duration;
import org.networkeras.chat.Platform;

/**
 * Told of every command the {@link Dispatcher} handled, on the thread that handled it, after the
 * reply was built: how metrics count commands by name and outcome and time them. Implementations
 * must be thread-safe and quick; an exception they throw is logged and otherwise ignored.
 */
@FunctionalInterface
public interface CommandListener {

  /** A listener that ignores everything. */
  CommandListener NONE = (command, platform, outcome, elapsed) -> {};

  /** The name given for a command the bot does not have, so members cannot invent new names. */
  String UNKNOWN = "unknown";

  /** How a command ended. */
  enum Outcome {
    /** The command ran and answered. */
    OK,
    /** The member got a refusal they can act on (bad arguments, not allowed, unknown command). */
    REFUSED,
    /** Something unexpected failed; the member got the generic apology. */
    FAILED
  }

  /**
   * @param command the command's declared name, or {@link #UNKNOWN}
   * @param platform where it came from
   * @param outcome how it ended
   * @param elapsed how long the dispatcher took, from receiving it to the reply
   */
  void handled(String command, Platform platform, Outcome outcome, Duration elapsed);
}
