package dev.gitfoundry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitfoundry.api.v1alpha1.CFApp;
import dev.gitfoundry.api.v1alpha1.Conditions;
import dev.gitfoundry.api.v1alpha1.GitSource;
import dev.gitfoundry.operator.GitfoundryOperator;
import dev.gitfoundry.testing.Await;
import dev.gitfoundry.testing.GitWorkingCopy;
import dev.gitfoundry.testing.GiteaServer;
import dev.gitfoundry.testing.KubeCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The acme example through the whole loop: its quotas and security groups become a ResourceQuota, a
 * LimitRange and NetworkPolicies, its web app's instances read their index and their bound services
 * as files, and a push that takes a space over its quota fails at compile time, with file:line, and
 * changes nothing. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundationE2E {
  private static final Duration LOOP = Duration.ofMinutes(3);
  private static final String PROD = "acme-prod";
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
    namespace = cluster.createNamespace("foundation");
    repo = gitea.createRepository("foundation-" + System.nanoTime());
    operator = InProcessOperator.start(client);
    GiteaSources.createSecret(client, namespace, gitea, null);
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
  void quotasAndSecurityGroupsBecomeObjectsInTheSpaceNamespace() throws Exception {
    repository.replaceWith(projectRoot().resolve("examples/repos/acme")).commitAndPush("acme");
    client
        .resource(
            GiteaSources.gitSource(namespace, "acme", gitea.cloneUrl(repo), gitea, "2s", false))
        .create();

    Await.until("acme-prod's ResourceQuota", LOOP, () -> quota() != null);
    assertThat(quota().getSpec().getHard())
        .isEqualTo(Map.of("limits.memory", new Quantity("4Gi"), "pods", new Quantity("10")));
    Await.until(
        "acme-prod's LimitRange",
        LOOP,
        () -> client.limitRanges().inNamespace(PROD).withName("gitfoundry-limits").get() != null);
    Await.until("acme-prod's NetworkPolicies", LOOP, () -> policyNames(PROD).size() == 3);
    assertThat(policyNames(PROD))
        .containsExactlyInAnyOrder(
            "gitfoundry-egress", "gitfoundry-asg-public-networks", "gitfoundry-asg-orders-db");
    NetworkPolicy orders =
        client
            .network()
            .v1()
            .networkPolicies()
            .inNamespace(PROD)
            .withName("gitfoundry-asg-orders-db")
            .get();
    assertThat(orders.getSpec().getEgress().get(0).getTo().get(0).getIpBlock().getCidr())
        .isEqualTo("10.20.0.0/24");
    // staging has an inline quota and only the running default group; globex has no quota.
    Await.until(
        "acme-staging's ResourceQuota",
        LOOP,
        () ->
            client.resourceQuotas().inNamespace("acme-staging").withName("gitfoundry-quota").get()
                != null);
    Await.until("globex-dev's NetworkPolicies", LOOP, () -> policyNames("globex-dev").size() == 2);
    assertThat(client.resourceQuotas().inNamespace("globex-dev").list().getItems()).isEmpty();
  }

  @Test
  @Order(2)
  void webInstancesReadTheirIndexAndTheirServicesAsFiles() {
    // The platform team's service Secrets, never in Git.
    secret("orders-db", Map.of("uri", "postgres://orders@10.20.0.5/orders", "type", "postgresql"));
    secret("cache", Map.of("host", "10.20.1.7", "port", "6379"));

    Await.until("web's 3 instances and its worker running", LOOP, () -> running("web").size() == 4);
    List<Pod> web =
        running("web").stream()
            .filter(
                p -> "web".equals(p.getMetadata().getLabels().get("gitfoundry.dev/process-type")))
            .toList();
    assertThat(web)
        .extracting(p -> p.getMetadata().getLabels().get("apps.kubernetes.io/pod-index"))
        .containsExactlyInAnyOrder("0", "1", "2");
    Pod pod = web.get(0);
    Container app = pod.getSpec().getContainers().get(0);
    assertThat(env(app, "CF_INSTANCE_INDEX").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.labels['apps.kubernetes.io/pod-index']");
    assertThat(env(app, "SERVICE_BINDING_ROOT").getValue()).isEqualTo("/bindings");
    assertThat(app.getVolumeMounts())
        .extracting(m -> m.getMountPath())
        .containsExactly("/bindings/orders-db", "/bindings/redis");
    // orders-db's Secret has its own type; cache's gets user-provided from the Pod's annotations.
    assertThat(pod.getMetadata().getAnnotations())
        .doesNotContainKey("gitfoundry.dev/binding-0-type")
        .containsEntry("gitfoundry.dev/binding-0-provider", "user-provided")
        .containsEntry("gitfoundry.dev/binding-1-type", "user-provided");
    // Within the quota: every container has a memory limit the LimitRange allows.
    assertThat(app.getResources().getLimits()).containsEntry("memory", new Quantity("256Mi"));
    Await.until(
        "the quota to count web's memory",
        LOOP,
        () ->
            quota().getStatus() != null
                && quota().getStatus().getUsed() != null
                && new Quantity("896Mi")
                    .equals(quota().getStatus().getUsed().get("limits.memory")));
  }

  @Test
  @Order(3)
  void aPushOverTheSpaceQuotaFailsWithFileAndLineAndAppliesNothing() throws Exception {
    String sha =
        repository
            .write("acme/prod/vars.yml", "web-instances: 30\nweb-host: www\n")
            .commitAndPush("scale web past the quota");
    GiteaSources.awaitState(gitea, repo, sha, "failure", LOOP);
    JsonNode status = GiteaSources.latestStatus(gitea, repo, sha);
    assertThat(status.get("description").asText())
        .startsWith(
            "acme/prod/web/manifest.yml:9:20 For application 'web': You have exceeded the"
                + " instance limit for your space's quota");
    // The condition is written after the commit status is posted.
    Await.until(
        "the GitSource to report CompileFailed",
        LOOP,
        () ->
            Conditions.get(source().getStatus(), Conditions.READY)
                .filter(c -> "CompileFailed".equals(c.getReason()))
                .isPresent());
    GitSource source = source();
    assertThat(source.getStatus().getErrors())
        .extracting(e -> e.getFile() + ":" + e.getLine() + " " + e.getMessage())
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith("acme/prod/web/manifest.yml:10 ")
                    .contains("You have exceeded your space's memory limit: space acme/prod:")
                    .contains("exceeds quota small's 4G total memory"));
    assertThat(
            client
                .resources(CFApp.class)
                .inNamespace(PROD)
                .withName("web")
                .get()
                .getSpec()
                .getProcesses()
                .get(0)
                .getInstances())
        .isEqualTo(3);
    assertThat(
            client
                .apps()
                .statefulSets()
                .inNamespace(PROD)
                .withName("web-web")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
  }

  private static GitSource source() {
    return client.resources(GitSource.class).inNamespace(namespace).withName("acme").get();
  }

  private static ResourceQuota quota() {
    return client.resourceQuotas().inNamespace(PROD).withName("gitfoundry-quota").get();
  }

  private static List<String> policyNames(String ns) {
    return client.network().v1().networkPolicies().inNamespace(ns).list().getItems().stream()
        .map(p -> p.getMetadata().getName())
        .toList();
  }

  private static List<Pod> running(String app) {
    return client
        .pods()
        .inNamespace(PROD)
        .withLabel("gitfoundry.dev/app", app)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> "Running".equals(p.getStatus().getPhase()))
        .toList();
  }

  private static EnvVar env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name));
  }

  private static void secret(String name, Map<String, String> data) {
    client
        .secrets()
        .inNamespace(PROD)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(PROD)
                .endMetadata()
                .withStringData(data)
                .build())
        .create();
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
