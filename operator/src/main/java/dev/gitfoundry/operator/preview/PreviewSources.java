package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.gitsync.GitPoller;
import dev.gitfoundry.gitsync.GitSyncException;
import dev.gitfoundry.gitsync.PollResult;
import dev.gitfoundry.gitsync.RepositoryMetrics;
import dev.gitfoundry.gitsync.RepositorySource;
import dev.gitfoundry.gitsync.Snapshot;
import dev.gitfoundry.gitsync.SnapshotFile;
import dev.gitfoundry.operator.source.Compiler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Fetches and compiles the two sides of a pull request: the base branch and {@code
 * refs/pull/<n>/head}, each a depth-1 fetch into its own cache (so a new push fetches only what
 * changed). Compiling uses the same settings as the GitSource reconciler, so a preview is what the
 * merge would deploy.
 */
final class PreviewSources {
  private final Path cacheRoot;
  private final RepositoryMetrics metrics;
  private final PreviewSecrets secrets;
  private final Compiler compiler;

  PreviewSources(
      Path cacheRoot, RepositoryMetrics metrics, PreviewSecrets secrets, String defaultDomain) {
    this.cacheRoot = cacheRoot;
    this.metrics = metrics;
    this.secrets = secrets;
    this.compiler = new Compiler(defaultDomain);
  }

  Snapshot fetchBase(GitSource source) throws PreviewException {
    return fetch(source, branch(source));
  }

  Snapshot fetchPullRequest(GitSource source, int number) throws PreviewException {
    return fetch(source, "refs/pull/" + number + "/head");
  }

  private Snapshot fetch(GitSource source, String ref) throws PreviewException {
    RepositorySource repository =
        new RepositorySource(
            source.getSpec().getUrl(),
            ref,
            Set.of(path(source)),
            secrets.gitCredentials(source),
            Duration.ofMinutes(5));
    try (GitPoller poller = new GitPoller(repository, cacheRoot, metrics)) {
      PollResult result = poller.poll(); // a new poller knows no head, so this always snapshots
      if (result instanceof PollResult.Changed changed) {
        return changed.snapshot();
      }
      throw new PreviewException(
          dev.gitfoundry.gitsync.ErrorKind.TRANSIENT, "no snapshot of " + ref);
    } catch (GitSyncException e) {
      throw new PreviewException(e.kind(), e.getMessage(), e);
    }
  }

  /** foundation.yml sets domains and defaults for every app; a preview cannot isolate it. */
  boolean changesFoundation(GitSource source, Snapshot base, Snapshot head) {
    String prefix = path(source).isEmpty() ? "" : path(source) + "/";
    for (String name : List.of("foundation.yml", "foundation.yaml")) {
      SnapshotFile before = base.files().get(prefix + name);
      SnapshotFile after = head.files().get(prefix + name);
      if (!Objects.equals(
          before == null
              ? null
              : new String(before.content(), java.nio.charset.StandardCharsets.UTF_8),
          after == null
              ? null
              : new String(after.content(), java.nio.charset.StandardCharsets.UTF_8))) {
        return true;
      }
    }
    return false;
  }

  Compilation compile(GitSource source, Snapshot snapshot) {
    return compiler.compile(source, snapshot);
  }

  static String branch(GitSource source) {
    return source.getSpec().getBranch() == null ? "main" : source.getSpec().getBranch();
  }

  private static String path(GitSource source) {
    return source.getSpec().getPath() == null
        ? ""
        : source.getSpec().getPath().replaceAll("^/+|/+$", "");
  }
}
