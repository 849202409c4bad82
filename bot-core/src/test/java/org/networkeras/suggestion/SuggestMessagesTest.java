package org.networkeras.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The suggestion bundles: the same keys in English and French, typographic apostrophes only. */
final class SuggestMessagesTest {

  private static Properties bundle(String language) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        SuggestMessagesTest.class.getResourceAsStream(
            "/suggest_messages_" + language + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void englishAndFrenchHaveTheSameKeys() throws IOException {
    assertThat(bundle("fr").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(bundle("en").stringPropertyNames());
  }

  @Test
  void usesOnlyTypographicApostrophes() throws IOException {
    for (String language : new String[] {"en", "fr"}) {
      Properties properties = bundle(language);
      for (String key : properties.stringPropertyNames()) {
        assertThat(properties.getProperty(key)).as(language + " " + key).doesNotContain("'");
      }
    }
  }
}
