package org.networkeras.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The arguments of a command, as the platform delivered them.
 *
 * <p>Platforms with typed options (Discord) fill {@link #options()}; platforms that send a line of
 * text (Telegram, the console) put everything after the command name in {@link #text()}, and core
 * maps it onto the command's parameters with {@link org.networkeras.command.ArgumentParser}.
 *
 * @param options option values by parameter name, in the order given
 * @param text the raw text after the command name, or empty
 */
public record Arguments(Map<String, String> options, String text) {

  private static final Arguments NONE = new Arguments(Map.of(), "");

  public Arguments {
    options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    Objects.requireNonNull(text, "text");
  }

  public static Arguments none() {
    return NONE;
  }

  /** Arguments from a line of text typed after the command name. */
  public static Arguments ofText(String text) {
    return new Arguments(Map.of(), text == null ? "" : text.strip());
  }

  /** Arguments from typed options, such as Discord's. */
  public static Arguments ofOptions(Map<String, String> options) {
    return new Arguments(options, "");
  }

  public Optional<String> option(String name) {
    String value = options.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  public boolean isEmpty() {
    return text.isBlank() && options.values().stream().allMatch(String::isBlank);
  }
}
