package org.networkeras.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.ibm.icu.text.MessagePattern;
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
  void everyTextHasTheSamePlaceholdersInEnglishAndFrench(String bundle) throws IOException {
    // given
    Properties english = load(bundle + "_en");
    Properties french = load(bundle + "_fr");

    // when
    java.util.Map<String, String> differing = new java.util.TreeMap<>();
    for (String key : english.stringPropertyNames()) {
      if (french.containsKey(key)) {
        Set<String> en = placeholders(english.getProperty(key));
        Set<String> fr = placeholders(french.getProperty(key));
        if (!en.equals(fr)) {
          differing.put(key, "en " + en + " fr " + fr);
        }
      }
    }

    // then
    assertThat(differing).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("bundles")
  void everyTextIsAValidIcuPatternInBothLanguages(String bundle) throws IOException {
    for (String language : new String[] {"_en", "_fr"}) {
      Properties properties = load(bundle + language);
      for (String key : properties.stringPropertyNames()) {
        String text = properties.getProperty(key);
        assertThatCode(() -> new com.ibm.icu.text.MessageFormat(text))
            .as("%s%s %s", bundle, language, key)
            .doesNotThrowAnyException();
      }
    }
  }

  /**
   * The arguments a pattern uses, by number: a plural in one language may be a plain number in the
   * other, but both must say the same things.
   */
  private static Set<String> placeholders(String pattern) {
    MessagePattern parsed = new MessagePattern(pattern);
    Set<String> arguments = new TreeSet<>();
    for (int i = 0; i < parsed.countParts(); i++) {
      if (parsed.getPart(i).getType() == MessagePattern.Part.Type.ARG_START) {
        arguments.add(parsed.getSubstring(parsed.getPart(i + 1)));
      }
    }
    return arguments;
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
