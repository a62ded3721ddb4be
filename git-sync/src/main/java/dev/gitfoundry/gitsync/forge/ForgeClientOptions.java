package dev.gitfoundry.gitsync.forge;

import java.time.Clock;
import java.time.Duration;

/**
 * Knobs shared by the forge clients.
 *
 * @param requestTimeout per request, response included
 * @param maxAttempts attempts per call when rate-limited (1 = no retry)
 * @param maxRateLimitWait a longer announced wait fails fast with {@link ForgeRateLimitedException}
 *     instead of blocking a thread
 * @param rememberedStatuses capacity of the duplicate-status memory
 */
public record ForgeClientOptions(
    Duration requestTimeout,
    int maxAttempts,
    Duration maxRateLimitWait,
    int rememberedStatuses,
    Clock clock,
    Sleeper sleeper) {
  public static final ForgeClientOptions DEFAULT =
      new ForgeClientOptions(
          Duration.ofSeconds(15),
          3,
          Duration.ofSeconds(60),
          10_000,
          Clock.systemUTC(),
          duration -> Thread.sleep(duration.toMillis()));

  /** How the client waits out a rate limit; replaceable so tests need not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }
}
