package dev.gitfoundry.operator.workload;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one reconcile, as the Ready condition reports it. {@code WAITING} reschedules
 * after {@code retryAfter}; {@code STALLED} needs a change to the resource and is not retried.
 * Transient failures are not a Readiness: they are thrown, and JOSDK retries them with backoff.
 */
public record Readiness(Kind kind, String reason, String message, Duration retryAfter) {
  /** How the resource stands. */
  public enum Kind {
    READY,
    WAITING,
    STALLED
  }

  public Readiness {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    message = message == null ? "" : message;
  }

  public static Readiness ready(String reason, String message) {
    return new Readiness(Kind.READY, reason, message, null);
  }

  public static Readiness waiting(String reason, String message, Duration retryAfter) {
    return new Readiness(Kind.WAITING, reason, message, retryAfter);
  }

  public static Readiness stalled(String reason, String message) {
    return new Readiness(Kind.STALLED, reason, message, null);
  }

  public boolean isReady() {
    return kind == Kind.READY;
  }
}
