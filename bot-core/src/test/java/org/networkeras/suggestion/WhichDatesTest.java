package org.networkeras.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.networkeras.command.CommandException;

/** The rules behind "this date or every date from this one", read without a chat. */
final class WhichDatesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "friday 4/12 8pm",
        "4/12 20h",
        "vendredi 4 décembre 20h",
        "friday 4 december 8pm",
        "Dec 4 8pm",
        "2026-12-04 20:00",
        "tomorrow 8pm",
        "demain 20h"
      })
  void aPhraseWithACalendarDayNamesADate(String phrase) {
    assertThat(Edits.namesADate(phrase)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"friday 8pm", "vendredi 20h", "8pm", "20h30", "next friday at 8"})
  void aWeekdayOrATimeAloneNamesNoDate(String phrase) {
    assertThat(Edits.namesADate(phrase)).isFalse();
  }

  @Test
  void aWeeklyRuleMovesToTheNewWeekday() {
    assertThat(Edits.onDay("FREQ=WEEKLY;BYDAY=TH", DayOfWeek.FRIDAY))
        .isEqualTo("FREQ=WEEKLY;BYDAY=FR");
    assertThat(Edits.onDay("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", DayOfWeek.MONDAY))
        .isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO");
  }

  @Test
  void aMonthlyRuleKeepsItsOrdinal() {
    assertThat(Edits.onDay("FREQ=MONTHLY;BYDAY=-1TH", DayOfWeek.TUESDAY))
        .isEqualTo("FREQ=MONTHLY;BYDAY=-1TU");
    assertThat(Edits.onDay("FREQ=MONTHLY;BYDAY=1SA", DayOfWeek.SUNDAY))
        .isEqualTo("FREQ=MONTHLY;BYDAY=1SU");
  }

  @Test
  void aRuleOnSeveralDaysIsNotMovedAsAWhole() {
    assertThatThrownBy(() -> Edits.onDay("FREQ=WEEKLY;BYDAY=TU,TH", DayOfWeek.FRIDAY))
        .isInstanceOf(CommandException.class);
  }
}
