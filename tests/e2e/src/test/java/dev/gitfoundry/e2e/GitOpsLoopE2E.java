package dev.gitfoundry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole loop on real components: a push to Gitea becomes running Pods on a real control plane
 * and a commit status on the commit (and Events on the GitSource); a broken push fails with
 * file:line and changes nothing; a removed app is pruned. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GitOpsLoopE2E {
  private static final Duration LOOP = Duration.ofMinutes(3);
  private static KubeCluster cluster;
  private static GiteaServer gitea;
  private static KubernetesClient client;
  private static GitfoundryOperator operator;
  private static GitWorkingCopy repository;
  private static String namespace;
  private static String repo;

  @BeforeAll
  static void start() throws Exception {
    cluster = KubeCluster.shared();
    gitea = GiteaServer.shared();
    client = cluster.client();
    namespace = cluster.createNamespace("loop");
    repo = gitea.createRepository("loop-" + System.nanoTime());
    operator = InProcessOperator.start(client);
    InProcessOperator.hook(gitea, repo, operator, "hook-secret");
    GiteaSources.createSecret(client, namespace, gitea, "hook-secret");
    repository = GitWorkingCopy.clone(gitea, repo);
  }

  @AfterAll
  static void stop() throws Exception {
    if (operator != null) {
      operator.close();
    }
    if (repository != null) {
      repository.close();
    }
  }

  @Test
  @Order(1)
  void aPushBecomesRunningPodsAndASuccessStatus() throws Exception {
    Path hello = projectRoot().resolve("examples/repos/hello");
    String sha = repository.replaceWith(hello).commitAndPush("hello app");
    long start = System.nanoTime();
    client.resource(gitSource()).create();

    awaitState(sha, "success");
    System.out.printf("push -> success: %.1f s%n", (System.nanoTime() - start) / 1e9);
    List<Pod> pods =
        client
            .pods()
            .inNamespace("demo-dev")
            .withLabel("gitfoundry.dev/process-type", "web")
            .list()
            .getItems();
    assertThat(pods).hasSize(2).allMatch(p -> "Running".equals(p.getStatus().getPhase()));
    JsonNode status = latest(sha);
    assertThat(status.get("description").asText()).isEqualTo("1/1 apps running");
    assertThat(status.get("target_url").asText())
        .contains("/status/" + namespace + "/hello/" + sha);
    assertThat(statusPage(sha)).contains("\"ready\" : true");
    awaitEvent("Normal", "Applied", "applied main@sha1:" + sha + ": ");
    awaitEvent("Normal", "Succeeded", "1/1 apps running at main@sha1:" + sha);
  }

  @Test
  @Order(2)
  void aBrokenPushFailsWithFileAndLineAndChangesNothing() throws Exception {
    String sha =
        repository
            .write(
                "demo/dev/hello/manifest.yml",
                "applications:\n- name: hello\n  memory: 1X\n  docker: {image: busybox}\n")
            .commitAndPush("break it");
    awaitState(sha, "failure");
    assertThat(latest(sha).get("description").asText())
        .startsWith(
            "demo/dev/hello/manifest.yml:3:11 For application 'hello': Process \"web\": Memory must use a supported unit");
    awaitEvent("Warning", "CompileFailed", sha + ": demo/dev/hello/manifest.yml:3:11 ");
    StatefulSet web =
        client.apps().statefulSets().inNamespace("demo-dev").withName("hello-web").get();
    assertThat(web).isNotNull();
    assertThat(web.getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  @Order(3)
  void aRemovedAppIsPruned() throws Exception {
    String sha =
        repository
            .write(
                "demo/dev/other/manifest.yml",
                "applications:\n- name: other\n  docker: {image: busybox}\n  no-route: true\n  health-check-type: process\n")
            .remove("demo/dev/hello")
            .commitAndPush("replace hello by other");
    awaitState(sha, "success");
    Await.until(
        "hello's objects pruned",
        LOOP,
        () ->
            client.apps().statefulSets().inNamespace("demo-dev").withName("hello-web").get() == null
                && client.secrets().inNamespace("demo-dev").withName("hello-env").get() == null
                && client.services().inNamespace("demo-dev").withName("hello").get() == null);
  }

  @Test
  @Order(4)
  void changingOneAppsEnvRollsOnlyThatApp() throws Exception {
    repository.write(
        "demo/dev/steady/manifest.yml",
        "applications:\n- name: steady\n  docker: {image: busybox}\n  no-route: true\n  health-check-type: process\n");
    awaitState(repository.commitAndPush("add steady"), "success");
    long steadyBefore = statefulSet("steady-web").getMetadata().getGeneration();
    long otherBefore = statefulSet("other-web").getMetadata().getGeneration();

    String sha =
        repository
            .write(
                "demo/dev/other/manifest.yml",
                "applications:\n- name: other\n  docker: {image: busybox}\n  no-route: true\n"
                    + "  health-check-type: process\n  env: {GREETING: changed}\n")
            .commitAndPush("change other's env");
    awaitState(sha, "success");
    Await.until(
        "other's StatefulSet rolls",
        LOOP,
        () -> statefulSet("other-web").getMetadata().getGeneration() > otherBefore);
    assertThat(statefulSet("steady-web").getMetadata().getGeneration()).isEqualTo(steadyBefore);
  }

  /** As {@code kubectl patch --type=json}: no resourceVersion, so no conflict with the operator. */
  private static final String REPLACE_INSTANCES =
      "[{\"op\":\"replace\",\"path\":\"%s\",\"value\":%d}]";

  @Test
  @Order(5)
  void editsByHandAreSetBack() {
    client
        .apps()
        .statefulSets()
        .inNamespace("demo-dev")
        .withName("steady-web")
        .patch(PatchContext.of(PatchType.JSON), REPLACE_INSTANCES.formatted("/spec/replicas", 3));
    Await.until(
        "the StatefulSet scaled by hand is set back to 1 replica",
        LOOP,
        () -> statefulSet("steady-web").getSpec().getReplicas() == 1);

    client
        .resources(CFApp.class)
        .inNamespace("demo-dev")
        .withName("steady")
        .patch(
            PatchContext.of(PatchType.JSON),
            REPLACE_INSTANCES.formatted("/spec/processes/0/instances", 4));
    Await.until(
        "the CFApp edited by hand is set back from Git",
        LOOP,
        () -> {
          CFApp app =
              client.resources(CFApp.class).inNamespace("demo-dev").withName("steady").get();
          return app.getSpec().getProcesses().get(0).getInstances() == 1
              && statefulSet("steady-web").getSpec().getReplicas() == 1;
        });
    awaitEvent("Warning", "DriftCorrected", "changed outside Git");
  }

  /** The controllers the operator registers, as JOSDK names them. */
  private static final List<String> CONTROLLERS =
      List.of(
          "gitsource",
          "gitsource-previews",
          "cforgreconciler",
          "cfspacereconciler",
          "cfappreconciler",
          "cfroutereconciler");

  private static final List<String> STAGES =
      List.of("compile", "plan", "dry-run", "apply", "prune", "health");

  @Test
  @Order(6)
  void metricsShowTheLoopAndNothingSecret() throws Exception {
    assertThat(operator.metricsPort()).isNotEqualTo(operator.httpPort());
    // The public port (what an Ingress routes) does not serve it: the CF API answers it as any
    // path it does not know, 401 without credentials (a path's existence is not told to anonymous
    // callers), 404 with them.
    HttpResponse<String> publicPort = get(operator.httpPort(), "/metrics");
    assertThat(publicPort.statusCode()).as("/metrics on the public port").isEqualTo(401);
    assertThat(publicPort.body()).contains("CF-NotAuthenticated").doesNotContain("gitfoundry_");
    HttpResponse<String> response = get(operator.metricsPort(), "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    PrometheusText metrics = new PrometheusText(response.body());

    // JOSDK, per controller
    for (String controller : CONTROLLERS) {
      assertThat(metrics.of("operator_sdk_reconciliations_queue_size", "controller", controller))
          .as("queue gauge of " + controller)
          .singleElement()
          .satisfies(s -> assertThat(s.value()).isNotNegative());
      assertThat(metrics.of("operator_sdk_reconciliations_executions", "controller", controller))
          .as("executions gauge of " + controller)
          .singleElement()
          .satisfies(s -> assertThat(s.value()).isNotNegative());
    }
    for (String controller : List.of("gitsource", "cfappreconciler")) {
      assertThat(
              metrics.sum("operator_sdk_reconciliations_started_total", "controller", controller))
          .isPositive();
      assertThat(
              metrics.sum("operator_sdk_reconciliations_success_total", "controller", controller))
          .isPositive();
      assertThat(metrics.sum("operator_sdk_events_received_total", "controller", controller))
          .isPositive();
      double reconciles =
          metrics.sum(
              "operator_sdk_controllers_execution_reconcile_seconds_count",
              "controller",
              controller);
      assertThat(reconciles).isPositive();
      assertThat(
              metrics.sum(
                  "operator_sdk_controllers_execution_reconcile_seconds_bucket",
                  "controller",
                  controller,
                  "le",
                  "+Inf"))
          .isEqualTo(reconciles);
    }

    // Delivery stages of this source's branch; health once per applied revision at least
    String source = namespace + "/hello";
    for (String stage : STAGES) {
      String[] labels = {"kind", "branch", "source", source, "stage", stage};
      double count = metrics.sum("gitfoundry_delivery_stage_duration_seconds_count", labels);
      double seconds = metrics.sum("gitfoundry_delivery_stage_duration_seconds_sum", labels);
      assertThat(count).as(stage + " count").isGreaterThanOrEqualTo(1);
      assertThat(seconds).as(stage + " seconds").isPositive().isLessThan(LOOP.toSeconds() * count);
    }
    assertThat(
            metrics.sum(
                "gitfoundry_delivery_stage_duration_seconds_count",
                "source",
                source,
                "stage",
                "health"))
        .as("a success for each of the four applied revisions")
        .isGreaterThanOrEqualTo(4);
    assertThat(
            metrics.sum("gitfoundry_delivery_objects_total", "source", source, "action", "written"))
        .isPositive();
    assertThat(
            metrics.sum("gitfoundry_delivery_objects_total", "source", source, "action", "pruned"))
        .as("hello's objects")
        .isGreaterThanOrEqualTo(3);

    // Git: five pushes, five fetches
    String[] git = {"repository", "127.0.0.1/" + repo.toLowerCase(Locale.ROOT), "branch", "main"};
    double fetches = metrics.sum("gitfoundry_git_fetches_total", git);
    assertThat(fetches).isGreaterThanOrEqualTo(5);
    assertThat(metrics.sum("gitfoundry_git_polls_total", git)).isGreaterThanOrEqualTo(fetches);
    assertThat(metrics.sum("gitfoundry_git_ls_remotes_total", git)).isGreaterThanOrEqualTo(fetches);
    assertThat(metrics.sum("gitfoundry_git_fetched_bytes_total", git)).isPositive();
    assertThat(metrics.sum("gitfoundry_git_failures_total", git)).isZero();
    assertThat(metrics.sum("gitfoundry_git_fetch_duration_seconds_count", git)).isEqualTo(fetches);
    assertThat(metrics.sum("gitfoundry_git_fetch_duration_seconds_sum", git)).isPositive();
    double lastSuccess = metrics.sum("gitfoundry_git_last_success_timestamp_seconds", git);
    assertThat(lastSuccess)
        .isBetween(
            Instant.now().minus(LOOP).getEpochSecond() * 1.0, Instant.now().getEpochSecond() + 1.0);
    assertThat(metrics.sum("gitfoundry_leader")).isEqualTo(1);

    // The JVM, the process, the HTTP server
    assertThat(metrics.sum("jvm_memory_used_bytes", "area", "heap")).isPositive();
    assertThat(metrics.sum("jvm_threads_live_threads")).isPositive();
    assertThat(metrics.sum("jvm_classes_loaded_classes")).isPositive();
    assertThat(metrics.of("jvm_gc_memory_allocated_bytes_total")).isNotEmpty();
    assertThat(metrics.of("process_cpu_usage")).isNotEmpty();
    assertThat(metrics.sum("process_uptime_seconds")).isPositive();
    assertThat(
            metrics.sum(
                "http_server_requests_seconds_count", "method", "POST", "uri", "/hooks/gitea"))
        .as("Gitea's push webhooks")
        .isGreaterThanOrEqualTo(1);
    assertThat(
            metrics.sum(
                "http_server_requests_seconds_count",
                "uri",
                "/status/{namespace}/{source}/{sha}",
                "status",
                "200"))
        .isGreaterThanOrEqualTo(1);

    // What an anonymous caller learns: no sha, no raw path, no credential
    assertThat(metrics.samples)
        .allSatisfy(
            s ->
                assertThat(s.labels().values())
                    .noneMatch(v -> v.matches(".*[0-9a-f]{40}.*") || v.contains("@")));
    assertThat(response.body()).doesNotContain(gitea.token(), "hook-secret");
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** Waits for an Event on the GitSource, as {@code kubectl describe gitsource} lists them. */
  private static void awaitEvent(String type, String reason, String messagePart) {
    Await.until(
        type + " " + reason + " event on the GitSource",
        LOOP,
        () ->
            client.v1().events().inNamespace(namespace).list().getItems().stream()
                .anyMatch(
                    e ->
                        "GitSource".equals(e.getInvolvedObject().getKind())
                            && "hello".equals(e.getInvolvedObject().getName())
                            && type.equals(e.getType())
                            && reason.equals(e.getReason())
                            && e.getMessage().contains(messagePart)));
  }

  private static StatefulSet statefulSet(String name) {
    return client.apps().statefulSets().inNamespace("demo-dev").withName(name).get();
  }

  private static GitSource gitSource() {
    return GiteaSources.gitSource(namespace, "hello", gitea.cloneUrl(repo), gitea, "5s", true);
  }

  /** Waits for a commit state; on timeout, says what the cluster looked like. */
  private static void awaitState(String sha, String state) {
    try {
      Await.until(
          "commit status " + state + " on " + sha, LOOP, () -> state.equals(latestState(sha)));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          e.getMessage()
              + "\nlatest status: "
              + latest(sha)
              + "\nGitSource: "
              + client
                  .getKubernetesSerialization()
                  .asYaml(
                      client
                          .resources(GitSource.class)
                          .inNamespace(namespace)
                          .withName("hello")
                          .get()
                          .getStatus())
              + "\nCFApps: "
              + client
                  .getKubernetesSerialization()
                  .asYaml(
                      client
                          .resources(dev.gitfoundry.api.v1alpha1.CFApp.class)
                          .inAnyNamespace()
                          .list()
                          .getItems()
                          .stream()
                          .toList()),
          e);
    }
  }

  private static String latestState(String sha) {
    JsonNode latest = latest(sha);
    return latest == null ? null : latest.get("status").asText();
  }

  private static JsonNode latest(String sha) {
    return GiteaSources.latestStatus(gitea, repo, sha);
  }

  private static String statusPage(String sha) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + operator.httpPort()
                        + "/status/"
                        + namespace
                        + "/hello/"
                        + sha))
            .header("Accept", "application/json")
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples/repos"))) {
        return dir;
      }
    }
    throw new IllegalStateException("examples/repos not found");
  }
}
