package org.networkeras.app.console;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.ResourceBundle;
import org.networkeras.i18n.Language;

/** The console's own texts, in the session's language, formatted as core's are (ICU patterns). */
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
    return new MessageFormat(bundle.getString(key), ULocale.forLocale(language.locale()))
        .format(args);
  }
}
