package dev.gitfoundry.operator.preview;

import dev.gitfoundry.api.v1alpha1.PreviewSpec;
import java.util.Set;

/**
 * Whether an open pull request may have a preview. Pure: the caller supplies which previews are
 * open, so the rules are tested without a cluster or a forge.
 */
public final class PreviewPolicy {
  /** The outcome; {@link #reason} is the commit status description when one is posted. */
  public enum Verdict {
    /** Targets another branch: not ours, say nothing. */
    IGNORE,
    /** From a fork while {@code allowForks} is off: say why, deploy nothing. */
    FORK_REFUSED,
    /** {@code maxOpen} previews already run: say so, deploy nothing (retried when one closes). */
    LIMIT_REACHED,
    DEPLOY
  }

  public record Decision(Verdict verdict, String reason) {}

  private PreviewPolicy() {}

  public static Decision decide(
      PreviewSpec spec, String watchedBranch, OpenPullRequest pr, Set<Integer> openPreviews) {
    if (pr.baseRef() != null && !watchedBranch.equals(stripHeads(pr.baseRef()))) {
      return new Decision(Verdict.IGNORE, "targets " + pr.baseRef() + ", not " + watchedBranch);
    }
    if (pr.fromFork() && !Boolean.TRUE.equals(spec.getAllowForks())) {
      return new Decision(
          Verdict.FORK_REFUSED,
          "not previewed: pull requests from forks can run any image; set previews.allowForks");
    }
    Integer maxOpen = spec.getMaxOpen();
    if (maxOpen != null && !openPreviews.contains(pr.number()) && openPreviews.size() >= maxOpen) {
      return new Decision(
          Verdict.LIMIT_REACHED,
          "preview limit reached (" + maxOpen + " open); waiting for one to close");
    }
    return new Decision(Verdict.DEPLOY, null);
  }

  private static String stripHeads(String ref) {
    return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
  }
}
