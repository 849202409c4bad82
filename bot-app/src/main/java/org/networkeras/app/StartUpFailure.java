package org.networkeras.app;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import org.networkeras.chat.TokenRefusedException;

/**
 * Says in one line why a platform could not start, naming the real cause found down the chain of
 * causes (an unknown host, a refused connection, a refused token) rather than the message of the
 * outermost exception, which names only the step that failed.
 */
final class StartUpFailure {

  private StartUpFailure() {}

  /**
   * The cause of {@code failure} as an operator can act on it.
   *
   * @param platform the platform that was starting ({@code Discord})
   * @param tokenVariable where its token comes from ({@code DISCORD_TOKEN})
   * @param urlVariable where its server address comes from ({@code DISCORD_API_URL})
   */
  static String describe(
      Throwable failure, String platform, String tokenVariable, String urlVariable) {
    String cause = null;
    for (Throwable t = failure; t != null && cause == null; t = t.getCause()) {
      cause = known(t, tokenVariable, urlVariable);
    }
    return "could not start "
        + platform
        + ": "
        + (cause != null ? cause : oneLine(failure.getMessage()));
  }

  private static String known(Throwable t, String tokenVariable, String urlVariable) {
    if (t instanceof TokenRefusedException refused) {
      return "the token was refused (HTTP "
          + refused.status()
          + (refused.status() == 401 ? " Unauthorized" : "")
          + "): check "
          + tokenVariable;
    }
    if (t instanceof UnknownHostException) {
      return "unknown host "
          + host(t.getMessage())
          + " (is the network up? is "
          + urlVariable
          + " right?)";
    }
    if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
      return "connection refused ("
          + oneLine(t.getMessage())
          + "): is the server at "
          + urlVariable
          + " running?";
    }
    if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
      return "no answer in time (" + oneLine(t.getMessage()) + ")";
    }
    return null;
  }

  /**
   * The host an {@link UnknownHostException} names: {@code x.invalid: Name or service not known}.
   */
  private static String host(String message) {
    if (message == null) {
      return "(unnamed)";
    }
    int colon = message.indexOf(':');
    return colon < 0 ? message.strip() : message.substring(0, colon).strip();
  }

  /** A message on one line, even when a library's message spans several. */
  static String oneLine(String message) {
    return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
