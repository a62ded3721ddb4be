package dev.gitfoundry.operator.source;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a source's applied objects are compared with the cluster again, so that objects edited by
 * hand are set back. A CFApp edit wakes the source at once (it watches its CFApps); the periodic
 * resync catches the rest. The spacing bounds the cost: a rollout wakes a source for every app's
 * status change, and each check recompiles and lists the source's objects.
 */
final class DriftChecks {
  static final Duration SPACING = Duration.ofSeconds(20);

  private final Clock clock;
  private final Map<ResourceID, Instant> lastCheck = new ConcurrentHashMap<>();

  DriftChecks(Clock clock) {
    this.clock = clock;
  }

  /** The revision was just applied, which is as good as a check. */
  void applied(ResourceID source) {
    lastCheck.put(source, clock.instant());
  }

  /** Zero when a check is due now (and counts it as done); otherwise how long until it is. */
  Duration takeIfDue(ResourceID source) {
    Instant now = clock.instant();
    Instant last = lastCheck.get(source);
    if (last == null || !now.isBefore(last.plus(SPACING))) {
      lastCheck.put(source, now);
      return Duration.ZERO;
    }
    return Duration.between(now, last.plus(SPACING));
  }

  void forget(ResourceID source) {
    lastCheck.remove(source);
  }
}
