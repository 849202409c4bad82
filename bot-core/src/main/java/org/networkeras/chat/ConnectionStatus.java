package org.networkeras.chat;

import java.util.Objects;

/**
 * Whether a platform adapter is connected to its platform now, as its adapter sees it, for health
 * checks and metrics.
 *
 * @param connected whether the adapter can receive members' messages now
 * @param detail a short reason for operators ({@code "CONNECTED"}, {@code "last poll 12 s ago"}),
 *     never a token
 * @param reconnects how many times the connection was lost and taken up again since start
 */
public record ConnectionStatus(boolean connected, String detail, long reconnects) {

  public ConnectionStatus {
    Objects.requireNonNull(detail, "detail");
    if (reconnects < 0) {
      throw new IllegalArgumentException("reconnects cannot be negative");
    }
  }
}
