package dev.gitfoundry.operator.source;

import dev.gitfoundry.gitsync.GitSyncException;
import dev.gitfoundry.gitsync.RepositoryKey;
import dev.gitfoundry.gitsync.Snapshot;
import dev.gitfoundry.gitsync.SnapshotListener;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest outcome of polling each repository, and which GitSources want to hear about it. Poll
 * results arrive on Quartz threads; this only records them and wakes the GitSource reconciler.
 */
public final class SourceSnapshots implements SnapshotListener {
  /** What the last polls of one repository said. A failure never clears the last snapshot. */
  public record State(
      Snapshot snapshot, GitSyncException failure, int failures, Instant failedAt) {}

  private final Map<RepositoryKey, State> states = new ConcurrentHashMap<>();
  private final Map<RepositoryKey, Set<ResourceID>> subscribers = new ConcurrentHashMap<>();
  private final SimpleInboundEventSource<dev.gitfoundry.api.v1alpha1.GitSource> events =
      new SimpleInboundEventSource<>("source-snapshots");
  private final Clock clock;

  public SourceSnapshots(Clock clock) {
    this.clock = clock;
  }

  SimpleInboundEventSource<dev.gitfoundry.api.v1alpha1.GitSource> eventSource() {
    return events;
  }

  void subscribe(ResourceID source, RepositoryKey key) {
    subscribers.values().forEach(set -> set.remove(source));
    subscribers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(source);
  }

  /** Returns true when nobody else listens to {@code key} any more. */
  boolean unsubscribe(ResourceID source, RepositoryKey key) {
    Set<ResourceID> set = subscribers.getOrDefault(key, Set.of());
    set.remove(source);
    return set.isEmpty();
  }

  /** The newest snapshot of the source's branch, if one was fetched. */
  public Optional<Snapshot> latest(dev.gitfoundry.api.v1alpha1.GitSource source) {
    return state(GitSourceRefs.key(source)).map(State::snapshot);
  }

  Optional<State> state(RepositoryKey key) {
    return Optional.ofNullable(states.get(key));
  }

  /** Forget the last snapshot so that the next poll result is handled even if unchanged. */
  void forget(RepositoryKey key) {
    states.remove(key);
  }

  @Override
  public void onSnapshot(RepositoryKey key, Snapshot snapshot) {
    states.put(key, new State(snapshot, null, 0, null));
    wake(key);
  }

  @Override
  public void onFailure(RepositoryKey key, GitSyncException failure, int consecutiveFailures) {
    states.compute(
        key,
        (k, old) ->
            new State(
                old == null ? null : old.snapshot(),
                failure,
                consecutiveFailures,
                clock.instant()));
    wake(key);
  }

  @Override
  public void onUnchanged(RepositoryKey key, String sha) {
    State old = states.get(key);
    if (old != null && old.failure() != null) {
      states.put(key, new State(old.snapshot(), null, 0, null));
      wake(key);
    }
  }

  private void wake(RepositoryKey key) {
    subscribers.getOrDefault(key, Set.of()).forEach(events::propagateEvent);
  }
}
