package org.networkeras.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

final class MessagesTest {

  static final java.util.List<String> bundles = Messages.BUNDLES;

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name + ".properties")) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @ParameterizedTest
  @FieldSource("bundles")
  void everyTextExistsInEnglishAndFrench(String bundle) throws IOException {
    // when
    Set<String> english = new TreeSet<>(load(bundle + "_en").stringPropertyNames());
    Set<String> french = new TreeSet<>(load(bundle + "_fr").stringPropertyNames());

    // then
    assertThat(french).isEqualTo(english);
  }

  @ParameterizedTest
  @FieldSource("bundles")
  void noTextUsesAStraightApostropheThatMessageFormatWouldEat(String bundle) throws IOException {
    for (String language : new String[] {"_en", "_fr"}) {
      Properties properties = load(bundle + language);
      for (String key : properties.stringPropertyNames()) {
        String text = properties.getProperty(key);
        assertThat(text.replace("''", "")).as("%s%s %s", bundle, language, key).doesNotContain("'");
      }
    }
  }
}
