package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/** The time bundles: complete in both languages, and every example they give works. */
final class TimeMessagesTest {

  private static final Pattern QUOTED = Pattern.compile("(?:“([^”]*)”|«\\u00A0?([^»]*?)\\u00A0?»)");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final Messages messages = Messages.load();

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyKeyTheResolverUsesExists(Language language) {
    // when / then
    assertThat(Refusal.keys()).allSatisfy(key -> assertThat(messages.has(language, key)).isTrue());
  }

  @Test
  void bothBundlesHaveTheSameKeys() throws IOException {
    // when
    Properties english = bundle("en");
    Properties french = bundle("fr");

    // then
    assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    assertThat(english.stringPropertyNames()).allMatch(key -> key.startsWith("time."));
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyExampleInTheMessagesIsUnderstood(Language language) throws IOException {
    // given
    TimePhraseResolver resolver =
        new TimePhraseResolver(Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), PARIS));
    Properties bundle = bundle(language.code());
    List<String> checked = new ArrayList<>();

    // when
    for (String key : Refusal.keys()) {
      for (String example : examples(bundle.getProperty(key))) {
        boolean startOfEvent = key.equals("time.past") || key.equals("time.needsTime");
        boolean repeat = key.startsWith("time.repeat.") && !key.equals("time.repeat.inFilter");
        checked.add(example);
        // then
        assertThatCode(
                () -> {
                  if (startOfEvent) {
                    resolver.instant(example, PARIS);
                  } else if (repeat) {
                    resolver.repeat(example, PARIS);
                  } else {
                    resolver.range(example, PARIS);
                  }
                })
            .as("example %s of %s", example, key)
            .doesNotThrowAnyException();
      }
    }
    assertThat(checked).hasSizeGreaterThanOrEqualTo(2 * Refusal.values().length - 2);
  }

  @Test
  void everyRefusalShowsTwoExamples() throws IOException {
    for (Language language : Language.values()) {
      // given
      Properties bundle = bundle(language.code());
      for (Refusal refusal : Refusal.values()) {
        // when
        List<String> examples = examples(bundle.getProperty(refusal.key()));
        // then
        assertThat(examples).as("%s in %s", refusal.key(), language).hasSizeGreaterThanOrEqualTo(2);
      }
    }
  }

  /** The quoted phrases of a message that are not placeholders. */
  private static List<String> examples(String pattern) {
    List<String> examples = new ArrayList<>();
    Matcher matcher = QUOTED.matcher(pattern);
    while (matcher.find()) {
      String quoted = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      if (!quoted.contains("{")) {
        examples.add(quoted.strip());
      }
    }
    return examples;
  }

  private static Properties bundle(String language) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        TimeMessagesTest.class.getResourceAsStream("/time_messages_" + language + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
