package dev.gitfoundry.operator.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.Arrays;

/**
 * The histogram buckets of every duration: from a quick HTTP answer to a rollout that takes
 * minutes, 16 buckets instead of Micrometer's 70-odd, so a histogram per source stays cheap.
 */
public final class Buckets {
  private static final Duration[] DURATIONS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(2),
    Duration.ofMinutes(5),
    Duration.ofMinutes(10)
  };

  private Buckets() {}

  /** For {@code Timer.Builder.serviceLevelObjectives}. */
  public static Duration[] durations() {
    return DURATIONS.clone();
  }

  /**
   * Gives the timers of a library (JOSDK's reconcile timer asks for percentiles and Micrometer's
   * default histogram) these buckets and no client-side percentiles.
   */
  static MeterFilter forTimersNamed(String prefix) {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith(prefix)) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .percentiles()
            .percentilesHistogram(false)
            .serviceLevelObjectives(
                Arrays.stream(DURATIONS).mapToDouble(d -> (double) d.toNanos()).toArray())
            .build()
            .merge(config);
      }
    };
  }
}
