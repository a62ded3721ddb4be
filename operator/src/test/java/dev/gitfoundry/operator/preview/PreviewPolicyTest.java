package dev.gitfoundry.operator.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.PreviewSpec;
import dev.gitfoundry.operator.preview.PreviewPolicy.Verdict;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreviewPolicyTest {
  private static PreviewSpec spec(Integer maxOpen, Boolean allowForks) {
    PreviewSpec spec = new PreviewSpec();
    spec.setEnabled(true);
    spec.setMaxOpen(maxOpen);
    spec.setAllowForks(allowForks);
    return spec;
  }

  private static OpenPullRequest pr(int number, String base, boolean fork) {
    return new OpenPullRequest(number, "abc", base, fork);
  }

  @Test
  void pullRequestsToOtherBranchesAreIgnored() {
    assertThat(
            PreviewPolicy.decide(spec(null, null), "main", pr(1, "develop", false), Set.of())
                .verdict())
        .isEqualTo(Verdict.IGNORE);
    assertThat(
            PreviewPolicy.decide(spec(null, null), "main", pr(1, "main", false), Set.of())
                .verdict())
        .isEqualTo(Verdict.DEPLOY);
  }

  @Test
  void forksAreRefusedUnlessAllowedAndTheStatusSaysWhy() {
    PreviewPolicy.Decision refused =
        PreviewPolicy.decide(spec(null, null), "main", pr(1, "main", true), Set.of());
    assertThat(refused.verdict()).isEqualTo(Verdict.FORK_REFUSED);
    assertThat(refused.reason()).contains("forks").contains("allowForks");
    assertThat(
            PreviewPolicy.decide(spec(null, false), "main", pr(1, "main", true), Set.of())
                .verdict())
        .isEqualTo(Verdict.FORK_REFUSED);
    assertThat(
            PreviewPolicy.decide(spec(null, true), "main", pr(1, "main", true), Set.of()).verdict())
        .isEqualTo(Verdict.DEPLOY);
  }

  @Test
  void maxOpenCountsOtherPreviewsButNeverEvictsAnOpenOne() {
    PreviewPolicy.Decision full =
        PreviewPolicy.decide(spec(2, null), "main", pr(3, "main", false), Set.of(1, 2));
    assertThat(full.verdict()).isEqualTo(Verdict.LIMIT_REACHED);
    assertThat(full.reason()).contains("preview limit reached");
    // an update of a preview that already runs is not limited
    assertThat(
            PreviewPolicy.decide(spec(2, null), "main", pr(2, "main", false), Set.of(1, 2))
                .verdict())
        .isEqualTo(Verdict.DEPLOY);
    assertThat(
            PreviewPolicy.decide(spec(0, null), "main", pr(1, "main", false), Set.of()).verdict())
        .isEqualTo(Verdict.LIMIT_REACHED);
  }
}
