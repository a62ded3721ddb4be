package dev.gitfoundry.operator.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationsTest {
  private static final Duration FALLBACK = Duration.ofMinutes(1);

  @Test
  void parsesFluxStyleDurations() {
    assertThat(GoDurations.parse("30s", FALLBACK)).isEqualTo(Duration.ofSeconds(30));
    assertThat(GoDurations.parse("1h30m", FALLBACK)).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDurations.parse("500ms", FALLBACK)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void fallsBackOnNothingOrNonsense() {
    assertThat(GoDurations.parse(null, FALLBACK)).isEqualTo(FALLBACK);
    assertThat(GoDurations.parse("soon", FALLBACK)).isEqualTo(FALLBACK);
    assertThat(GoDurations.parse("5m tomorrow", FALLBACK)).isEqualTo(FALLBACK);
    assertThat(GoDurations.parse("0s", FALLBACK)).isEqualTo(FALLBACK);
  }
}
