package org.networkeras.telegram;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the adapter's threads so that logs and thread dumps show whose they are. */
final class TelegramThreads {

  private TelegramThreads() {}

  /** Non-daemon threads named {@code prefix}, {@code prefix-2}, …; the adapter stops them. */
  static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      int n = count.incrementAndGet();
      Thread thread = new Thread(runnable, n == 1 ? prefix : prefix + "-" + n);
      thread.setDaemon(false);
      return thread;
    };
  }
}
