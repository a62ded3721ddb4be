package dev.gitfoundry.local;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds, failing with a description of what was awaited. */
public final class Await {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private Await() {}

  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException lastFailure = null;
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        lastFailure = e; // Not up yet: connection refused and the like.
      }
      sleep(POLL_INTERVAL);
    }
    throw new IllegalStateException(
        "timed out after " + timeout + " waiting for " + what, lastFailure);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
