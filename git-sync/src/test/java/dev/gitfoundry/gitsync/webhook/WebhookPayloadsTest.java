package dev.gitfoundry.gitsync.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {
  @Test
  void parsesPushes() throws Exception {
    String sha = "a".repeat(40);
    PushEvent push =
        (PushEvent)
            WebhookPayloads.parse(
                    "push",
                    Payloads.push("https://git.example.com/acme/apps.git", "refs/heads/main", sha))
                .orElseThrow();
    assertThat(push.ref()).isEqualTo("refs/heads/main");
    assertThat(push.branch()).isEqualTo("main");
    assertThat(push.afterSha()).isEqualTo(sha);
    assertThat(push.deleted()).isFalse();
    assertThat(push.repository().present())
        .containsExactly(
            "https://git.example.com/acme/apps.git",
            "git@git.example.com:acme/apps.git",
            "https://git.example.com/acme/apps");
  }

  @Test
  void recognisesBranchDeletionAndTags() throws Exception {
    PushEvent deleted =
        (PushEvent)
            WebhookPayloads.parse(
                    "push", Payloads.push("https://h/a/b", "refs/heads/x", "0".repeat(40)))
                .orElseThrow();
    assertThat(deleted.deleted()).isTrue();
    PushEvent tag =
        (PushEvent)
            WebhookPayloads.parse(
                    "push", Payloads.push("https://h/a/b", "refs/tags/v1", "a".repeat(40)))
                .orElseThrow();
    assertThat(tag.branch()).isNull();
  }

  @Test
  void parsesPullRequestsFromForksWithLabels() throws Exception {
    PullRequestEvent pr =
        (PullRequestEvent)
            WebhookPayloads.parse(
                    "pull_request",
                    Payloads.pullRequest(
                        "synchronized", 99, "{\"name\":\"preview\"},{\"name\":\"x\"}"))
                .orElseThrow();
    assertThat(pr.action()).isEqualTo("synchronized");
    assertThat(pr.number()).isEqualTo(12);
    assertThat(pr.headSha()).isEqualTo("b".repeat(40));
    assertThat(pr.headRef()).isEqualTo("feature");
    assertThat(pr.baseRef()).isEqualTo("main");
    assertThat(pr.fromFork()).isTrue();
    assertThat(pr.labels()).containsExactly("preview", "x");
  }

  @Test
  void sameRepositoryIsNotAFork() throws Exception {
    PullRequestEvent pr =
        (PullRequestEvent)
            WebhookPayloads.parse("pull_request", Payloads.pullRequest("opened", 7, ""))
                .orElseThrow();
    assertThat(pr.fromFork()).isFalse();
    assertThat(pr.labels()).isEmpty();
  }

  @Test
  void otherEventsAreIgnoredAndGarbageIsRejected() throws Exception {
    assertThat(WebhookPayloads.parse("issues", "{}".getBytes())).isEmpty();
    assertThat(WebhookPayloads.parse(null, "{}".getBytes())).isEmpty();
    assertThatThrownBy(() -> WebhookPayloads.parse("push", "not json".getBytes()))
        .isInstanceOf(InvalidPayloadException.class);
    assertThatThrownBy(() -> WebhookPayloads.parse("push", "{}".getBytes()))
        .isInstanceOf(InvalidPayloadException.class);
  }
}
