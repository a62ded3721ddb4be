package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.PollScheduler;
import dev.gitfoundry.gitsync.RepositoryKey;
import dev.gitfoundry.gitsync.RepositorySource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a GitSource's repository and branch polled (one Quartz job per repository and branch,
 * shared by the sources that watch it) and tells what the last polls found.
 */
final class SourceSubscription {
  private final PollScheduler scheduler;
  private final SourceSnapshots snapshots;
  private final SourceSecrets secrets;
  private final AppWakeups appWakeups;

  SourceSubscription(
      PollScheduler scheduler,
      SourceSnapshots snapshots,
      SourceSecrets secrets,
      AppWakeups appWakeups) {
    this.appWakeups = appWakeups;
    this.scheduler = scheduler;
    this.snapshots = snapshots;
    this.secrets = secrets;
  }

  /** Subscribes (again) with the source's current spec and credentials. */
  void keep(GitSource source)
      throws SourceSecrets.MissingSecretException, dev.gitfoundry.gitsync.GitSyncException {
    if (source.getSpec().getForge() != null) {
      // Reported here; SourceWebhooks, which verifies deliveries, runs on every replica.
      secrets.value(
          source.getMetadata().getNamespace(),
          source.getSpec().getForge().getWebhookSecretRef(),
          "secret");
    }
    snapshots.subscribe(ResourceID.fromResource(source), key(source));
    scheduler.upsert(
        new RepositorySource(
            source.getSpec().getUrl(),
            GitSourceRefs.branch(source),
            Set.of(GitSourceRefs.path(source)),
            secrets.gitCredentials(source),
            GoDurations.parse(source.getSpec().getInterval(), Duration.ofMinutes(1))));
  }

  /**
   * What wakes a source: a poll of its branch that found something, and a change of one of its
   * CFApps (a rollout's progress, or an edit by hand to set back).
   */
  List<EventSource<?, GitSource>> eventSources() {
    return List.of(appWakeups.eventSource(), snapshots.eventSource());
  }

  Optional<SourceSnapshots.State> state(GitSource source) {
    return snapshots.state(key(source));
  }

  /** Stops polling for this source; the job goes when no other source watches the branch. */
  void stop(GitSource source) {
    RepositoryKey key = key(source);
    if (snapshots.unsubscribe(ResourceID.fromResource(source), key)) {
      scheduler.remove(key);
      snapshots.forget(key);
    }
  }

  private static RepositoryKey key(GitSource source) {
    return GitSourceRefs.key(source);
  }
}
