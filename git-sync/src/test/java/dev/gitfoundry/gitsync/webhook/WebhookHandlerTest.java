package dev.gitfoundry.gitsync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookHandlerTest {
  private final List<PushEvent> pushes = new ArrayList<>();
  private final List<PullRequestEvent> pulls = new ArrayList<>();
  private final List<List<WebhookTarget>> targetsSeen = new ArrayList<>();
  private final WebhookTargets targets = new WebhookTargets();
  private WebhookHandler handler;
  private final byte[] push =
      Payloads.push("https://git.example.com/acme/apps.git", "refs/heads/main", "a".repeat(40));

  @BeforeEach
  void setUp() {
    // the source is configured with the SSH form: matching must normalize
    targets.put(new WebhookTarget("prod/apps", "git@git.example.com:Acme/apps.git", "s3cret"));
    targets.put(new WebhookTarget("staging/apps", "https://git.example.com/acme/apps", "other"));
    targets.put(new WebhookTarget("prod/infra", "https://git.example.com/acme/infra", "s3cret"));
    handler =
        new WebhookHandler(
            targets,
            new WebhookListener() {
              @Override
              public void onPush(PushEvent event, List<WebhookTarget> matched) {
                pushes.add(event);
                targetsSeen.add(matched);
              }

              @Override
              public void onPullRequest(PullRequestEvent event, List<WebhookTarget> matched) {
                pulls.add(event);
                targetsSeen.add(matched);
              }
            },
            4096);
  }

  private WebhookResponse gitea(String event, byte[] body, String signature) {
    Map<String, String> headers =
        signature == null
            ? Map.of("X-Gitea-Event", event)
            : Map.of("x-gitea-event", event, "X-GITEA-SIGNATURE", signature);
    return handler.handle(new WebhookRequest("POST", "/hooks/gitea", headers, body));
  }

  @Test
  void validGiteaPushReachesOnlyTheSourcesWhoseSecretSignedIt() {
    WebhookResponse response = gitea("push", push, WebhookSignatures.giteaHeader("s3cret", push));
    assertThat(response.status()).isEqualTo(200);
    assertThat(pushes).hasSize(1);
    assertThat(targetsSeen.get(0)).extracting(WebhookTarget::name).containsExactly("prod/apps");
  }

  @Test
  void validGitHubPullRequestIsParsed() {
    byte[] body = Payloads.pullRequest("opened", 7, "{\"name\":\"preview\"}");
    WebhookResponse response =
        handler.handle(
            new WebhookRequest(
                "POST",
                "/hooks/github",
                Map.of(
                    "X-GitHub-Event",
                    "pull_request",
                    "X-Hub-Signature-256",
                    WebhookSignatures.gitHubHeader("other", body)),
                body));
    assertThat(response.status()).isEqualTo(200);
    assertThat(pulls)
        .singleElement()
        .extracting(PullRequestEvent::labels)
        .isEqualTo(List.of("preview"));
    assertThat(targetsSeen.get(0)).extracting(WebhookTarget::name).containsExactly("staging/apps");
  }

  @Test
  void missingOrWrongSignaturesAre401AndChangeNothing() {
    assertThat(gitea("push", push, null).status()).isEqualTo(401);
    assertThat(gitea("push", push, WebhookSignatures.giteaHeader("wrong", push)).status())
        .isEqualTo(401);
    assertThat(gitea("push", push, "sha256=" + "0".repeat(64)).status()).isEqualTo(401);
    byte[] unknownRepo =
        ("{\"ref\":\"refs/heads/main\",\"after\":\""
                + "a".repeat(40)
                + "\","
                + "\"repository\":{\"clone_url\":\"https://elsewhere.example/x/y.git\"}}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(
            gitea("push", unknownRepo, WebhookSignatures.giteaHeader("s3cret", unknownRepo))
                .status())
        .isEqualTo(401);
    // a GitHub-style header on the Gitea path is not accepted either
    WebhookResponse wrongHeader =
        handler.handle(
            new WebhookRequest(
                "POST",
                "/hooks/gitea",
                Map.of(
                    "X-Gitea-Event",
                    "push",
                    "X-Hub-Signature-256",
                    WebhookSignatures.gitHubHeader("s3cret", push)),
                push));
    assertThat(wrongHeader.status()).isEqualTo(401);
    assertThat(pushes).isEmpty();
  }

  @Test
  void oversizedPayloadsAre413() {
    byte[] big = new byte[4097];
    assertThat(gitea("push", big, WebhookSignatures.giteaHeader("s3cret", big)).status())
        .isEqualTo(413);
    assertThat(pushes).isEmpty();
  }

  @Test
  void otherEventsAre202Ignored() {
    byte[] ping =
        "{\"zen\":\"hi\",\"repository\":{\"clone_url\":\"https://git.example.com/acme/apps.git\"}}"
            .getBytes();
    WebhookResponse response = gitea("ping", ping, WebhookSignatures.giteaHeader("s3cret", ping));
    assertThat(response.status()).isEqualTo(202);
    assertThat(pushes).isEmpty();
  }

  @Test
  void wrongMethodOrPath() {
    assertThat(
            handler
                .handle(new WebhookRequest("GET", "/hooks/gitea", Map.of(), new byte[0]))
                .status())
        .isEqualTo(405);
    assertThat(
            handler
                .handle(new WebhookRequest("POST", "/hooks/gitlab", Map.of(), new byte[0]))
                .status())
        .isEqualTo(404);
  }

  @Test
  void jdkAdapterServesTheHandlerAndCapsTheBody() throws IOException, InterruptedException {
    var server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hooks/", new JdkWebhookHttpHandler(handler));
    server.start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/gitea");
      HttpResponse<String> ok =
          client.send(
              HttpRequest.newBuilder(uri)
                  .header("X-Gitea-Event", "push")
                  .header("X-Gitea-Signature", WebhookSignatures.giteaHeader("s3cret", push))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(push))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      HttpResponse<String> tooBig =
          client.send(
              HttpRequest.newBuilder(uri)
                  .header("X-Gitea-Event", "push")
                  .header("X-Gitea-Signature", "00")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10_000]))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(tooBig.statusCode()).isEqualTo(413);
      assertThat(pushes).hasSize(1);
    } finally {
      server.stop(0);
    }
  }
}
