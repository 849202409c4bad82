package org.networkeras.foryou;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.networkeras.i18n.Language;
import org.networkeras.i18n.Messages;

/** Every reason reads, for one past event and for several, in both languages. */
final class ForYouMessagesTest {

  private final Messages messages = Messages.load();

  @Test
  void everyReasonFormatsInEveryLanguage() {
    for (Language language : Language.values()) {
      for (String key : List.of("family", "tag", "city")) {
        // when
        String one = messages.get(language, "foryou.reason." + key, 1, "Lyon");
        String two = messages.get(language, "foryou.reason." + key, 2, "Lyon");

        // then
        assertThat(one).as(language + " " + key).contains("Lyon").doesNotContain("{");
        assertThat(two).as(language + " " + key).contains("2").contains("Lyon");
      }
      assertThat(messages.get(language, "foryou.reason.popular", 12)).contains("12");
      assertThat(messages.get(language, "foryou.reason.soon", 9)).contains("9");
    }
  }
}
