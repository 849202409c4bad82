package org.networkeras.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The console's bundles, like core's: the same keys and the same arguments in both languages. */
final class ConsoleTextsTest {

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = ConsoleTextsTest.class.getResourceAsStream("/" + name + ".properties")) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  private static Set<String> arguments(String pattern) {
    MessagePattern parsed = new MessagePattern(pattern);
    Set<String> arguments = new TreeSet<>();
    for (int i = 0; i < parsed.countParts(); i++) {
      if (parsed.getPart(i).getType() == MessagePattern.Part.Type.ARG_START) {
        arguments.add(parsed.getSubstring(parsed.getPart(i + 1)));
      }
    }
    return arguments;
  }

  @Test
  void everyConsoleTextHasTheSameKeyAndArgumentsInEnglishAndFrench() throws IOException {
    // given
    Properties english = load("console_messages_en");
    Properties french = load("console_messages_fr");

    // when
    Map<String, String> differing = new TreeMap<>();
    for (String key : english.stringPropertyNames()) {
      if (!french.containsKey(key)) {
        differing.put(key, "missing in French");
      } else if (!arguments(english.getProperty(key)).equals(arguments(french.getProperty(key)))) {
        differing.put(key, "other arguments");
      }
    }
    french.stringPropertyNames().stream()
        .filter(key -> !english.containsKey(key))
        .forEach(key -> differing.put(key, "missing in English"));

    // then
    assertThat(differing).isEmpty();
  }
}
