package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.gitsync.GitPoller;
import dev.gitfoundry.gitsync.GitSyncException;
import dev.gitfoundry.gitsync.PollResult;
import dev.gitfoundry.gitsync.RepositoryMetrics;
import dev.gitfoundry.gitsync.RepositorySource;
import dev.gitfoundry.gitsync.Snapshot;
import dev.gitfoundry.operator.source.GitSourceRefs;
import dev.gitfoundry.operator.source.SourceSecrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Fetches a pull request's head ({@code refs/pull/<n>/head}) with a depth-1 fetch into its own
 * cache, so a new push fetches only what changed. The base is not fetched: it is the branch the
 * source already holds.
 */
final class PullRequestHeads {
  private final Path cacheRoot;
  private final RepositoryMetrics metrics;
  private final SourceSecrets secrets;

  PullRequestHeads(Path cacheRoot, RepositoryMetrics metrics, SourceSecrets secrets) {
    this.cacheRoot = cacheRoot;
    this.metrics = metrics;
    this.secrets = secrets;
  }

  Snapshot fetch(GitSource source, int number)
      throws GitSyncException, SourceSecrets.MissingSecretException {
    String path = GitSourceRefs.path(source);
    RepositorySource repository =
        new RepositorySource(
            source.getSpec().getUrl(),
            "refs/pull/" + number + "/head",
            Set.of(path),
            secrets.gitCredentials(source),
            Duration.ofMinutes(5));
    try (GitPoller poller = new GitPoller(repository, cacheRoot, metrics)) {
      PollResult result = poller.poll(); // a new poller knows no head, so this always snapshots
      if (result instanceof PollResult.Changed changed) {
        return changed.snapshot();
      }
      throw new IllegalStateException(
          "a first poll of refs/pull/" + number + "/head found nothing");
    }
  }
}
