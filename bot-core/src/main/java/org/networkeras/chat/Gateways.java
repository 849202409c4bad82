package org.networkeras.chat;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateways core writes through on its own initiative, one per platform. Launchers register each
 * adapter's gateway once it has started; until then core's messages to that platform are dropped
 * (and logged by their sender). Thread-safe.
 */
public final class Gateways {

  private final Map<Platform, ChatGateway> byPlatform = new ConcurrentHashMap<>();

  /** Registers {@code gateway} for its platform, replacing any earlier one. */
  public void register(ChatGateway gateway) {
    Objects.requireNonNull(gateway, "gateway");
    byPlatform.put(gateway.platform(), gateway);
  }

  /**
   * What the adapter of {@code platform} declared it can do, or {@link Capabilities#PLAIN} while
   * none is registered.
   */
  public Capabilities capabilities(Platform platform) {
    ChatGateway gateway = byPlatform.get(platform);
    return gateway == null ? Capabilities.PLAIN : gateway.capabilities();
  }

  /** The gateway of {@code platform}, if one is registered. */
  public Optional<ChatGateway> forPlatform(Platform platform) {
    return Optional.ofNullable(byPlatform.get(platform));
  }
}
