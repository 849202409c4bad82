package org.networkeras.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-visible text, read from the bundles {@code <feature>messages_<lang>.properties}. One
 * bundle per feature keeps each feature's texts beside its code. Immutable and thread-safe.
 *
 * <p>Patterns are ICU {@link MessageFormat}s, so a text says its own plurals, ordinals and choices
 * in its language ({@code {0, plural, one {# invité} other {# invités}}}, {@code {1, selectordinal,
 * one {#er} other {#}}}, {@code {0, select, open {ouvert} other {modéré}}}). Quoting is the one
 * {@link java.text.MessageFormat} knows: an apostrophe is written twice ({@code ''}).
 */
public final class Messages {

  /** The bundle base names, one per feature; a key must be unique across them. */
  static final List<String> BUNDLES =
      List.of(
          "messages",
          "time_messages",
          "suggest_messages",
          "rsvp_messages",
          "subs_messages",
          "foryou_messages",
          "soon_messages",
          "settings_messages",
          "web_messages",
          "calendar_messages",
          "import_messages");

  private final Map<Language, List<ResourceBundle>> bundles = new EnumMap<>(Language.class);

  private Messages() {
    for (Language language : Language.values()) {
      bundles.put(
          language,
          BUNDLES.stream()
              .map(
                  name ->
                      ResourceBundle.getBundle(
                          name,
                          language.locale(),
                          ResourceBundle.Control.getNoFallbackControl(
                              ResourceBundle.Control.FORMAT_PROPERTIES)))
              .toList());
    }
  }

  /** Loads the bundles from the class path. */
  public static Messages load() {
    return new Messages();
  }

  /**
   * The text for {@code key} in {@code language}, with ICU {@link MessageFormat} arguments (numbers
   * for plurals, strings for selects).
   *
   * @throws MissingResourceException when no bundle has the key (a programming error)
   */
  public String get(Language language, String key, Object... arguments) {
    String pattern = raw(language, key);
    if (arguments.length == 0 && pattern.indexOf('\'') < 0 && pattern.indexOf('{') < 0) {
      return pattern;
    }
    return new MessageFormat(pattern, ULocale.forLocale(language.locale())).format(arguments);
  }

  /** Whether {@code key} exists. */
  public boolean has(Language language, String key) {
    return bundles.get(language).stream().anyMatch(bundle -> bundle.containsKey(key));
  }

  private String raw(Language language, String key) {
    for (ResourceBundle bundle : bundles.get(language)) {
      if (bundle.containsKey(key)) {
        return bundle.getString(key);
      }
    }
    throw new MissingResourceException("no message " + key, "Messages", key);
  }
}
