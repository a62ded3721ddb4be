package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PreviewSpec;
import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import dev.gitfoundry.operator.source.GitSourceRefs;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One open pull request against its preview: nothing while its head is deployed or settled;
 * otherwise the policy decides (ignore, refuse with a reason, deploy) and a new head is deployed.
 */
final class PullRequestSync {
  private final PreviewDeployer deployer;
  private final PreviewLifecycle lifecycle;
  private final Clock clock;

  PullRequestSync(PreviewDeployer deployer, PreviewLifecycle lifecycle, Clock clock) {
    this.deployer = deployer;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  /** Brings one pull request's preview to its head; false when it should be retried soon. */
  boolean sync(
      GitSource source, PreviewSpec spec, OpenPullRequest pr, Map<Integer, PreviewStatus> previews)
      throws InterruptedException {
    PreviewStatus current = previews.get(pr.number());
    boolean sameHead = current != null && pr.headSha().equals(current.getHeadSha());
    if (sameHead && !"refused".equals(current.getState())) {
      return true; // deployed, settled or expired: nothing new until the pull request moves
    }
    Set<Integer> deployed = new TreeSet<>();
    previews.forEach(
        (n, p) -> {
          if (p.getNamespaces() != null) {
            deployed.add(n);
          }
        });
    PreviewPolicy.Decision decision =
        PreviewPolicy.decide(spec, GitSourceRefs.branch(source), pr, deployed);
    switch (decision.verdict()) {
      case IGNORE -> {
        return true;
      }
      case FORK_REFUSED, LIMIT_REACHED -> {
        PreviewStatus refused = sameHead ? current : lifecycle.fresh(pr, current, clock.instant());
        lifecycle.refuse(source, refused, decision.reason());
        previews.put(pr.number(), refused);
        return true;
      }
      case DEPLOY -> {
        PreviewStatus next = lifecycle.fresh(pr, current, clock.instant());
        if (!deployer.deploy(source, pr, next)) {
          return false;
        }
        lifecycle.superseded(source, current, next);
        previews.put(pr.number(), next);
        return true;
      }
    }
    return true;
  }
}
