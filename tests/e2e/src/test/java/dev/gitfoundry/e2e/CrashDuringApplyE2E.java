package dev.gitfoundry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.CFRoute;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.operator.cli.GitfoundryCommand;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.FreePort;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import dev.gitfoundry.testing.ManagedProcess;
import dev.gitfoundry.testing.TempDir;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator as its own process, killed with SIGKILL in the middle of applying a commit (some of
 * its objects written, others not, nothing recorded) and started again: it converges to that
 * commit, and the commit carries each status exactly once, none missing.
 */
class CrashDuringApplyE2E {
  private static final Duration LOOP = Duration.ofMinutes(4);
  private static final int APPS = 120;

  /** Objects written before the kill: well into the apply, far from its end. */
  private static final int KILL_AFTER = 60;

  private static final String SPACE = "crash-dev";
  private static KubernetesClient client;
  private static GiteaServer gitea;
  private static KubeCluster cluster;
  private static TempDir work;
  private static GitWorkingCopy repository;
  private static String namespace;
  private static String repo;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    cluster = KubeCluster.shared();
    gitea = GiteaServer.shared();
    client = cluster.client();
    work = TempDir.create("crash");
    namespace = cluster.createNamespace("crash");
    repo = gitea.createRepository("crash-" + System.nanoTime());
    port = FreePort.find();
    GiteaSources.createSecret(client, namespace, gitea, null);
    repository = GitWorkingCopy.clone(gitea, repo);
  }

  @AfterAll
  static void stop() {
    if (repository != null) {
      repository.close();
    }
    if (work != null) {
      work.close();
    }
  }

  @Test
  void anOperatorKilledDuringAnApplyConvergesWithEveryStatusOnce() throws Exception {
    String sha =
        repository
            .write("foundation.yml", "domains: [apps.127.0.0.1.nip.io]\n")
            .write("crash/dev/apps/manifest.yml", manifest())
            .commitAndPush(APPS + " apps");
    ManagedProcess first = startOperator("operator-1");
    client
        .resource(
            GiteaSources.gitSource(namespace, "crash", gitea.cloneUrl(repo), gitea, "2s", false))
        .create();

    int expected = 2 * APPS; // a CFApp and its default CFRoute each
    int[] seen = new int[1];
    Await.until(
        "the apply to be under way",
        LOOP,
        () -> {
          first.checkAlive();
          seen[0] = written();
          return seen[0] >= KILL_AFTER;
        });
    first.kill();
    int atKill = written();
    System.out.printf(
        "killed the operator with %d of %d objects written (%d when first seen)%n",
        atKill, expected, seen[0]);
    assertThat(atKill).as("killed in the middle of the apply").isLessThan(expected);

    ManagedProcess second = startOperator("operator-2");
    try {
      Await.until(
          "success on " + sha + " after the restart",
          LOOP,
          () -> {
            second.checkAlive();
            JsonNode latest = GiteaSources.latestStatus(gitea, repo, sha);
            return latest != null && "success".equals(latest.get("status").asText());
          });
    } catch (IllegalStateException e) {
      throw new AssertionError(
          e.getMessage() + "\nthe restarted operator's log:\n" + second.logTail(), e);
    } finally {
      second.close();
    }
    assertThat(written()).isEqualTo(expected);
    assertThat(client.apps().statefulSets().inNamespace(SPACE).list().getItems()).hasSize(APPS);
    // Per app a CFApp, its CFRoute and its env Secret; the CFOrg and CFSpace and their Namespaces.
    // The status that records them is written at the end of the reconcile that posted success.
    Await.until(
        "the inventory lists every object applied",
        Duration.ofSeconds(60),
        () -> {
          GitSource source =
              client.resources(GitSource.class).inNamespace(namespace).withName("crash").get();
          return source.getStatus().getInventory() != null
              && source.getStatus().getInventory().stream().mapToInt(e -> e.getNames().size()).sum()
                  == 3 * APPS + 4;
        });

    Map<String, Long> posted = GiteaSources.postedCounts(gitea, repo, sha);
    System.out.println("statuses on the commit: " + posted);
    assertThat(posted)
        .as("every status once")
        .allSatisfy((status, count) -> assertThat(count).as(status).isEqualTo(1));
    assertThat(posted)
        .as("none missing")
        .containsKeys(
            "pending applied, 0/" + APPS + " apps ready",
            "success " + APPS + "/" + APPS + " apps running");
  }

  private static int written() {
    return client.resources(CFApp.class).inNamespace(SPACE).list().getItems().size()
        + client.resources(CFRoute.class).inNamespace(SPACE).list().getItems().size();
  }

  private static ManagedProcess startOperator(String name) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(GitfoundryCommand.class.getName());
    command.addAll(
        List.of(
            "run",
            "--namespace",
            namespace + "," + SPACE, // not the other tests' sources, still in the cluster
            "--port",
            Integer.toString(port),
            "--metrics-port",
            "0", // any free port: 9090 may be taken on a shared machine
            "--public-url",
            "http://127.0.0.1:" + port,
            "--no-leader-election",
            "--cache-dir",
            work.resolve(name + "-git").toString()));
    return ManagedProcess.start(
        name, command, Map.of("KUBECONFIG", cluster.kubeconfigFile().toString()), work.path());
  }

  private static String manifest() {
    StringBuilder yaml = new StringBuilder("applications:\n");
    for (int i = 0; i < APPS; i++) {
      yaml.append("- name: app-")
          .append(i)
          .append("\n  docker: {image: hashicorp/http-echo:1.0}\n  memory: 32M\n");
    }
    return yaml.toString();
  }
}
