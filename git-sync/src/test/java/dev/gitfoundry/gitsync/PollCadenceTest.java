package dev.gitfoundry.gitsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollCadenceTest {
  private final PollCadence cadence =
      new PollCadence(0.10, Duration.ofMinutes(10), 5, Duration.ofSeconds(10));
  private final Duration minute = Duration.ofMinutes(1);

  @Test
  void jitterStaysWithinTenPercentEitherWay() {
    assertThat(cadence.nextDelay(minute, 0, false, 0.0)).isEqualTo(Duration.ofSeconds(54));
    assertThat(cadence.nextDelay(minute, 0, false, 0.5)).isEqualTo(minute);
    assertThat(cadence.nextDelay(minute, 0, false, 0.999999))
        .isBetween(Duration.ofMillis(65_999), Duration.ofSeconds(66));
  }

  @Test
  void failuresDoubleTheDelayUpToTheCap() {
    assertThat(cadence.nextDelay(minute, 1, false, 0.5)).isEqualTo(Duration.ofMinutes(2));
    assertThat(cadence.nextDelay(minute, 2, false, 0.5)).isEqualTo(Duration.ofMinutes(4));
    assertThat(cadence.nextDelay(minute, 3, false, 0.5)).isEqualTo(Duration.ofMinutes(8));
    assertThat(cadence.nextDelay(minute, 4, false, 0.5)).isEqualTo(Duration.ofMinutes(10));
    assertThat(cadence.nextDelay(minute, 1_000, false, 0.5)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void capNeverShortensAnIntervalLongerThanIt() {
    Duration hour = Duration.ofHours(1);
    assertThat(cadence.nextDelay(hour, 3, false, 0.5)).isEqualTo(hour);
  }

  @Test
  void webhooksStretchTheIntervalButFailuresWin() {
    assertThat(cadence.nextDelay(minute, 0, true, 0.5)).isEqualTo(Duration.ofMinutes(5));
    assertThat(cadence.nextDelay(minute, 1, true, 0.5)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void firstPollsAreSpreadButSoon() {
    assertThat(cadence.initialDelay(minute, 0.0)).isZero();
    assertThat(cadence.initialDelay(minute, 0.5)).isEqualTo(Duration.ofSeconds(5));
    assertThat(cadence.initialDelay(Duration.ofSeconds(4), 0.5)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new PollCadence(1.0, minute, 5, minute))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PollCadence(0.1, minute, 0, minute))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
