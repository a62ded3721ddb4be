package dev.gitfoundry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What must survive: the Git server going away for several poll intervals deletes nothing, is
 * reported by one Event (not one per poll), and the source recovers when it comes back; an operator
 * restart converges to the newest commit without posting any status twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceE2E {
  private static final Duration LOOP = Duration.ofMinutes(3);
  private static final String MANIFEST = "resilience/dev/hello/manifest.yml";
  private static final String SPACE = "resilience-dev";
  private static KubernetesClient client;
  private static GiteaServer gitea;
  private static TcpProxy gitServer;
  private static GitfoundryOperator operator;
  private static GitWorkingCopy repository;
  private static String namespace;
  private static String repo;

  @BeforeAll
  static void start() throws Exception {
    KubeCluster cluster = KubeCluster.shared();
    gitea = GiteaServer.shared();
    client = cluster.client();
    namespace = cluster.createNamespace("resilience");
    repo = gitea.createRepository("resilience-" + System.nanoTime());
    gitServer = new TcpProxy(URI.create(gitea.baseUrl()).getPort());
    operator = startOperator();
    GiteaSources.createSecret(client, namespace, gitea, null);
    repository = GitWorkingCopy.clone(gitea, repo);
    // Its own org and space: the shared cluster also runs other tests' apps.
    String sha =
        repository
            .write("foundation.yml", "domains: [apps.127.0.0.1.nip.io]\n")
            .write(MANIFEST, helloManifest("hello"))
            .commitAndPush("hello");
    client.resource(gitSource()).create();
    awaitState(sha, "success");
  }

  @AfterAll
  static void stop() throws Exception {
    if (operator != null) {
      operator.close();
    }
    if (gitServer != null) {
      gitServer.close();
    }
    if (repository != null) {
      repository.close();
    }
  }

  @Test
  @Order(1)
  void anUnreachableGitServerDeletesNothingAndTheSourceRecovers() throws Exception {
    gitServer.stop();
    Await.until(
        "the source reports the failed fetch", LOOP, () -> "FetchFailed".equals(readyReason()));
    Thread.sleep(8_000); // several more 2 s poll intervals without Git
    StatefulSet web = client.apps().statefulSets().inNamespace(SPACE).withName("hello-web").get();
    assertThat(web).as("the running app is kept").isNotNull();
    assertThat(web.getSpec().getReplicas()).isEqualTo(2);
    // hello's CFApp, CFRoute and env Secret; the CFOrg, CFSpace and their two Namespaces
    assertThat(
            source().getStatus().getInventory().stream().mapToInt(e -> e.getNames().size()).sum())
        .isEqualTo(7);
    assertThat(
            client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> "GitSource".equals(e.getInvolvedObject().getKind()))
                .filter(e -> "FetchFailed".equals(e.getReason()))
                .map(e -> e.getType())
                .toList())
        .as("one Warning Event for the outage, not one per failed poll")
        .containsExactly("Warning");

    gitServer.start();
    String sha =
        repository.write(MANIFEST, helloManifest("back")).commitAndPush("the Git server is back");
    awaitState(sha, "success");
    // A poll on a connection pooled before the outage may still fail once; the next one recovers.
    Await.until("the source is Ready again", LOOP, () -> "Succeeded".equals(readyReason()));
  }

  @Test
  @Order(2)
  void aRestartedOperatorConvergesWithoutPostingTwice() throws Exception {
    operator.close();
    String sha = repository.write(MANIFEST, helloManifest("restarted")).commitAndPush("while down");
    operator = startOperator();
    awaitState(sha, "success");
    for (String commit : List.of(sha)) {
      Map<String, Long> posted = GiteaSources.postedCounts(gitea, repo, commit);
      assertThat(posted)
          .as("statuses on " + commit)
          .allSatisfy((status, count) -> assertThat(count).as(status).isEqualTo(1));
    }
  }

  private static GitfoundryOperator startOperator() throws Exception {
    GitfoundryOperator started =
        new GitfoundryOperator(
            client,
            OperatorConfig.defaults(),
            Files.createTempDirectory("git-cache"),
            new InetSocketAddress("127.0.0.1", 0),
            Clock.systemUTC());
    started.start();
    return started;
  }

  private static String helloManifest(String greeting) {
    return "applications:\n- name: hello\n  docker: {image: hashicorp/http-echo:1.0}\n  instances: 2\n"
        + "  memory: 64M\n  env: {GREETING: "
        + greeting
        + "}\n";
  }

  private static GitSource gitSource() {
    // Through the proxy, so that the test can take the Git server away.
    String url =
        "http://127.0.0.1:" + gitServer.port() + URI.create(gitea.cloneUrl(repo)).getPath();
    return GiteaSources.gitSource(namespace, "hello", url, gitea, "2s", false);
  }

  private static GitSource source() {
    return client.resources(GitSource.class).inNamespace(namespace).withName("hello").get();
  }

  private static String readyReason() {
    GitSource source = source();
    return source == null || source.getStatus() == null
        ? null
        : Conditions.get(source.getStatus(), Conditions.READY).map(c -> c.getReason()).orElse(null);
  }

  private static void awaitState(String sha, String state) {
    GiteaSources.awaitState(gitea, repo, sha, state, LOOP);
  }
}
