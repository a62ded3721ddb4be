package dev.gitfoundry.gitsync;

import java.time.Duration;

/**
 * When to poll next: the interval with ±{@code jitter} spread, doubled per consecutive failure up
 * to {@code maxBackoff}, and stretched by {@code webhookStretch} while webhooks keep the source
 * fresh (polling then is only a safety net). Pure arithmetic, so it is tested without a clock.
 */
public record PollCadence(
    double jitter, Duration maxBackoff, int webhookStretch, Duration firstPollSpread) {
  public static final PollCadence DEFAULT =
      new PollCadence(0.10, Duration.ofMinutes(15), 5, Duration.ofSeconds(10));

  public PollCadence {
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
    if (webhookStretch < 1) {
      throw new IllegalArgumentException("webhookStretch must be at least 1");
    }
  }

  /**
   * @param random uniform in [0, 1), e.g. {@code ThreadLocalRandom.current().nextDouble()}
   */
  public Duration nextDelay(
      Duration interval, int consecutiveFailures, boolean webhooksActive, double random) {
    long base = interval.toMillis();
    if (consecutiveFailures > 0) {
      int doublings = Math.min(consecutiveFailures, 30);
      long cap = Math.max(base, maxBackoff.toMillis());
      base = Math.min(cap, saturatedShift(base, doublings));
    } else if (webhooksActive) {
      base = saturatedMultiply(base, webhookStretch);
    }
    double factor = 1 + jitter * (2 * random - 1);
    return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
  }

  /**
   * A random offset in [0, min(interval, firstPollSpread)): a new source is polled soon, but many
   * sources added at once (start-up, resume) do not hit their servers in the same second.
   */
  public Duration initialDelay(Duration interval, double random) {
    long spread = Math.min(interval.toMillis(), firstPollSpread.toMillis());
    return Duration.ofMillis(Math.round(spread * random));
  }

  private static long saturatedShift(long value, int bits) {
    return value > (Long.MAX_VALUE >> bits) ? Long.MAX_VALUE : value << bits;
  }

  private static long saturatedMultiply(long value, int factor) {
    return value > Long.MAX_VALUE / factor ? Long.MAX_VALUE : value * factor;
  }
}
