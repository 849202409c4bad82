package org.networkeras.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The independently written table of Part 2 ({@code time/part2-second-opinion.tsv}): one phrase
 * said at one moment in one zone, of one kind (range, instant, event, repeat), and what the
 * resolver must answer, in the {@code resolve --batch} format. Rules are compared by meaning
 * ({@link RuleText}); a repeat's first starts must also be what ical4j expands from its rule. Where
 * the table and the resolver disagree and the spec sides with the resolver, the case is listed in
 * {@link #EXCEPTIONS} with the reason; nothing else is skipped.
 */
final class PartTwoSecondOpinionTableTest {

  private static final String TABLE = "/time/part2-second-opinion.tsv";

  /** {@code now|zone|kind|phrase} → why the resolver is right and the table is not. */
  static final Map<String, String> EXCEPTIONS = Map.of();

  static Stream<TableCase> cases() throws IOException {
    return TableCase.read(TABLE).stream().filter(c -> !EXCEPTIONS.containsKey(c.key()));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void resolvesEachPhraseAsTheTableSays(TableCase c) {
    c.assertResolvedAsTheTableSays();
  }

  @Test
  void everyListedExceptionIsInTheTable() throws IOException {
    // given
    List<String> keys = TableCase.read(TABLE).stream().map(TableCase::key).toList();

    // when / then
    assertThat(keys).containsAll(EXCEPTIONS.keySet());
  }
}
