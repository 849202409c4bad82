package org.networkeras.web;

import java.util.Objects;

/**
 * Where the HTTP server listens.
 *
 * @param host the address to bind: {@code 127.0.0.1} (the default) keeps the server to this
 *     machine; {@code 0.0.0.0} opens it to every interface, as a container needs
 * @param port the TCP port, 1 to 65535, or 0 for any free one (tests)
 */
public record WebSettings(String host, int port) {

  /** The address the server binds when none is configured. */
  public static final String LOOPBACK = "127.0.0.1";

  public WebSettings {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("the host is an address such as 127.0.0.1");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("a port is 0 to 65535, not " + port);
    }
  }
}
