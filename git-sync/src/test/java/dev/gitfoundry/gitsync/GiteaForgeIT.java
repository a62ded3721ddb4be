package dev.gitfoundry.gitsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.gitfoundry.gitsync.forge.CommitState;
import dev.gitfoundry.gitsync.forge.CommitStatus;
import dev.gitfoundry.gitsync.forge.ForgeNotFoundException;
import dev.gitfoundry.gitsync.forge.ForgeRepository;
import dev.gitfoundry.gitsync.forge.ForgeUnauthorizedException;
import dev.gitfoundry.gitsync.forge.GiteaForgeClient;
import dev.gitfoundry.gitsync.forge.PullRequest;
import dev.gitfoundry.gitsync.webhook.JdkWebhookHttpHandler;
import dev.gitfoundry.gitsync.webhook.PullRequestEvent;
import dev.gitfoundry.gitsync.webhook.PushEvent;
import dev.gitfoundry.gitsync.webhook.WebhookHandler;
import dev.gitfoundry.gitsync.webhook.WebhookListener;
import dev.gitfoundry.gitsync.webhook.WebhookTarget;
import dev.gitfoundry.gitsync.webhook.WebhookTargets;
import dev.gitfoundry.testing.GiteaServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forge client, webhooks and polling against a real Gitea process. */
class GiteaForgeIT {
  private static GiteaServer gitea;
  @TempDir Path cache;

  @BeforeAll
  static void startGitea() {
    gitea = GiteaServer.shared();
  }

  private static ForgeRepository forgeRepository(String ownerAndName) {
    String[] parts = ownerAndName.split("/");
    return new ForgeRepository(parts[0], parts[1]);
  }

  @Test
  void commitStatusesArePostedOnceAndReadBack() throws Exception {
    String repo = gitea.createRepository("statuses");
    String sha = gitea.headCommit(repo, "main");
    GiteaForgeClient client = new GiteaForgeClient(gitea.apiUrl(), gitea.token());
    ForgeRepository target = forgeRepository(repo);

    CommitStatus pending =
        new CommitStatus(CommitState.PENDING, "gitfoundry", "applied, 0/3 apps ready", null);
    String longFailure = "acme/prod/web/manifest.yml:7:13 memory: '1X' is not a size. ".repeat(8);
    CommitStatus failure =
        new CommitStatus(CommitState.FAILURE, "gitfoundry", longFailure, "http://status/page");
    assertThat(client.postStatus(target, sha, pending)).isTrue();
    assertThat(client.postStatus(target, sha, pending)).isFalse();
    assertThat(client.postStatus(target, sha, failure)).isTrue();

    List<JsonNode> statuses = gitea.commitStatuses(repo, sha);
    assertThat(statuses)
        .extracting(status -> status.path("status").asText())
        .containsExactlyInAnyOrder("pending", "failure");
    JsonNode failed =
        statuses.stream()
            .filter(status -> status.path("status").asText().equals("failure"))
            .findFirst()
            .orElseThrow();
    assertThat(failed.path("context").asText()).isEqualTo("gitfoundry");
    assertThat(failed.path("target_url").asText()).isEqualTo("http://status/page");
    assertThat(failed.path("description").asText()).hasSize(255).endsWith("…");

    // A restarted operator reads the newest status first and does not post it again.
    GiteaForgeClient restarted = new GiteaForgeClient(gitea.apiUrl(), gitea.token());
    assertThat(restarted.latestStatus(target, sha, "gitfoundry"))
        .hasValueSatisfying(latest -> assertThat(latest.state()).isEqualTo(CommitState.FAILURE));
    assertThat(restarted.latestStatus(target, sha, "other-context")).isEmpty();
    assertThat(restarted.postStatus(target, sha, failure)).isFalse();
    assertThat(gitea.commitStatuses(repo, sha)).hasSize(2);

    assertThatThrownBy(() -> client.postStatus(forgeRepository("nobody/nothing"), sha, pending))
        .isInstanceOf(ForgeNotFoundException.class);
    GiteaForgeClient badToken = new GiteaForgeClient(gitea.apiUrl(), "not-a-token");
    assertThatThrownBy(() -> badToken.postStatus(target, sha, failure))
        .isInstanceOf(ForgeUnauthorizedException.class)
        .hasMessageNotContaining("not-a-token");
  }

  @Test
  void listsOpenPullRequestsPastOnePage() throws Exception {
    String repo = gitea.createRepository("many-pulls");
    WorkingCopy work = WorkingCopy.cloneOf(gitea.authenticatedCloneUrl(repo));
    int count = 53; // Gitea pages hold 50
    for (int i = 1; i <= count; i++) {
      work.git("checkout", "-q", "-B", "feature-" + i, "origin/main");
      work.write("f.txt", "change " + i + "\n").commit("change " + i);
    }
    work.git("push", "-q", "origin", "--all");
    long labelId =
        gitea
            .api(
                "POST", "/repos/" + repo + "/labels", Map.of("name", "preview", "color", "#00aabb"))
            .path("id")
            .asLong();
    for (int i = 1; i <= count; i++) {
      gitea.createPullRequest(repo, "feature-" + i, "main", "change " + i);
    }
    gitea.api("POST", "/repos/" + repo + "/issues/7/labels", Map.of("labels", List.of(labelId)));
    gitea.closePullRequest(repo, 3);

    List<PullRequest> pulls =
        new GiteaForgeClient(gitea.apiUrl(), gitea.token())
            .listOpenPullRequests(forgeRepository(repo));
    assertThat(pulls).hasSize(count - 1);
    assertThat(pulls).extracting(PullRequest::number).doesNotHaveDuplicates().doesNotContain(3);
    PullRequest seven = pulls.stream().filter(p -> p.number() == 7).findFirst().orElseThrow();
    assertThat(seven.labels()).containsExactly("preview");
    assertThat(seven.headRef()).isEqualTo("feature-7");
    assertThat(seven.baseRef()).isEqualTo("main");
    assertThat(seven.fromFork()).isFalse();
    assertThat(seven.headSha()).isEqualTo(gitea.headCommit(repo, "feature-7"));
  }

  @Test
  void acceptsOnlyWebhooksSignedWithTheSourcesSecret() throws Exception {
    String repo = gitea.createRepository("hooked");
    BlockingQueue<PushEvent> pushes = new LinkedBlockingQueue<>();
    BlockingQueue<PullRequestEvent> pulls = new LinkedBlockingQueue<>();
    WebhookTargets targets = new WebhookTargets();
    targets.put(new WebhookTarget("demo/hooked", gitea.cloneUrl(repo), "right-secret"));
    WebhookHandler handler =
        new WebhookHandler(
            targets,
            new WebhookListener() {
              @Override
              public void onPush(PushEvent event, List<WebhookTarget> matched) {
                pushes.add(event);
              }

              @Override
              public void onPullRequest(PullRequestEvent event, List<WebhookTarget> matched) {
                pulls.add(event);
              }
            });
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hooks/", new JdkWebhookHttpHandler(handler));
    server.start();
    try {
      String hookUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/gitea";
      gitea.createWebhook(repo, hookUrl, "right-secret");
      gitea.createWebhook(repo, hookUrl, "wrong-secret");

      WorkingCopy work = WorkingCopy.cloneOf(gitea.authenticatedCloneUrl(repo));
      String sha = work.write("apps/web/manifest.yml", "applications: []\n").commit("add web");
      work.push("main");

      PushEvent push = pushes.poll(30, TimeUnit.SECONDS);
      assertThat(push).isNotNull();
      assertThat(push.afterSha()).isEqualTo(sha);
      assertThat(push.branch()).isEqualTo("main");
      // the delivery signed with the wrong secret was answered 401 and produced nothing
      assertThat(pushes.poll(3, TimeUnit.SECONDS)).isNull();

      work.git("checkout", "-q", "-b", "feature");
      String head = work.write("apps/web/manifest.yml", "applications: [x]\n").commit("change");
      work.push("feature");
      long number = gitea.createPullRequest(repo, "feature", "main", "change web");
      PullRequestEvent opened = pulls.poll(30, TimeUnit.SECONDS);
      assertThat(opened).isNotNull();
      assertThat(opened.number()).isEqualTo((int) number);
      assertThat(opened.headSha()).isEqualTo(head);
      assertThat(opened.baseRef()).isEqualTo("main");
      assertThat(opened.fromFork()).isFalse();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void pollsAPrivateRepositoryWithAToken() throws Exception {
    String repo = gitea.createRepository("private-apps");
    gitea.api("PATCH", "/repos/" + repo, Map.of("private", true));
    String sha = gitea.headCommit(repo, "main");
    RepositoryMetrics metrics = new RepositoryMetrics();
    RepositorySource withToken =
        new RepositorySource(
            gitea.cloneUrl(repo),
            "main",
            Set.of(),
            GitCredentials.token(gitea.token()),
            Duration.ofMinutes(1));
    try (GitPoller poller = new GitPoller(withToken, cache, metrics)) {
      Snapshot snapshot = ((PollResult.Changed) poller.poll()).snapshot();
      assertThat(snapshot.sha()).isEqualTo(sha);
      assertThat(snapshot.files()).containsKey("README.md");
      assertThat(poller.poll()).isEqualTo(new PollResult.Unchanged(sha));
    }
    RepositorySource wrongToken =
        new RepositorySource(
            gitea.cloneUrl(repo),
            "main",
            Set.of(),
            GitCredentials.token("0123456789abcdef0123456789abcdef01234567"),
            Duration.ofMinutes(1));
    try (GitPoller poller = new GitPoller(wrongToken, cache, metrics)) {
      assertThatThrownBy(poller::poll)
          .isInstanceOf(GitAuthenticationException.class)
          .hasMessageNotContaining("0123456789abcdef");
    }
  }
}
