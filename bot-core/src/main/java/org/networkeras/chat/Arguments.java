package org.networkeras.chat;

import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>People are named by what the platform says, never by a display name: {@link #mentions()} tells
 * which words (or option values) name whom, and {@link #repliedTo()} is the author of the message
 * the command answers, where the platform has replies (Telegram).
 *
 * @param options option values by parameter name, in the order given
 * @param text the raw text after the command name, or empty
 * @param mentions words of the text or option values that the platform resolved to a person
 * @param repliedTo the person whose message the command replies to, or {@code null}
 */
public record Arguments(
    Map<String, String> options, String text, List<Mention> mentions, Person repliedTo) {

  private static final Arguments NONE = new Arguments(Map.of(), "");

  public Arguments {
    Map<String, String> cleaned = new LinkedHashMap<>();
    options.forEach((name, value) -> cleaned.put(name, InputText.clean(value)));
    options = java.util.Collections.unmodifiableMap(cleaned);
    text = InputText.clean(Objects.requireNonNull(text, "text"));
    mentions = List.copyOf(mentions);
  }

  /** Arguments naming nobody. */
  public Arguments(Map<String, String> options, String text) {
    this(options, text, List.of(), null);
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

  /** The same arguments, with the people the platform recognised in them. */
  public Arguments naming(List<Mention> newMentions, Person newRepliedTo) {
    return new Arguments(options, text, newMentions, newRepliedTo);
  }

  public Optional<String> option(String name) {
    String value = options.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** The person whose message the command replies to, if any. */
  public Optional<Person> replyTarget() {
    return Optional.ofNullable(repliedTo);
  }

  public boolean isEmpty() {
    return text.isBlank() && options.values().stream().allMatch(String::isBlank);
  }
}
