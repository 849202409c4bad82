package org.networkeras.delivery;

import java.time.Clock;
import java.util.Map;

/** Workers for tests. */
final class Workers {

  private Workers() {}

  /** A worker with default settings and no rate limits. */
  static OutboxWorker unlimited(Outbox outbox, RecordingGateway gateway, Clock clock, String name) {
    return unlimited(outbox, gateway, clock, name, DeliveryListener.NONE);
  }

  static OutboxWorker unlimited(
      Outbox outbox,
      RecordingGateway gateway,
      Clock clock,
      String name,
      DeliveryListener listener) {
    return new OutboxWorker(
        outbox,
        gateway.asLookup(),
        new RateLimiter(Map.of(), clock),
        clock,
        name,
        listener,
        OutboxWorker.Settings.DEFAULTS);
  }
}
