package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PreviewSpec;
import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.operator.delivery.Health;
import dev.gitfoundry.operator.delivery.HealthRollup;
import dev.gitfoundry.operator.source.GoDurations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a preview after it is deployed: it becomes ready (or fails at the deadline), it
 * expires after the ttl without a push, or its pull request closes and it is removed. Each step
 * updates the record, the commit status and the comment together.
 */
final class PreviewLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(PreviewLifecycle.class);

  private final PreviewDeployer deployer;
  private final PreviewRecords records;
  private final HealthRollup health;
  private final PreviewStatuses statuses;
  private final PreviewComments comments;
  private final Duration progressDeadline;
  private final Clock clock;

  PreviewLifecycle(
      PreviewDeployer deployer,
      PreviewRecords records,
      HealthRollup health,
      PreviewStatuses statuses,
      PreviewComments comments,
      Duration progressDeadline,
      Clock clock) {
    this.deployer = deployer;
    this.records = records;
    this.health = health;
    this.statuses = statuses;
    this.comments = comments;
    this.progressDeadline = progressDeadline;
    this.clock = clock;
  }

  /** A record for a new head; the comment id carries over, the status log starts anew. */
  PreviewStatus fresh(OpenPullRequest pr, PreviewStatus current, Instant now) {
    PreviewStatus next = new PreviewStatus();
    next.setNumber(pr.number());
    next.setHeadSha(pr.headSha());
    next.setUpdatedAt(now.toString());
    next.setCommentId(current == null ? null : current.getCommentId());
    return next;
  }

  void refuse(GitSource source, PreviewStatus preview, String reason) {
    preview.setState("refused");
    preview.setMessage(reason);
    statuses.post(source, preview, CommitState.ERROR, reason);
  }

  /** The previous head was still deploying when this one replaced it. */
  void superseded(GitSource source, PreviewStatus previous, PreviewStatus next) {
    if (previous != null
        && "pending".equals(previous.getState())
        && !previous.getHeadSha().equals(next.getHeadSha())) {
      statuses.post(source, previous, CommitState.ERROR, "superseded by " + next.getHeadSha());
    }
  }

  /**
   * Removes the previews of pull requests not in {@code open}, also ones only the cluster knows.
   */
  void closeAllBut(GitSource source, Set<Integer> open, Map<Integer, PreviewStatus> previews)
      throws InterruptedException {
    Set<Integer> present = new TreeSet<>(previews.keySet());
    present.addAll(records.deployed(source));
    for (Integer number : present) {
      if (open.contains(number)) {
        continue;
      }
      LOG.info("{}: pull request #{} closed, deleting its preview", SourceRef.of(source), number);
      deployer.remove(source, number);
      PreviewStatus closed = previews.remove(number);
      if (closed != null) {
        closed.setState("removed");
        closed.setMessage("the pull request was closed");
        comments.refresh(source, closed);
        comments.forget(source, closed);
      }
    }
  }

  /** Deletes previews whose head has not moved for the ttl; they come back with the next push. */
  void expire(GitSource source, PreviewSpec spec, Map<Integer, PreviewStatus> previews)
      throws InterruptedException {
    Duration ttl = GoDurations.parse(spec.getTtl(), null);
    if (ttl == null) {
      return;
    }
    for (PreviewStatus preview : new ArrayList<>(previews.values())) {
      if (preview.getNamespaces() != null
          && PreviewReconciler.instant(preview.getUpdatedAt())
              .plus(ttl)
              .isBefore(clock.instant())) {
        LOG.info(
            "{}: preview of #{} expired after {}",
            SourceRef.of(source),
            preview.getNumber(),
            spec.getTtl());
        deployer.remove(source, preview.getNumber());
        preview.setState("expired");
        preview.setMessage("no push for " + spec.getTtl() + " (ttl); push again to recreate it");
        preview.setNamespaces(null);
        statuses.post(
            source, preview, CommitState.ERROR, "preview deleted: " + preview.getMessage());
        comments.refresh(source, preview);
      }
    }
  }

  /** When the first preview reaches its ttl, so it is deleted on time, not at the next poll. */
  Duration untilFirstExpiry(PreviewSpec spec, Map<Integer, PreviewStatus> previews) {
    Duration ttl = GoDurations.parse(spec.getTtl(), null);
    if (ttl == null) {
      return null;
    }
    return previews.values().stream()
        .filter(p -> p.getNamespaces() != null)
        .map(p -> PreviewReconciler.instant(p.getUpdatedAt()).plus(ttl))
        .min(Comparator.naturalOrder())
        .map(first -> Duration.between(clock.instant(), first).plusSeconds(1))
        .map(until -> until.isNegative() ? Duration.ofSeconds(1) : until)
        .orElse(null);
  }

  /**
   * Pending previews whose apps all run get {@code success}; past the deadline, {@code failure}.
   */
  void checkReadiness(GitSource source, Map<Integer, PreviewStatus> previews) {
    for (PreviewStatus preview : previews.values()) {
      if (!"pending".equals(preview.getState())) {
        continue;
      }
      List<String> apps = preview.getApps() == null ? List.of() : preview.getApps();
      Health now =
          health.of(
              PreviewPlan.scope(SourceRef.of(source), preview.getNumber(), null).owner(),
              apps.size());
      if (now.allReady()) {
        preview.setState("ready");
        preview.setMessage("preview running: " + String.join(", ", apps));
        statuses.post(source, preview, CommitState.SUCCESS, preview.getMessage());
        comments.refresh(source, preview);
      } else if (PreviewReconciler.instant(preview.getDeployedAt())
          .plus(progressDeadline)
          .isBefore(clock.instant())) {
        Health.AppHealth failing = now.firstFailing();
        preview.setState("failed");
        preview.setMessage(failing == null ? "preview apps did not appear" : failing.describe());
        statuses.post(source, preview, CommitState.FAILURE, preview.getMessage());
        comments.refresh(source, preview);
      }
    }
  }
}
