package dev.gitfoundry.operator.http;

import static dev.gitfoundry.operator.http.Fixtures.BROKEN;
import static dev.gitfoundry.operator.http.Fixtures.GOOD;
import static dev.gitfoundry.operator.http.Fixtures.OLD;
import static dev.gitfoundry.operator.http.Fixtures.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import dev.gitfoundry.operator.preview.PreviewLabels;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitPagesTest {
  private final FakeStatusReads reads = new FakeStatusReads();
  private final CommitPages pages = new CommitPages(reads);

  @Test
  void aCommitTheSourceNeverSawHasNoPage() {
    GitSource source = Fixtures.source("success");

    assertThat(pages.commit(source, UNKNOWN)).isEmpty();
    assertThat(pages.commit(source, GOOD)).isPresent();
  }

  @Test
  void theRunningCommitShowsItsStatesChangesAndLiveApps() {
    reads.apps.add(Fixtures.app("web", true, "Running", ""));
    reads.apps.add(
        Fixtures.app(
            "api", false, "CrashLoopBackOff", "process web, container app: CrashLoopBackOff"));

    CommitPage page = pages.commit(Fixtures.source("pending"), GOOD).orElseThrow();

    assertThat(page.running()).isTrue();
    assertThat(page.state()).isEqualTo("pending");
    assertThat(page.description()).isEqualTo("applied, 0/1 apps ready");
    assertThat(page.commit().subject()).isEqualTo("Scale web to 2");
    assertThat(page.commit().url())
        .isEqualTo("http://gitea.example:3000/acme/manifests/commit/" + GOOD);
    assertThat(page.repositoryUrl()).doesNotContain("s3cret");
    assertThat(page.states()).extracting(CommitPage.StateChange::state).containsExactly("pending");
    assertThat(page.changes().added()).isEqualTo(1);
    assertThat(page.changes().changed()).isEqualTo(1);
    assertThat(page.apps()).extracting(AppView::name).containsExactly("api", "web");
    AppView api = page.apps().get(0);
    assertThat(api.state()).isEqualTo("starting");
    assertThat(api.summary()).isEqualTo("keeps crashing after it starts");
    assertThat(api.processes()).containsExactly(new AppView.Process("web", 0, 2));
    assertThat(api.declaredUrl())
        .isEqualTo(
            "http://gitea.example:3000/acme/manifests/src/commit/"
                + GOOD
                + "/acme/prod/api/manifest.yml#L2");
    assertThat(page.apps().get(1).ready()).isTrue();
  }

  @Test
  void aCommitThatFailedToCompileLinksEveryErrorToItsLineAndShowsWhatRuns() {
    reads.apps.add(Fixtures.app("web", true, "Running", ""));

    CommitPage page = pages.commit(Fixtures.source("success"), BROKEN).orElseThrow();

    assertThat(page.state()).isEqualTo("failure");
    assertThat(page.running()).isFalse();
    assertThat(page.apps()).isEmpty();
    assertThat(page.runningCommit().sha()).isEqualTo(GOOD);
    assertThat(page.runningCommit().page()).isEqualTo("/status/team-a/manifests/" + GOOD);
    assertThat(page.errorCount()).isEqualTo(4);
    assertThat(page.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.url())
                  .isEqualTo(
                      "http://gitea.example:3000/acme/manifests/src/commit/"
                          + BROKEN
                          + "/acme/prod/web/manifest.yml#L3");
            });
  }

  @Test
  void aSupersededCommitSaysByWhich() {
    CommitPage page = pages.commit(Fixtures.source("success"), OLD).orElseThrow();

    assertThat(page.state()).isEqualTo("error");
    assertThat(page.supersededBy().sha()).isEqualTo(GOOD);
    assertThat(page.states())
        .extracting(CommitPage.StateChange::state)
        .containsExactly("pending", "error");
  }

  @Test
  void withoutAForgeTheStateIsWhatItWouldHaveBeen() {
    GitSource source = Fixtures.source("success");
    source.getStatus().getHistory().forEach(r -> r.setPosted(List.of()));
    reads.apps.add(Fixtures.app("web", true, "Running", ""));

    assertThat(pages.commit(source, GOOD).orElseThrow().state()).isEqualTo("success");
    assertThat(pages.commit(source, BROKEN).orElseThrow().state()).isEqualTo("failure");
    assertThat(pages.commit(source, OLD).orElseThrow().state()).isEqualTo("unknown");
  }

  @Test
  void aPreviewsHeadCommitShowsThePreviewAndItsApps() {
    GitSource source = Fixtures.source("success");
    String head = "d".repeat(40);
    PreviewStatus preview = new PreviewStatus();
    preview.setNumber(7);
    preview.setHeadSha(head);
    preview.setState("ready");
    preview.setUrl("http://web-pr-7.apps.example.com");
    source.getStatus().setPreviews(List.of(preview));
    var app = Fixtures.app("web", true, "Running", "");
    app.getMetadata().getLabels().clear();
    app.getMetadata()
        .getLabels()
        .putAll(
            java.util.Map.of(
                PreviewLabels.SOURCE,
                "manifests",
                PreviewLabels.SOURCE_NAMESPACE,
                "team-a",
                PreviewLabels.PULL_REQUEST,
                "7"));
    reads.apps.add(app);

    CommitPage page = pages.commit(source, head).orElseThrow();

    assertThat(page.state()).isEqualTo("success");
    assertThat(page.preview().pullRequestUrl())
        .isEqualTo("http://gitea.example:3000/acme/manifests/pulls/7");
    assertThat(page.apps()).extracting(AppView::name).containsExactly("web");
    assertThat(pages.commit(source, GOOD).orElseThrow().apps())
        .isEmpty(); // preview apps are not the branch's
  }

  @Test
  void theIndexListsCommitsNewestFirst() {
    SourceIndex index = pages.index(Fixtures.source("success"));

    assertThat(index.commits())
        .extracting(SourceIndex.Entry::sha)
        .containsExactly(BROKEN, GOOD, OLD);
    assertThat(index.commits())
        .extracting(SourceIndex.Entry::state)
        .containsExactly("failure", "success", "error");
    assertThat(index.commits())
        .extracting(SourceIndex.Entry::running)
        .containsExactly(false, true, false);
    assertThat(index.running().sha()).isEqualTo(GOOD);
  }

  @Test
  void aShortShaExpandsOnlyWhenItIsUnambiguous() {
    GitSource source = Fixtures.source("success");

    assertThat(pages.expand(source, "aaaaaaa")).contains(GOOD);
    assertThat(pages.expand(source, "0000000")).isEmpty();
  }
}
