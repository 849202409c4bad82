package org.networkeras.app.console;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.networkeras.i18n.Language;

/** The console's own texts, in the session's language. */
final class ConsoleTexts {

  private final ResourceBundle bundle;
  private final Language language;

  ConsoleTexts(Language language) {
    this.language = language;
    this.bundle =
        ResourceBundle.getBundle(
            "console_messages",
            language.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  String get(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), language.locale()).format(args);
  }
}
