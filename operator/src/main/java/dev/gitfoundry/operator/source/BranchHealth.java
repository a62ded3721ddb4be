package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.GitSourceStatus;
import dev.gitfoundry.gitsync.Snapshot;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.operator.delivery.Health;
import dev.gitfoundry.operator.delivery.HealthRollup;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the applied revision's apps are doing, on the GitSource and on the commit: {@code success}
 * when every app is ready, {@code failure} naming the first app that is not once the progress
 * deadline has passed, and progress ({@code applied, k/N apps ready}) now and then in between.
 */
final class BranchHealth {
  /** How often a rollout is looked at again while apps come up. */
  static final Duration WHILE_PROGRESSING = Duration.ofSeconds(5);

  /** Forges rate-limit and list every status in a commit's history: progress only this often. */
  private static final Duration PROGRESS_POSTS_EVERY = Duration.ofSeconds(15);

  private final HealthRollup rollup;
  private final BranchStatuses statuses;
  private final SourceConditions conditions;
  private final Duration progressDeadline;
  private final Clock clock;
  private final Map<ResourceID, Instant> progressPosts = new ConcurrentHashMap<>();

  BranchHealth(
      HealthRollup rollup,
      BranchStatuses statuses,
      SourceConditions conditions,
      Duration progressDeadline,
      Clock clock) {
    this.rollup = rollup;
    this.statuses = statuses;
    this.conditions = conditions;
    this.progressDeadline = progressDeadline;
    this.clock = clock;
  }

  /** "applied, 0/N apps ready" was just posted: the next progress post waits its turn. */
  void applied(GitSource source) {
    progressPosts.put(ResourceID.fromResource(source), clock.instant());
  }

  void forget(GitSource source) {
    progressPosts.remove(ResourceID.fromResource(source));
  }

  /** Reports on the applied revision; returns when to look again (null: when something changes). */
  Duration report(GitSource source, Snapshot snapshot, int expectedApps) {
    GitSourceStatus status = source.getStatus();
    Health health = rollup.of(BranchDelivery.scope(source).owner(), expectedApps);
    int total = Math.max(expectedApps, health.apps().size());
    if (health.allReady()) {
      String message = total + "/" + total + " apps running";
      conditions.ready(
          status, source, Conditions.TRUE, "Succeeded", message + " at " + snapshot.revision());
      Conditions.remove(status, Conditions.RECONCILING);
      statuses.post(source, snapshot.sha(), CommitState.SUCCESS, message);
      return null;
    }
    Instant appliedAt =
        Conditions.get(status, Conditions.RECONCILING)
            .map(c -> Instant.parse(c.getLastTransitionTime()))
            .orElse(clock.instant());
    Health.AppHealth failing = health.firstFailing();
    if (clock.instant().isAfter(appliedAt.plus(progressDeadline))) {
      String message =
          failing == null ? "apps did not appear before the deadline" : failing.describe();
      conditions.ready(status, source, Conditions.FALSE, "ProgressDeadlineExceeded", message);
      statuses.post(source, snapshot.sha(), CommitState.FAILURE, message);
      return Duration.ofMinutes(1);
    }
    String message = "applied, " + health.readyCount() + "/" + total + " apps ready";
    conditions.ready(status, source, Conditions.UNKNOWN, "Progressing", message);
    ResourceID id = ResourceID.fromResource(source);
    Instant lastPost = progressPosts.get(id);
    if (lastPost == null || !clock.instant().isBefore(lastPost.plus(PROGRESS_POSTS_EVERY))) {
      progressPosts.put(id, clock.instant());
      statuses.post(source, snapshot.sha(), CommitState.PENDING, message);
    }
    return WHILE_PROGRESSING;
  }

  /** How many apps a compilation has, for {@link #report}. */
  static int appsIn(java.util.List<io.fabric8.kubernetes.api.model.HasMetadata> objects) {
    return (int) objects.stream().filter(o -> o instanceof CFApp).count();
  }
}
