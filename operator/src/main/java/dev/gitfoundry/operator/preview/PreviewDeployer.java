package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.AppChange;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import dev.gitfoundry.compiler.Compilation;
import dev.gitfoundry.gitsync.ErrorKind;
import dev.gitfoundry.gitsync.GitSyncException;
import dev.gitfoundry.gitsync.Snapshot;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.operator.delivery.AppDiff;
import dev.gitfoundry.operator.delivery.Delivery;
import dev.gitfoundry.operator.delivery.DeliveryException;
import dev.gitfoundry.operator.delivery.DeliveryPipeline;
import dev.gitfoundry.operator.source.CompiledRevisions;
import dev.gitfoundry.operator.source.SourceSecrets;
import dev.gitfoundry.operator.source.SourceSnapshots;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one pull request's preview to its head: fetch the head, compile it, compare it with the
 * branch (the base snapshot and compilation the source already holds), and deliver the apps it adds
 * or changes into {@code <space>-pr-<n>} through the same pipeline as the branch. The outcome is
 * the pull request's {@link PreviewStatus}, its commit status and its comment.
 */
final class PreviewDeployer {
  private static final Logger LOG = LoggerFactory.getLogger(PreviewDeployer.class);

  private final SourceSnapshots branches;
  private final CompiledRevisions compiled;
  private final PullRequestHeads heads;
  private final DeliveryPipeline pipeline;
  private final PreviewStatuses statuses;
  private final PreviewComments comments;
  private final Clock clock;

  PreviewDeployer(
      SourceSnapshots branches,
      CompiledRevisions compiled,
      PullRequestHeads heads,
      DeliveryPipeline pipeline,
      PreviewStatuses statuses,
      PreviewComments comments,
      Clock clock) {
    this.branches = branches;
    this.compiled = compiled;
    this.heads = heads;
    this.pipeline = pipeline;
    this.statuses = statuses;
    this.comments = comments;
    this.clock = clock;
  }

  /**
   * Deploys {@code pr}'s head into {@code preview} (a fresh record for a new head).
   *
   * @return false when it should be tried again soon (the branch not fetched yet, a network error)
   */
  boolean deploy(GitSource source, OpenPullRequest pr, PreviewStatus preview)
      throws InterruptedException {
    SourceRef ref = SourceRef.of(source);
    Optional<Snapshot> base = branches.latest(source);
    if (base.isEmpty()) {
      return false;
    }
    statuses.post(source, preview, CommitState.PENDING, "building the preview");
    try {
      Snapshot head = heads.fetch(source, pr.number());
      if (PreviewPlan.changesFoundation(source, base.get(), head)) {
        settle(
            source,
            preview,
            "refused",
            CommitState.ERROR,
            "foundation.yml changes domains or" + " defaults of every app; review it on its own");
        remove(source, pr.number());
        return true;
      }
      Compilation headCompilation = compiled.once(source, head);
      if (!headCompilation.valid()) {
        preview.setState("invalid");
        preview.setMessage(PreviewPlan.firstError(headCompilation));
        statuses.post(source, preview, CommitState.FAILURE, preview.getMessage());
        comments.write(
            source, preview, PreviewCommentText.details(List.of(), headCompilation.errors()));
        return true;
      }
      Compilation baseCompilation = compiled.of(source, base.get());
      List<AppDiff> diffs =
          AppDiff.between(
              baseCompilation.valid() ? baseCompilation.objects() : List.of(),
              headCompilation.objects());
      List<AppKey> changed =
          diffs.stream()
              .filter(d -> !AppChange.REMOVED.equals(d.action()))
              .map(d -> new AppKey(d.namespace(), d.name()))
              .toList();
      if (changed.isEmpty()) {
        remove(source, pr.number());
        settle(
            source,
            preview,
            "unchanged",
            CommitState.SUCCESS,
            "no app changed: nothing to preview");
        comments.write(source, preview, PreviewCommentText.details(diffs, List.of()));
        return true;
      }
      PreviewPlan plan =
          PreviewPlan.build(
                  ref, pr.number(), baseCompilation.objects(), headCompilation.objects(), changed)
              .ownedBy(source);
      pipeline.deliver(
          new Delivery(
              PreviewPlan.scope(ref, pr.number(), plan),
              "pull/" + pr.number() + "@sha1:" + head.sha(),
              plan.namespaces(),
              plan.objects(),
              List.of(),
              true,
              true));
      preview.setNamespaces(plan.namespaces().isEmpty() ? null : plan.namespaces());
      preview.setUrl(plan.url());
      preview.setApps(plan.apps());
      preview.setState("pending");
      preview.setMessage(
          "deployed " + String.join(", ", plan.apps()) + "; waiting for them to run");
      preview.setDeployedAt(clock.instant().toString());
      statuses.post(source, preview, CommitState.PENDING, preview.getMessage());
      comments.write(source, preview, PreviewCommentText.details(diffs, List.of()));
      LOG.info("{}: preview of #{} at {} deploys {}", ref, pr.number(), head.sha(), plan.apps());
      return true;
    } catch (GitSyncException e) {
      return failed(source, preview, e.kind(), e.getMessage());
    } catch (SourceSecrets.MissingSecretException e) {
      return failed(source, preview, e.kind(), e.getMessage());
    } catch (DeliveryException e) {
      return failed(source, preview, e.kind(), e.getMessage());
    }
  }

  /** Deletes everything of pull request {@code number}'s preview, namespaces included. */
  void remove(GitSource source, int number) throws InterruptedException {
    SourceRef ref = SourceRef.of(source);
    try {
      pipeline.deliver(
          new Delivery(
              PreviewPlan.scope(ref, number, null),
              "removed",
              List.of(),
              List.of(),
              List.of(),
              true,
              false));
    } catch (DeliveryException e) {
      LOG.warn("{}: preview of #{} not fully removed, will retry: {}", ref, number, e.getMessage());
    }
  }

  private boolean failed(GitSource source, PreviewStatus preview, ErrorKind kind, String message) {
    if (kind != ErrorKind.INVALID_INPUT) {
      LOG.warn(
          "{}: preview of #{} will be retried: {}",
          SourceRef.of(source),
          preview.getNumber(),
          message);
      return false;
    }
    settle(source, preview, "failed", CommitState.FAILURE, message);
    return true;
  }

  private void settle(
      GitSource source,
      PreviewStatus preview,
      String state,
      CommitState commitState,
      String message) {
    preview.setState(state);
    preview.setMessage(message);
    preview.setNamespaces(null);
    preview.setApps(null);
    statuses.post(source, preview, commitState, message);
  }
}
