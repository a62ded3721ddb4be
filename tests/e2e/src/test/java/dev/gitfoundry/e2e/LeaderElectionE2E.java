package dev.gitfoundry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitfoundry.api.Labels;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.operator.config.OperatorConfig;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas with leader election, as the chart runs them. Webhooks reach the standby (a Service
 * spreads them over both pods) and must still deploy at once; when the leader dies without
 * releasing its Lease (its API server connection cut, like a crashed node), the standby takes over
 * within the Lease duration and the loop goes on with no status posted twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeaderElectionE2E {
  private static final Duration LOOP = Duration.ofMinutes(3);

  /** Far longer than the test: a commit that deploys came through a webhook, not a poll. */
  private static final String INTERVAL = "30m";

  private static final String MANIFEST = "ha/dev/hello/manifest.yml";
  private static final String SPACE = "ha-dev";
  private static KubernetesClient client;
  private static KubernetesClient leaderClient;
  private static TcpProxy leaderApiConnection;
  private static GiteaServer gitea;
  private static GitfoundryOperator first;
  private static GitfoundryOperator second;
  private static GitWorkingCopy repository;
  private static String namespace;
  private static String leaseNamespace;
  private static String repo;
  private static final List<String> commits = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    KubeCluster cluster = KubeCluster.shared();
    gitea = GiteaServer.shared();
    client = cluster.client();
    namespace = cluster.createNamespace("ha");
    leaseNamespace = cluster.createNamespace("ha-system");
    repo = gitea.createRepository("ha-" + System.nanoTime());

    // The first replica reaches the API server through a proxy the test can cut.
    URI api = URI.create(client.getConfiguration().getMasterUrl());
    leaderApiConnection = new TcpProxy(api.getPort());
    leaderClient =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(client.getConfiguration())
                    .withMasterUrl("https://127.0.0.1:" + leaderApiConnection.port())
                    .build())
            .build();
    first = startReplica(leaderClient, "replica-a");
    Await.until("replica-a holds the Lease", LOOP, () -> "replica-a".equals(leaseHolder()));
    second = startReplica(client, "replica-b");
    assertThat(second.leadership().leading()).isFalse();

    GiteaSources.createSecret(client, namespace, gitea, "hook-secret");
    // Every delivery goes to the standby.
    gitea.createWebhook(
        repo, "http://127.0.0.1:" + second.httpPort() + "/hooks/gitea", "hook-secret");
    repository = GitWorkingCopy.clone(gitea, repo);
    String sha =
        repository
            .write("foundation.yml", "domains: [apps.127.0.0.1.nip.io]\n")
            .write(MANIFEST, helloManifest("first"))
            .commitAndPush("hello");
    client
        .resource(
            GiteaSources.gitSource(namespace, "hello", gitea.cloneUrl(repo), gitea, INTERVAL, true))
        .create();
    awaitState(sha, "success");
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable closeable :
        new AutoCloseable[] {second, first, leaderApiConnection, leaderClient, repository}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  @Test
  @Order(1)
  void aWebhookDeliveredToTheStandbyDeploysAtOnce() throws Exception {
    long pushed = System.nanoTime();
    String sha = repository.write(MANIFEST, helloManifest("via-standby")).commitAndPush("standby");
    awaitState(sha, "success");
    System.out.printf(
        "webhook to the standby -> success: %.1f s (poll interval %s)%n",
        (System.nanoTime() - pushed) / 1e9, INTERVAL);
    assertThat(second.leadership().leading()).isFalse();
    assertThat(first.leadership().leading()).isTrue();
  }

  /**
   * Poll requests (webhooks handed over by the standby, or {@code kubectl annotate}) change the
   * GitSource while the leader applies. A reconcile woken by such a change must still see the
   * status the apply wrote, or it applies and posts again.
   */
  @Test
  @Order(2)
  void pollRequestsDuringAnApplyPostEachStatusOnce() throws Exception {
    String sha = repository.write(MANIFEST, helloManifest("busy")).commitAndPush("busy");
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger sent = new AtomicInteger();
    Thread requests =
        new Thread(
            () -> {
              while (!done.get()) {
                // What `kubectl annotate --overwrite` sends.
                client
                    .resources(GitSource.class)
                    .inNamespace(namespace)
                    .withName("hello")
                    .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\""
                            + Labels.REQUESTED_AT
                            + "\":\""
                            + Instant.now()
                            + "\"}}}");
                sent.incrementAndGet();
                try {
                  Thread.sleep(40);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    requests.setDaemon(true);
    requests.start();
    try {
      awaitState(sha, "success");
      Thread.sleep(3000); // a late duplicate would show by now
    } finally {
      done.set(true);
      requests.join();
    }
    assertThat(sent.get()).as("poll requests sent during the apply").isGreaterThan(10);
    assertThat(GiteaSources.postedCounts(gitea, repo, sha))
        .containsOnlyKeys("pending applied, 0/1 apps ready", "success 1/1 apps running")
        .allSatisfy((status, count) -> assertThat(count).as(status).isEqualTo(1));
  }

  @Test
  @Order(3)
  void theStandbyTakesOverWhenTheLeaderDies() throws Exception {
    long killed = System.nanoTime();
    leaderApiConnection.stop();
    // Closing tries to release the Lease, which cannot reach the API server any more: a crash.
    Thread closer =
        new Thread(
            () -> {
              try {
                first.close();
              } catch (Exception e) {
                // expected: no API server
              }
            });
    closer.setDaemon(true);
    closer.start();

    Await.until("replica-b holds the Lease", LOOP, () -> "replica-b".equals(leaseHolder()));
    double takeover = (System.nanoTime() - killed) / 1e9;
    System.out.printf("leader killed -> standby holds the Lease: %.1f s%n", takeover);
    assertThat(takeover).as("Lease duration 15 s + retry period 2 s, with slack").isLessThan(40);
    Await.until("replica-b leads", LOOP, () -> second.leadership().leading());
    // In production it exits; here it lives on, and must neither apply nor post.
    assertThat(first.leadership().leading()).as("replica-a knows it lost the Lease").isFalse();

    String sha = repository.write(MANIFEST, helloManifest("new-leader")).commitAndPush("takeover");
    awaitState(sha, "success");
    StatefulSet web = client.apps().statefulSets().inNamespace(SPACE).withName("hello-web").get();
    assertThat(web.getSpec().getReplicas()).isEqualTo(2);
    for (String commit : commits) {
      Map<String, Long> posted = GiteaSources.postedCounts(gitea, repo, commit);
      assertThat(posted)
          .as("statuses on " + commit)
          .allSatisfy((status, count) -> assertThat(count).as(status).isEqualTo(1));
    }
  }

  private static GitfoundryOperator startReplica(KubernetesClient kube, String identity)
      throws Exception {
    GitfoundryOperator replica =
        new GitfoundryOperator(
            kube,
            OperatorConfig.defaults().withLeaderElectionForTests(leaseNamespace, identity),
            Files.createTempDirectory("git-cache"),
            new InetSocketAddress("127.0.0.1", 0),
            Clock.systemUTC());
    replica.start();
    return replica;
  }

  private static String leaseHolder() {
    Lease lease = client.leases().inNamespace(leaseNamespace).withName("gitfoundry-leader").get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static String helloManifest(String greeting) {
    return "applications:\n- name: hello\n  docker: {image: hashicorp/http-echo:1.0}\n  instances: 2\n"
        + "  memory: 64M\n  env: {GREETING: "
        + greeting
        + "}\n";
  }

  private static void awaitState(String sha, String state) {
    commits.add(sha);
    GiteaSources.awaitState(gitea, repo, sha, state, LOOP);
  }
}
