package org.networkeras.command;

import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/**
 * A command's usage line in a member's language, for {@code /help} and the platforms' command
 * menus: {@code /events [when] [family] [slot] [city]} in English, {@code /events [quand] [famille]
 * [créneau] [ville]} in French. A parameter's word is the message {@code usage.<parameter name>};
 * its name stays the identifier platforms need. Immutable and thread-safe.
 */
public final class Usage {

  /** The bundles, read once: they are the same for every caller and never change. */
  private static final Messages WORDS = Messages.load();

  private Usage() {}

  /** {@code /name <required> [optional]…} with each parameter's word in {@code language}. */
  public static String of(CommandSpec spec, Language language) {
    StringBuilder usage = new StringBuilder("/").append(spec.name());
    for (ParameterSpec parameter : spec.parameters()) {
      usage.append(' ').append(placeholder(parameter, language));
    }
    return usage.toString();
  }

  /** {@code <word>} for a required parameter, {@code [word]} for an optional one. */
  public static String placeholder(ParameterSpec parameter, Language language) {
    String word = word(parameter, language);
    return parameter.required() ? "<" + word + ">" : "[" + word + "]";
  }

  /**
   * The parameter's word in {@code language}; a parameter with no word in the bundles (none of
   * core's, which a test checks) is shown by its name.
   */
  public static String word(ParameterSpec parameter, Language language) {
    String key = "usage." + parameter.name();
    return WORDS.has(language, key) ? WORDS.get(language, key) : parameter.name();
  }
}
