package org.networkeras.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.Assertions;

/** Waits for a condition other threads make true, checking it often, failing after a timeout. */
final class Eventually {

  private Eventually() {}

  static void eventually(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        Assertions.fail("still not true after " + timeout.toSeconds() + " s: " + what);
      }
      Thread.sleep(20);
    }
  }
}
