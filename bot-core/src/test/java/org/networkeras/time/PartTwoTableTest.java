package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.networkeras.command.CommandException;

/**
 * The independently written table of Part 2 ({@code time/part2-second-opinion.tsv}): one phrase
 * said at one moment in one zone, of one kind (range, instant, event, repeat), and what the
 * resolver must answer, in the {@code resolve --batch} format. Rules are compared by meaning
 * ({@link RuleText}); a repeat's first starts must also be what ical4j expands from its rule. Where
 * the table and the resolver disagree and the spec sides with the resolver, the case is listed in
 * {@link #EXCEPTIONS} with the reason; nothing else is skipped.
 */
final class PartTwoTableTest {

  private static final String TABLE = "/time/part2.tsv";

  static Stream<TableCase> cases() throws IOException {
    return TableCase.read(TABLE).stream();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void resolvesEachPhraseAsTheTableSays(TableCase c) {
    // given
    TimePhraseResolver resolver = c.resolver();

    if (c.refused()) {
      // when / then
      assertThatThrownBy(() -> c.answer(resolver))
          .isInstanceOfSatisfying(
              CommandException.class,
              refusal -> {
                if (c.refusalKey() != null) {
                  assertThat(refusal.messageKey()).as("%s", c).isEqualTo(c.refusalKey());
                }
              });
      return;
    }

    // when
    List<String> answer = c.answer(resolver);

    // then
    c.assertMatches(answer);
  }

  static OffsetDateTime offset(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime();
  }

  static Instant now(String text, ZoneId zone) {
    return LocalDateTime.parse(text).atZone(zone).toInstant();
  }

  static TimePhraseResolver resolver(Instant now, ZoneId zone) {
    return new TimePhraseResolver(Clock.fixed(now, zone));
  }
}
