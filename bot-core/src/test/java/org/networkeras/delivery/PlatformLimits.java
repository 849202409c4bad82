package org.networkeras.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.networkeras.chat.Platform;
import org.networkeras.chat.SendLimits;
import org.networkeras.chat.SendLimits.Limit;

/**
 * The send limits the Telegram and Discord adapters declare (copied here, since core cannot see
 * them), for delivery tests that run without the adapters.
 */
final class PlatformLimits {

  static final SendLimits TELEGRAM =
      new SendLimits(
          Optional.of(new Limit(30, Duration.ofSeconds(1))),
          Optional.of(new Limit(1, Duration.ofSeconds(1))),
          Optional.of(new Limit(20, Duration.ofMinutes(1))));

  static final SendLimits DISCORD =
      new SendLimits(
          Optional.of(new Limit(50, Duration.ofSeconds(1))), Optional.empty(), Optional.empty());

  /** Telegram's and Discord's; the console is unlimited. */
  static final Map<Platform, SendLimits> BOTH =
      Map.of(Platform.TELEGRAM, TELEGRAM, Platform.DISCORD, DISCORD);

  private PlatformLimits() {}
}
