package org.networkeras.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.networkeras.command.CommandException;

/** Reminder delays as typed in either language. */
final class DelaysTest {

  private static Duration minutes(long n) {
    return Duration.ofMinutes(n);
  }

  @Test
  void anHourFollowedByItsMinutesIsOneDelay() {
    assertThat(Delays.parse("1h 10m", "e")).containsExactly(minutes(70));
    assertThat(Delays.parse("1h10", "e")).containsExactly(minutes(70));
    assertThat(Delays.parse("1h10min", "e")).containsExactly(minutes(70));
  }

  @Test
  void daysAndHoursAndCommasSeparateDelays() {
    assertThat(Delays.parse("1d 2h", "e")).containsExactly(minutes(24 * 60), minutes(120));
    assertThat(Delays.parse("1j 2h", "e")).containsExactly(minutes(24 * 60), minutes(120));
    assertThat(Delays.parse("2h, 30m", "e")).containsExactly(minutes(120), minutes(30));
    assertThat(Delays.parse("30min 2h", "e")).containsExactly(minutes(120), minutes(30));
  }

  @Test
  void refusesWhatIsNotADelayOrOutOfBounds() {
    for (String typed : new String[] {"1h75", "2m", "31d", "soon", "1d 2d 3d 4d 5d 6d", ""}) {
      assertThatThrownBy(() -> Delays.parse(typed, "settings.bad_offsets"))
          .as(typed)
          .isInstanceOf(CommandException.class);
    }
  }
}
