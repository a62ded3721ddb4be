package dev.gitfoundry.e2e.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFSpace;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.api.v1alpha1.PreviewStatus;
import dev.gitfoundry.testing.Await;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Pull-request previews on real components (control plane with kwok, Gitea, webhooks): a pull
 * request that changes one app gets that app alone in {@code preview-dev-pr-<n>}, running, with a
 * {@code success} status linking to it; a push updates it; a second pull request waits under {@code
 * maxOpen: 1}; closing deletes everything; a broken manifest fails on the pull request's head and
 * leaves main alone. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PullRequestPreviewE2E {
  private static final Duration LOOP = Duration.ofMinutes(3);
  private static final String SOURCE = "previews";
  private static PreviewLoop loop;
  private static int first;
  private static int second;
  private static String mainSha;

  @BeforeAll
  static void start() throws Exception {
    loop = PreviewLoop.start("preview");
    Map<String, String> files = new LinkedHashMap<>();
    files.put("foundation.yml", "domains:\n  - " + PreviewLoop.DOMAIN + "\n");
    files.put("preview/dev/hello/manifest.yml", hello("hello"));
    files.put(
        "preview/dev/steady/manifest.yml",
        "applications:\n- name: steady\n  docker: {image: busybox}\n  no-route: true\n"
            + "  health-check-type: process\n");
    mainSha = loop.push("main", "two apps", files);
    loop.createSource(SOURCE, 1);
    loop.awaitState(mainSha, "gitfoundry", "success", LOOP);
  }

  @AfterAll
  static void stop() throws Exception {
    if (loop != null) {
      loop.close();
    }
  }

  @Test
  @Order(1)
  void aPullRequestChangingOneAppPreviewsOnlyThatApp() throws Exception {
    String sha =
        loop.push(
            "change-hello",
            "greet differently",
            Map.of("preview/dev/hello/manifest.yml", hello("hi from the preview")));
    long opened = System.nanoTime();
    first = loop.openPullRequest("change-hello", "Greet differently");
    loop.awaitState(sha, PreviewLoop.PREVIEW_CONTEXT, "success", LOOP);
    System.out.printf(
        "PR opened -> preview success (webhooks): %.1f s%n", (System.nanoTime() - opened) / 1e9);

    String previewNamespace = "preview-dev-pr-" + first;
    var status = loop.latest(sha, PreviewLoop.PREVIEW_CONTEXT);
    assertThat(status.get("target_url").asText())
        .isEqualTo("http://hello-pr-" + first + "." + PreviewLoop.DOMAIN);
    assertThat(status.get("description").asText()).contains("hello");

    Namespace namespace = loop.client.namespaces().withName(previewNamespace).get();
    assertThat(namespace.getMetadata().getLabels())
        .containsEntry("gitfoundry.dev/pull-request", Integer.toString(first))
        .containsEntry("gitfoundry.dev/preview-source", SOURCE)
        .containsEntry("gitfoundry.dev/preview-source-namespace", loop.namespace);
    List<CFApp> apps =
        loop.client.resources(CFApp.class).inNamespace(previewNamespace).list().getItems();
    assertThat(apps).extracting(a -> a.getMetadata().getName()).containsExactly("hello");
    List<Pod> pods = loop.client.pods().inNamespace(previewNamespace).list().getItems();
    assertThat(pods).isNotEmpty().allMatch(p -> "Running".equals(p.getStatus().getPhase()));
    assertThat(loop.client.apps().statefulSets().inNamespace(previewNamespace).list().getItems())
        .extracting(d -> d.getMetadata().getName())
        .containsExactly("hello-web");
    // main keeps running its own two apps, untouched
    assertThat(loop.client.resources(CFApp.class).inNamespace("preview-dev").list().getItems())
        .hasSize(2);
    assertThat(envValue("preview-dev", "GREETING")).isEqualTo("hello");
    Await.until(
        "status.previews lists #" + first,
        LOOP,
        () ->
            previews().stream()
                .anyMatch(p -> p.getNumber() == first && sha.equals(p.getHeadSha())));
    Await.until(
        "the comment says the preview runs", LOOP, () -> comment(first).contains("**Running**"));
    assertThat(loop.comments(first)).hasSize(1);
    assertThat(comment(first))
        .contains("http://hello-pr-" + first + "." + PreviewLoop.DOMAIN)
        .contains("| hello | preview / dev | changed: `env.GREETING` changed |")
        .contains(sha.substring(0, 12))
        .doesNotContain("hi from the preview"); // env values are never shown
  }

  @Test
  @Order(2)
  void anotherPushUpdatesThePreviewAndItsOneCommentInPlaceAcrossARestart() throws Exception {
    long commentId = loop.comments(first).get(0).get("id").asLong();
    loop.restartOperator();
    String sha =
        loop.push(
            "change-hello",
            "greet once more",
            Map.of("preview/dev/hello/manifest.yml", hello("second push")));
    loop.awaitState(sha, PreviewLoop.PREVIEW_CONTEXT, "success", LOOP);
    assertThat(envValue("preview-dev-pr-" + first, "GREETING")).isEqualTo("second push");
    Await.until(
        "status.previews follows the new head",
        LOOP,
        () ->
            previews().stream()
                .anyMatch(p -> p.getNumber() == first && sha.equals(p.getHeadSha())));
    Await.until(
        "the comment follows the new head",
        LOOP,
        () -> comment(first).contains(sha.substring(0, 12)));
    assertThat(loop.comments(first))
        .as("one comment per pull request, edited in place, also after a restart")
        .hasSize(1)
        .allMatch(c -> c.get("id").asLong() == commentId);
  }

  @Test
  @Order(3)
  void maxOpenMakesFurtherPullRequestsWait() throws Exception {
    String sha =
        loop.push(
            "change-steady",
            "steady gets env",
            Map.of(
                "preview/dev/steady/manifest.yml",
                "applications:\n- name: steady\n  docker: {image: busybox}\n  no-route: true\n"
                    + "  health-check-type: process\n  env: {MODE: preview}\n"));
    second = loop.openPullRequest("change-steady", "Steady env");
    loop.awaitState(sha, PreviewLoop.PREVIEW_CONTEXT, "error", LOOP);
    assertThat(loop.latest(sha, PreviewLoop.PREVIEW_CONTEXT).get("description").asText())
        .contains("preview limit reached");
    assertThat(loop.client.namespaces().withName("preview-dev-pr-" + second).get()).isNull();
  }

  @Test
  @Order(4)
  void closingDeletesEverythingAndFreesTheSlot() throws Exception {
    loop.closePullRequest(first);
    Await.until("the preview of #" + first + " is gone", LOOP, () -> nothingLeftOf(first));
    Await.until(
        "status.previews forgets #" + first,
        LOOP,
        () -> previews().stream().noneMatch(p -> p.getNumber() == first));
    assertThat(loop.comments(first)).hasSize(1);
    assertThat(comment(first)).contains("**Preview removed**", "the pull request was closed");

    // The freed slot goes to the waiting pull request.
    String secondSha = loop.gitea.headCommit(loop.repo, "change-steady");
    loop.awaitState(secondSha, PreviewLoop.PREVIEW_CONTEXT, "success", LOOP);
    assertThat(
            loop.client
                .resources(CFApp.class)
                .inNamespace("preview-dev-pr-" + second)
                .list()
                .getItems())
        .extracting(a -> a.getMetadata().getName())
        .containsExactly("steady");
    loop.closePullRequest(second);
    Await.until("the preview of #" + second + " is gone", LOOP, () -> nothingLeftOf(second));
  }

  @Test
  @Order(5)
  void aBrokenManifestFailsOnThePullRequestHeadAndMainIsUntouched() throws Exception {
    long mainGeneration = statefulSet("preview-dev", "hello-web").getMetadata().getGeneration();
    String sha =
        loop.push(
            "break-hello",
            "break it",
            Map.of(
                "preview/dev/hello/manifest.yml",
                "applications:\n- name: hello\n  memory: 1X\n  docker: {image: busybox}\n"));
    int broken = loop.openPullRequest("break-hello", "Broken");
    loop.awaitState(sha, PreviewLoop.PREVIEW_CONTEXT, "failure", LOOP);
    assertThat(loop.latest(sha, PreviewLoop.PREVIEW_CONTEXT).get("description").asText())
        .startsWith("preview/dev/hello/manifest.yml:3:11");
    assertThat(loop.client.namespaces().withName("preview-dev-pr-" + broken).get()).isNull();
    assertThat(statefulSet("preview-dev", "hello-web").getMetadata().getGeneration())
        .isEqualTo(mainGeneration);
    assertThat(loop.latestState(mainSha, "gitfoundry")).isEqualTo("success");
    assertThat(loop.latestState(sha, "gitfoundry")).isNull(); // main's loop never saw the PR
    Await.until(
        "the comment names the error", LOOP, () -> comment(broken).contains("Does not compile"));
    assertThat(comment(broken)).contains("`preview/dev/hello/manifest.yml:3:11`");
    loop.closePullRequest(broken);
  }

  @Test
  @Order(6)
  void aPullRequestFromAForkIsNotPreviewedAndTheStatusSaysWhy() throws Exception {
    // A second Gitea user forks the repository; the admin token acts for it through "sudo".
    String user = "forker" + (System.nanoTime() % 100_000);
    String password = "Fork-" + System.nanoTime();
    loop.gitea.api(
        "POST",
        "/admin/users",
        Map.of(
            "username",
            user,
            "email",
            user + "@example.com",
            "password",
            password,
            "must_change_password",
            false));
    String name = loop.repo.substring(loop.repo.indexOf('/') + 1);
    loop.gitea.api("POST", "/repos/" + loop.repo + "/forks?sudo=" + user, Map.of());
    String forkUrl =
        loop.gitea.baseUrl().replace("://", "://" + user + ":" + password + "@")
            + "/"
            + user
            + "/"
            + name
            + ".git";
    String sha =
        loop.pushTo(
            forkUrl,
            "from-fork",
            "fork changes hello",
            Map.of("preview/dev/hello/manifest.yml", hello("from a fork")));
    int number =
        loop.gitea
            .api(
                "POST",
                "/repos/" + loop.repo + "/pulls",
                Map.of("head", user + ":from-fork", "base", "main", "title", "From a fork"))
            .path("number")
            .asInt();
    loop.awaitState(sha, PreviewLoop.PREVIEW_CONTEXT, "error", LOOP);
    assertThat(loop.latest(sha, PreviewLoop.PREVIEW_CONTEXT).get("description").asText())
        .contains("forks");
    assertThat(loop.client.namespaces().withName("preview-dev-pr-" + number).get()).isNull();
    loop.closePullRequest(number);
  }

  @Test
  @Order(7)
  void aPreviewOlderThanItsTtlIsDeleted() throws Exception {
    loop.client
        .resources(GitSource.class)
        .inNamespace(loop.namespace)
        .withName(SOURCE)
        .edit(
            s -> {
              s.getSpec().getPreviews().setTtl("20s");
              return s;
            });
    String sha =
        loop.push(
            "ttl-hello", "short-lived", Map.of("preview/dev/hello/manifest.yml", hello("brief")));
    int number = loop.openPullRequest("ttl-hello", "Short-lived");
    loop.awaitState(sha, PreviewLoop.PREVIEW_CONTEXT, "success", LOOP);
    loop.awaitState(sha, PreviewLoop.PREVIEW_CONTEXT, "error", LOOP);
    assertThat(loop.latest(sha, PreviewLoop.PREVIEW_CONTEXT).get("description").asText())
        .contains("ttl");
    Await.until("the expired preview is gone", LOOP, () -> nothingLeftOf(number));
    Thread.sleep(5_000); // still open, yet not recreated until someone pushes
    assertThat(loop.client.namespaces().withName("preview-dev-pr-" + number).get()).isNull();
    loop.closePullRequest(number);
  }

  /** The body of Gitfoundry's comment on pull request {@code number} ("" while there is none). */
  private static String comment(int number) {
    return loop.comments(number).stream()
        .map(c -> c.get("body").asText())
        .filter(b -> b.startsWith("<!-- gitfoundry-preview"))
        .findFirst()
        .orElse("");
  }

  private static boolean nothingLeftOf(int number) {
    Map<String, String> labels = Map.of("gitfoundry.dev/pull-request", Integer.toString(number));
    return loop.client.namespaces().withName("preview-dev-pr-" + number).get() == null
        && loop.client.namespaces().withLabels(labels).list().getItems().isEmpty()
        && loop.client
            .resources(CFSpace.class)
            .inAnyNamespace()
            .withLabels(labels)
            .list()
            .getItems()
            .isEmpty()
        && loop.client
            .resources(CFApp.class)
            .inAnyNamespace()
            .withLabels(labels)
            .list()
            .getItems()
            .isEmpty();
  }

  private static List<PreviewStatus> previews() {
    GitSource source =
        loop.client.resources(GitSource.class).inNamespace(loop.namespace).withName(SOURCE).get();
    return source.getStatus() == null || source.getStatus().getPreviews() == null
        ? List.of()
        : source.getStatus().getPreviews();
  }

  private static StatefulSet statefulSet(String namespace, String name) {
    return loop.client.apps().statefulSets().inNamespace(namespace).withName(name).get();
  }

  private static String envValue(String namespace, String key) {
    Secret env = loop.client.secrets().inNamespace(namespace).withName("hello-env").get();
    String encoded = env.getData().get(key);
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  static String hello(String greeting) {
    return "applications:\n"
        + "- name: hello\n"
        + "  docker: {image: 'hashicorp/http-echo:1.0'}\n"
        + "  command: /http-echo -listen=:8080 -text=hello\n"
        + "  memory: 64M\n"
        + "  instances: 1\n"
        + "  health-check-type: http\n"
        + "  health-check-http-endpoint: /\n"
        + "  env:\n"
        + "    GREETING: '"
        + greeting
        + "'\n";
  }
}
